package io.lodestar.recommendation.trend;

import java.util.List;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Trending items: what the detector published on {@code lodestar.product-trends.v1}, and a detection on demand. */
@Path("/trending")
@Tag(name = "Trends and demand")
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {

    private final TrendingService service;

    public TrendingResource(TrendingService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR})
    @Operation(summary = "The items currently trending, strongest first",
            description = "Items reported within the last window (lodestar.trends.window, 24 h): heat (weighted "
                    + "views, carts and orders) of the window that ended at detection, the previous window's heat and "
                    + "the growth between them (1.0 for an item without previous heat). category: one leaf category; "
                    + "limit 1 to 100.")
    public Uni<List<TrendingItemView>> trending(@RestQuery String category,
                                                @RestQuery @DefaultValue("20") int limit) {
        return service.currentlyTrending(category, limit);
    }

    @POST
    @Path("/detections")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Run a trend detection now and return what it published",
            description = "The same detection the schedule runs (lodestar.trends.interval): items whose heat rose by "
                    + "the threshold are published once per reporting window. Waits for a detection running on "
                    + "another replica; 409 if that takes longer than 10 s.")
    public Uni<TrendDetectionView> detect() {
        return service.detectNow();
    }
}
