package io.lodestar.campaign.peers;

import java.util.List;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of segmentation-service's API campaigns use. Only {@link SegmentationClient} calls it. */
@RegisterRestClient(configKey = "segmentation")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/segments")
interface SegmentationApi {

    /** A page of a segment's members as of its last run (segmentation's CursorPage). */
    record MemberPage(List<String> items, String nextCursor) {
    }

    @GET
    @Path("/{id}/members")
    Uni<MemberPage> members(@PathParam("id") String segmentId, @QueryParam("cursor") String cursor,
                            @QueryParam("limit") int limit);
}
