package io.lodestar.recommendation.interaction;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/customers/{customerId}/hidden-items/{itemId}")
@Tag(name = "Feedback")
@RolesAllowed({Roles.APP, Roles.OPERATOR})
public class HiddenItemResource {

    private final InteractionService service;

    public HiddenItemResource(InteractionService service) {
        this.service = service;
    }

    @PUT
    @Operation(summary = "The customer is not interested in an item",
            description = "The item is never recommended to the customer again and counts as negative feedback at "
                    + "the next training; their cached recommendations are dropped. Idempotent: 204.")
    public Uni<Void> hide(@RestPath String customerId, @RestPath String itemId) {
        return service.hide(customerId, itemId);
    }

    @DELETE
    @Operation(summary = "Withdraw a \"not interested\"", description = "Idempotent: 204.")
    public Uni<Void> unhide(@RestPath String customerId, @RestPath String itemId) {
        return service.unhide(customerId, itemId);
    }
}
