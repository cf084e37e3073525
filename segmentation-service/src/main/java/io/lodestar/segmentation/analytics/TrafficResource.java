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
 * Site traffic, funnel, conversion paths and touchpoint heatmap. Parameters arrive as text and are parsed by the
 * service, so that a malformed value is a 400 problem naming the parameter.
 */
@Path("/analytics")
@Tag(name = "Analytics", description = "Customer analytics over the facts segmentation keeps")
@Produces(MediaType.APPLICATION_JSON)
public class TrafficResource {

    private static final String PERIOD = "Whole UTC days from..to (inclusive), YYYY-MM-DD; default the 30 days up to "
            + "today; at most lodestar.traffic.retention-days (400) long and not starting before it";

    private final TrafficService service;

    public TrafficResource(TrafficService service) {
        this.service = service;
    }

    @GET
    @Path("/traffic")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Page views, unique, new and returning visitors",
            description = "Per day, ISO week or calendar month (UTC), of one channel or all: page views (page_view and "
                    + "product_view events), interactions (every behaviour event), unique visitors (customers and "
                    + "anonymous visitors; Redis HyperLogLog, about 0.81% standard error), new visitors (first event ever "
                    + "on the channel, or anywhere without a channel filter, in the bucket), new-visitor share, returning "
                    + "visitors (unique minus new: seen before the bucket) and returning-visitor rate. " + PERIOD)
    public Uni<TrafficView> traffic(
            @Parameter(description = "First day, YYYY-MM-DD") @RestQuery String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RestQuery String to,
            @Parameter(description = "day (default), week or month") @RestQuery String granularity,
            @Parameter(description = "app, mini_program, h5, web, live_stream, community or offline; default all")
            @RestQuery String channel,
            @Parameter(description = "pageViews, interactions, uniqueVisitors, newVisitors, newVisitorShare, "
                    + "returningVisitors, returningVisitorRate; comma-separated or repeated; default all")
            @RestQuery List<String> metrics) {
        return service.traffic(new TrafficRequest(from, to, granularity, channel, metrics));
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Site funnel: exposure, click, add to cart, checkout, pay",
            description = "Customers (not anonymous visitors) per step, per UTC day, channel and category: a customer "
                    + "counts once per step and session window x channel x category (lodestar.traffic."
                    + "funnel-session-window, default the UTC day), and a day is the sum of its windows. Per step "
                    + "the customers, those continuing from the previous step, the step conversion and drop-off, and the "
                    + "unobserved entries (customers in the step with no earlier step recorded, e.g. a pay without an "
                    + "exposure; still counted). Pay is an order.paid with a channel, in each category of its lines. "
                    + PERIOD)
    public Uni<FunnelView> funnel(
            @Parameter(description = "First day, YYYY-MM-DD") @RestQuery String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RestQuery String to,
            @Parameter(description = "Only this channel") @RestQuery String channel,
            @Parameter(description = "Only this category ('unknown' for events without one)") @RestQuery String category) {
        return service.funnel(new FunnelRequest(from, to, channel, category));
    }

    @GET
    @Path("/paths")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Conversion per first touch → order channel",
            description = "Each customer's first touch of the period (earliest behaviour event) and the channels of the "
                    + "paid orders that follow it within lodestar.traffic.path-lookback (7 days): per pair the "
                    + "customers, and the conversion = those customers ÷ customers whose first touch was that channel. "
                    + PERIOD)
    public Uni<PathsView> paths(
            @Parameter(description = "First day, YYYY-MM-DD") @RestQuery String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RestQuery String to) {
        return service.paths(from, to);
    }

    @GET
    @Path("/heatmap")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Interactions and orders by channel x day of week x hour, and the best send slots",
            description = "Cells in lodestar.traffic.heatmap-zone (Asia/Shanghai). Best send slots: the hours of the week "
                    + "with the highest conversion (orders ÷ interactions) among those with at least "
                    + "lodestar.traffic.best-slot-minimum-interactions; with segment=<tag>=<value> (a segment tag, e.g. "
                    + "lifecycle=active) over the segment's current customers' whole history, otherwise over every "
                    + "visitor in the period. " + PERIOD)
    public Uni<HeatmapView> heatmap(
            @Parameter(description = "First day, YYYY-MM-DD") @RestQuery String from,
            @Parameter(description = "Last day, YYYY-MM-DD") @RestQuery String to,
            @Parameter(description = "Only this channel") @RestQuery String channel,
            @Parameter(description = "A segment tag and value, e.g. lifecycle=active") @RestQuery String segment) {
        return service.heatmap(new HeatmapRequest(from, to, channel, segment));
    }
}
