package io.lodestar.segmentation.alert;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/alert-rules")
@Tag(name = "Alerts")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AlertRuleResource {

    private final AlertRuleService service;
    private final AlertService alerts;

    public AlertRuleResource(AlertRuleService service, AlertService alerts) {
        this.service = service;
        this.alerts = alerts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define an alert rule",
            description = "threshold (metric above/below a value over the last windowHours closed hours) or seasonal "
                    + "(outside median × (1 ± band) of the same hours in the last `weeks` weeks); minVolume keeps "
                    + "quiet hours from paging anyone. Alerts go to lodestar.alerts.v1 and GET /alerts.")
    public Uni<RestResponse<AlertRuleView>> create(@NotNull @Valid AlertRuleRequest request) {
        return service.create(request).map(rule -> RestResponse.ResponseBuilder
                .<AlertRuleView>created(URI.create("/alert-rules/" + rule.id())).entity(rule).build());
    }

    @GET
    @Operation(summary = "All alert rules")
    public Uni<List<AlertRuleView>> list() {
        return service.list();
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "The metrics a rule can name")
    public Uni<List<AlertMetric>> metrics() {
        return service.metrics();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert rule")
    public Uni<AlertRuleView> get(@RestPath String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an alert rule's definition", description = "It applies from the next closed hour.")
    public Uni<AlertRuleView> replace(@RestPath String id, @NotNull @Valid AlertRuleRequest request) {
        return service.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an alert rule", description = "409 while it has an open alert; its alerts stay listed.")
    public Uni<Void> delete(@RestPath String id) {
        return service.delete(id);
    }

    @POST
    @Path("/{id}/evaluations")
    @Operation(summary = "Evaluate the rule now, or as of an instant",
            description = "Judges the last closed hour(s) before asOf (default now), raising, updating or resolving "
                    + "its alert as the scheduler would; an hour already evaluated changes nothing.")
    public Uni<EvaluationView> evaluate(@RestPath String id, @RestQuery String asOf) {
        return alerts.evaluate(id, asOf);
    }
}
