package io.lodestar.platform.outbox;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Every service exposes its outbox backlog to administrators, so a Kafka outage is visible before it hurts. */
@Path("/admin/outbox")
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {

    private final OutboxService outbox;

    public OutboxResource(OutboxService outbox) {
        this.outbox = outbox;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Outbox backlog", description = "Events committed but not yet acknowledged by Kafka.")
    public Uni<OutboxStatus> status() {
        return outbox.status();
    }
}
