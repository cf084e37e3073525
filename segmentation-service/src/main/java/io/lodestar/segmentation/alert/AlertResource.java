package io.lodestar.segmentation.alert;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/alerts")
@Tag(name = "Alerts")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService service;

    public AlertResource(AlertService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Alerts, the latest started first (cursor pages)",
            description = "status open|resolved, metric, ruleId; from/to (ISO-8601) bound startedAt to [from, to).")
    public Uni<CursorPage<AlertView>> list(@RestQuery String status, @RestQuery String metric,
                                           @RestQuery String ruleId, @RestQuery String from, @RestQuery String to,
                                           @RestQuery String cursor, @RestQuery @DefaultValue("100") int limit) {
        return service.list(status, metric, ruleId, from, to, cursor, limit);
    }
}
