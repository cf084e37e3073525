package io.lodestar.segmentation.run;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/segmentation/runs")
@Tag(name = "Segmentation runs")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SegmentationRunResource {

    private final SegmentationRunService service;

    public SegmentationRunResource(SegmentationRunService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a full recomputation",
            description = "RFM under every model, lifecycle stages and flags, tags in Redis (a new version, switched "
                    + "at the end) and membership events for what changed. 202 with the run to poll; 409 while "
                    + "another run is running.")
    public Uni<RestResponse<RunView>> start(StartRunRequest request) {
        return service.start(request, SegmentationRunService.MANUAL).map(run -> RestResponse.ResponseBuilder
                .<RunView>accepted().location(URI.create("/segmentation/runs/" + run.id())).entity(run).build());
    }

    @GET
    @Operation(summary = "The latest runs, newest first")
    public Uni<List<RunView>> latest(@RestQuery @DefaultValue("20") int limit) {
        return service.latest(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One run: status, progress, phase timings, distribution and transitions")
    public Uni<RunView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
