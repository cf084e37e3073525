package io.lodestar.campaign.campaign;

import java.net.URI;
import java.util.List;

import io.lodestar.campaign.dispatch.CampaignRunView;
import io.lodestar.campaign.report.CampaignReport;
import io.lodestar.campaign.report.ExperimentReport;
import io.lodestar.campaign.report.ReportService;
import io.lodestar.campaign.report.TrackingRow;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Campaigns, their lifecycle and their reports. Everything under {@code /campaigns} is in this one class: RESTEasy
 * Reactive does not merge a path prefix across resource classes.
 */
@Path("/campaigns")
@Tag(name = "Campaigns")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService service;
    private final ReportService reports;

    public CampaignResource(CampaignService service, ReportService reports) {
        this.service = service;
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign (a draft)",
            description = "A broadcast to an audience, or a triggered journey when `journey` is given. 400 names "
                    + "every invalid field: unknown template variables, a schedule in the past, an empty audience, "
                    + "a budget below one message, a send window that never opens, a journey with unreachable "
                    + "steps or no exit.")
    public Uni<RestResponse<CampaignView>> create(@NotNull @Valid CampaignDefinition definition) {
        return service.create(definition).map(created -> RestResponse.ResponseBuilder
                .<CampaignView>created(URI.create("/campaigns/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(summary = "Campaigns in id order (cursor pages), optionally of one status")
    public Uni<CursorPage<CampaignView>> list(@RestQuery String status, @RestQuery String cursor,
                                              @RestQuery @DefaultValue("50") int limit) {
        return service.list(status, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One campaign")
    public Uni<CampaignView> get(@RestPath String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft's definition", description = "409 unless the campaign is a draft.")
    public Uni<CampaignView> update(@RestPath String id, @NotNull @Valid CampaignDefinition definition) {
        return service.update(id, definition);
    }

    @POST
    @Path("/{id}/schedule")
    @Operation(summary = "draft → scheduled", description = "Validates again; a broadcast then starts at its "
            + "schedule, a journey starts taking entrants. 409 from any other state.")
    public Uni<CampaignView> schedule(@RestPath String id) {
        return service.schedule(id);
    }

    @POST
    @Path("/{id}/unschedule")
    @Operation(summary = "scheduled → draft (to edit it)")
    public Uni<CampaignView> unschedule(@RestPath String id) {
        return service.unschedule(id);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "running → paused", description = "Dispatch stops after the page in progress; held "
            + "messages and journeys wait.")
    public Uni<CampaignView> pause(@RestPath String id, @RestQuery String reason) {
        return service.pause(id, reason);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "paused → running", description = "Dispatch resumes where it stopped.")
    public Uni<CampaignView> resume(@RestPath String id) {
        return service.resume(id);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "running or paused → completed", description = "Held messages are withdrawn and live "
            + "journeys end.")
    public Uni<CampaignView> complete(@RestPath String id) {
        return service.complete(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a campaign that has not ended")
    public Uni<CampaignView> cancel(@RestPath String id) {
        return service.cancel(id);
    }

    @GET
    @Path("/{id}/runs")
    @Operation(summary = "A broadcast's runs: phase, audience size, dispatched, held and skipped so far")
    public Uni<List<CampaignRunView>> runs(@RestPath String id) {
        return service.runs(id);
    }

    @GET
    @Path("/{id}/report")
    @Operation(summary = "Funnel, revenue, cost and ROI per variant and channel",
            description = "targeted → delivered → opened → clicked → add-to-cart → ordered → paid, with step "
                    + "conversion; attributed revenue (last touch), message cost, ROI as revenue : cost, coupons "
                    + "issued and redeemed.")
    public Uni<CampaignReport> report(@RestPath String id) {
        return reports.campaign(id);
    }

    @GET
    @Path("/{id}/experiment")
    @Operation(summary = "A/B result against the control group",
            description = "Conversion rate per group, lift against control with its confidence interval, "
                    + "two-proportion z-test p-value; 'no_significant_winner' is an outcome, not a guess.")
    public Uni<ExperimentReport> experiment(@RestPath String id,
                                            @RestQuery @DefaultValue("0.05") double alpha) {
        return reports.experiment(id, alpha);
    }

    @GET
    @Path("/tracking")
    @Operation(summary = "The execution-tracking table (segment, strategy, action, owner, target metric, cycle, "
            + "progress %), in cursor pages of campaigns in id order, optionally of one status")
    public Uni<CursorPage<TrackingRow>> tracking(@RestQuery String status, @RestQuery String cursor,
                                                 @RestQuery @DefaultValue("50") int limit) {
        return reports.tracking(status, cursor, limit);
    }

    @GET
    @Path("/tracking.csv")
    @Produces("text/csv")
    @Operation(summary = "The execution-tracking table as CSV")
    public Uni<String> trackingCsv(@RestQuery String status) {
        return reports.trackingCsv(status);
    }
}
