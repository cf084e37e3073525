package io.lodestar.recommendation.interaction;

import java.util.List;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/customers/{customerId}/interactions")
@Tag(name = "Feedback")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    private final InteractionService service;

    public InteractionResource(InteractionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "What the recommender knows about a customer: their latest interactions, newest first",
            description = "One row per item of each event or order (kinds: product_view, click, favorite, "
                    + "add_to_cart, remove_from_cart, share, recommendation_click, order, refund, not_interested).")
    public Uni<List<Interaction>> latest(@RestPath String customerId, @RestQuery @DefaultValue("100") int limit) {
        return service.latest(customerId, limit);
    }
}
