package io.lodestar.recommendation.evaluation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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

/** Offline evaluation jobs: every model and the baselines measured on the same split of the stored interactions. */
@Path("/evaluations")
@Tag(name = "Offline evaluation")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    private final EvaluationService service;

    public EvaluationResource(EvaluationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate every model offline",
            description = "Splits the interactions (time: the last testDays days are the test period; or "
                    + "leave-last-out), trains item-CF, ALS and association rules with the training settings on the "
                    + "training part and reports precision, recall, NDCG, MAP and hit rate at each k, catalogue "
                    + "coverage and long-tail share, next to the popularity and random baselines. 202 with the "
                    + "evaluation to poll; 409 while another evaluation is running.")
    public Uni<RestResponse<EvaluationView>> start(@Valid EvaluationRequest request) {
        return service.start(request).map(evaluation -> RestResponse.ResponseBuilder
                .<EvaluationView>accepted().location(URI.create("/evaluations/" + evaluation.id()))
                .entity(evaluation).build());
    }

    @GET
    @Operation(summary = "The latest evaluations, newest first")
    public Uni<List<EvaluationView>> latest(@RestQuery @DefaultValue("20") int limit) {
        return service.latest(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One evaluation: status, progress, phase timings and, once done, the table")
    public Uni<EvaluationView> get(@RestPath UUID id) {
        return service.get(id);
    }
}
