package io.lodestar.segmentation.tag;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/customers/{customerId}/segments")
@Tag(name = "Segment tags")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentTagResource {

    private final SegmentTagService service;

    public SegmentTagResource(SegmentTagService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A customer's segment tags (hot path)",
            description = "RFM class, code and scores per model, lifecycle stage and flags, churn risk, cluster and "
                    + "rule segments, from Redis (the last run's version plus changes since); from PostgreSQL when "
                    + "Redis does not answer within lodestar.tags.redis-timeout. A customer without tags gets an "
                    + "empty map, not 404.")
    public Uni<SegmentTagsView> segments(@RestPath String customerId) {
        return service.tagsOf(customerId);
    }
}
