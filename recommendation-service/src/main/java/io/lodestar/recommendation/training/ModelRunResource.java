package io.lodestar.recommendation.training;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/models/runs")
@Tag(name = "Model training")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ModelRunResource {

    private final ModelRunService service;

    public ModelRunResource(ModelRunService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Train every model on the current interactions",
            description = "Item-CF, implicit ALS, popularity (global, per category, segment, region, age band), "
                    + "association and sequential rules, stored as a new version and served by every replica once "
                    + "it succeeds. 202 with the run to poll; 409 while another run is running.")
    public Uni<RestResponse<ModelRunView>> start() {
        return service.start(ModelRunService.MANUAL).map(run -> RestResponse.ResponseBuilder
                .<ModelRunView>accepted().location(URI.create("/models/runs/" + run.id())).entity(run).build());
    }

    @GET
    @Operation(summary = "The latest runs, newest first")
    public Uni<List<ModelRunView>> latest(@RestQuery @DefaultValue("20") int limit) {
        return service.latest(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One run: status, progress, phase timings, what each model reported, the version")
    public Uni<ModelRunView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
