package io.lodestar.segmentation.segment;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/segments")
@Tag(name = "Rule segments")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentService service;

    public SegmentResource(SegmentService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a rule segment",
            description = "A condition tree (all / any / not over attributes, features, RFM class, cluster, lifecycle, "
                    + "churn, event counts in a window, other segments). Members are computed by each run and "
                    + "published as segment.entered / segment.exited.")
    public Uni<RestResponse<SegmentView>> create(@NotNull @Valid SegmentRequest request) {
        return service.create(request).map(segment -> RestResponse.ResponseBuilder
                .<SegmentView>created(URI.create("/segments/" + segment.id())).entity(segment).build());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Count and sample the customers a condition selects now, without saving it")
    public Uni<PreviewView> preview(@NotNull @Valid PreviewRequest request) {
        return service.preview(request);
    }

    @GET
    @Operation(summary = "All rule segments with their member counts (as of the last run)")
    public Uni<List<SegmentView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule segment")
    public Uni<SegmentView> get(@RestPath String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rule segment's definition", description = "Members change at the next run.")
    public Uni<SegmentView> replace(@RestPath String id, @NotNull @Valid SegmentRequest request) {
        return service.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule segment", description = "409 while another segment references it.")
    public Uni<Void> delete(@RestPath String id) {
        return service.delete(id);
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "The segment's members as of the last run, by customer id (cursor pages)")
    public Uni<CursorPage<String>> members(@RestPath String id, @RestQuery String cursor,
                                           @RestQuery @DefaultValue("100") int limit) {
        return service.members(id, cursor, limit);
    }
}
