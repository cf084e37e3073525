package io.lodestar.recommendation.analytics;

import java.time.LocalDate;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/analytics/recommendations/ctr")
@Tag(name = "Recommendation analytics")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CtrResource {

    private final CtrService service;

    public CtrResource(CtrService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Click-through rate per model and scene",
            description = "From recommendation_impression and recommendation_click events carrying the "
                    + "recommendationId a response returned, credited to the model that produced the item. from/to "
                    + "are UTC dates (default: the last 30 days), at most 366 days apart.")
    public Uni<CtrView> ctr(@RestQuery LocalDate from, @RestQuery LocalDate to) {
        return service.ctr(from, to);
    }
}
