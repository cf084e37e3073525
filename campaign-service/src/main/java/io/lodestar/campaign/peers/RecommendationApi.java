package io.lodestar.campaign.peers;

import java.util.List;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of recommendation-service's API campaigns use. Only {@link RecommendationClient} calls it. */
@RegisterRestClient(configKey = "recommendation")
@RegisterClientHeaders(ServiceTokenHeaders.class)
interface RecommendationApi {

    /** The fields of recommendation-service's RecommendationsView that a message needs (unknown ones are ignored). */
    record Recommendations(String recommendationId, List<Item> items) {
    }

    record Item(String itemId, String title) {
    }


    @GET
    @Path("/recommendations/{customerId}")
    Uni<Recommendations> recommend(@PathParam("customerId") String customerId, @QueryParam("scene") String scene,
                                   @QueryParam("k") int k);

    @GET
    @Path("/recommendations/{customerId}")
    Uni<Recommendations> popular(@PathParam("customerId") String anonymousId, @QueryParam("scene") String scene,
                                 @QueryParam("k") int k);
}
