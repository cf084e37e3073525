package io.lodestar.recommendation.serving;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/recommendations/{customerId}")
@Tag(name = "Recommendations")
@RolesAllowed({Roles.APP, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final RecommendationService service;

    public RecommendationResource(RecommendationService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "What to show a customer",
            description = "scene: home (default), product (itemId required: similar and bought-together items), "
                    + "cart (complements of the cart, plus itemId if given), message (for campaigns). k: 1-100, "
                    + "default 10. Each item has a score, the model that produced it and a reason. An unknown "
                    + "customer gets cold-start recommendations (popular in segment, region, age band). Out-of-stock, "
                    + "hidden and not-interested items and bought durables are never returned; consumables come back "
                    + "when due. Send the recommendationId with impression and click events.")
    public Uni<RecommendationsView> recommend(@RestPath String customerId, @RestQuery String scene,
                                              @RestQuery String itemId, @RestQuery Integer k) {
        return service.recommend(customerId, scene, itemId, k);
    }
}
