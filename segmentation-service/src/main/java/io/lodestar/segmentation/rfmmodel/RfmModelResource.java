package io.lodestar.segmentation.rfmmodel;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Multi;
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

@Path("/rfm-models")
@Tag(name = "RFM models")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RfmModelResource {

    /** Below JSON in preference (qs), so a client that accepts anything gets JSON pages. */
    private static final String CSV = "text/csv;qs=0.5";

    private final RfmModelService service;

    public RfmModelResource(RfmModelService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define an RFM model",
            description = "Threshold scheme (the 8 classic classes; thresholds and High/Low cuts default to the "
                    + "glossary's and the population mean) or quintile scheme (the 11 named segments). Every "
                    + "segmentation run scores every customer under every model.")
    public Uni<RestResponse<RfmModelView>> create(@NotNull @Valid RfmModelRequest request) {
        return service.create(request).map(model -> RestResponse.ResponseBuilder
                .<RfmModelView>created(URI.create("/rfm-models/" + model.id())).entity(model).build());
    }

    @GET
    @Operation(summary = "All RFM models, by name")
    public Uni<List<RfmModelView>> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One RFM model")
    public Uni<RfmModelView> get(@RestPath String id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an RFM model's definition", description = "Takes effect at the next run.")
    public Uni<RfmModelView> replace(@RestPath String id, @NotNull @Valid RfmModelRequest request) {
        return service.replace(id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an RFM model and its scores")
    public Uni<Void> delete(@RestPath String id) {
        return service.delete(id);
    }

    @GET
    @Path("/{id}/scores")
    @Operation(summary = "Every customer's R, F, M values, scores and class under the model (latest run)",
            description = "Cursor pages in customer id order; filter by class or segment wire name "
                    + "(e.g. important-value, champions).")
    public Uni<CursorPage<RfmScoreView>> scores(@RestPath String id, @RestQuery String cursor,
                                                @RestQuery("class") String group,
                                                @RestQuery @DefaultValue("100") int limit) {
        return service.scores(id, cursor, group, limit);
    }

    @GET
    @Path("/{id}/scores")
    @Produces(CSV)
    @Operation(summary = "The model's scores as CSV",
            description = "customerId, recency, frequency, monetary, the three scores, code and class; streamed.")
    public Multi<String> exportScores(@RestPath String id, @RestQuery("class") String group) {
        return service.exportCsv(id, group);
    }
}
