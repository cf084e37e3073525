package io.lodestar.segmentation.feature;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/customers/{customerId}/features")
@Tag(name = "Features")
@Produces(MediaType.APPLICATION_JSON)
public class FeatureResource {

    private final FeatureService service;

    public FeatureResource(FeatureService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A customer's lifetime features",
            description = "What segmentation learned from the profile service's topics: first and last paid order, paid "
                    + "orders, gross and net spend (refunds deducted), average order value, discount share, cart "
                    + "abandonment, behaviour counters, category spend, channels, active hours (UTC), attributes.")
    public Uni<CustomerFeaturesView> features(@RestPath String customerId) {
        return service.find(customerId).map(found -> found.orElseThrow(
                () -> ResourceNotFoundException.of("customer", customerId)));
    }
}
