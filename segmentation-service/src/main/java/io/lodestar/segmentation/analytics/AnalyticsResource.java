package io.lodestar.segmentation.analytics;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Read-only customer analytics. Parameters arrive as text and are parsed by the service, so that a malformed value is a
 * 400 problem naming the parameter rather than the framework's anonymous conversion error.
 */
@Path("/analytics")
@Tag(name = "Analytics", description = "Customer analytics over the facts segmentation keeps")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final AnalyticsService service;

    public AnalyticsResource(AnalyticsService service) {
        this.service = service;
    }

    @GET
    @Path("/value-concentration")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "How concentrated net revenue is over customers",
            description = "Net revenue per customer (paid minus refunded, both in the window [asOf - windowDays, asOf]) "
                    + "as a Lorenz table read from the top: the share of revenue the top x% of customers bring at each "
                    + "requested point, interpolated linearly between customers. Also the smallest share of customers "
                    + "bringing 50% and 80% of revenue, the Gini coefficient, the population and the revenue. The "
                    + "population is every customer with a paid order or refund in the window; one whose net is zero or "
                    + "negative counts but brings nothing.")
    public Uni<ValueConcentrationView> valueConcentration(
            @Parameter(description = "End of the window, ISO-8601 instant (inclusive); default now")
            @RestQuery String asOf,
            @Parameter(description = "Window length in whole days, 1 to 36500; default the whole history")
            @RestQuery String windowDays,
            @Parameter(description = "Percent of customers to report, each in (0, 100], comma-separated or repeated; "
                    + "default 1,5,10,15,20,30,50,80,100")
            @RestQuery List<String> points) {
        return service.valueConcentration(new ValueConcentrationRequest(asOf, windowDays, points));
    }

    @GET
    @Path("/repurchase-cycle")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Days between consecutive paid orders",
            description = "For every paid order up to asOf that follows an earlier paid order of the same customer, "
                    + "the days elapsed since that order: count, mean, median and quartiles (percentile_cont), overall, "
                    + "per category and per age band. An interval belongs to each category its later order contains, "
                    + "and to the customer's age band on asOf's UTC date ('unknown' without a birth date). The filters "
                    + "narrow every part of the answer.")
    public Uni<RepurchaseCycleView> repurchaseCycle(
            @Parameter(description = "Only intervals whose later order contains this category")
            @RestQuery String category,
            @Parameter(description = "Only customers in this age band: under-18, 18-24, 25-34, 35-44, 45-54, "
                    + "55-plus or unknown")
            @RestQuery String ageBand,
            @Parameter(description = "ISO-8601 instant the history ends at (inclusive); default now")
            @RestQuery String asOf) {
        return service.repurchaseCycle(new RepurchaseCycleRequest(category, ageBand, asOf));
    }

    @GET
    @Path("/cohorts")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Monthly first-purchase cohorts and their retention",
            description = "A customer's cohort is the UTC month of their first paid order. For each cohort with "
                    + "customers: its size and, for month offsets 0..periods-1, how many of its customers and which "
                    + "percentage paid an order in that month (null for months that have not begun yet).")
    public Uni<CohortsView> cohorts(
            @Parameter(description = "First cohort month, YYYY-MM (inclusive); default the earliest")
            @RestQuery String from,
            @Parameter(description = "Last cohort month, YYYY-MM (inclusive); default the latest")
            @RestQuery String to,
            @Parameter(description = "Month offsets per cohort, 1 to 36; default 12")
            @RestQuery String periods) {
        return service.cohorts(new CohortRequest(from, to, periods));
    }
}
