package io.lodestar.segmentation.rfmmodel;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/analytics/rfm")
@Tag(name = "Analytics")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class RfmAnalyticsResource {

    private final RfmModelService service;

    public RfmAnalyticsResource(RfmModelService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "RFM distribution and the class × metric table of a model (latest run)",
            description = "Per class (threshold scheme) or segment (quintile scheme): customers and share, mean and "
                    + "median recency in days, mean frequency, mean and total spend, share of the total spend.")
    public Uni<RfmDistributionView> distribution(@RestQuery String model) {
        return service.distribution(model);
    }
}
