package io.lodestar.customerprofile.customer360;

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

@Path("/customers/{customerId}/360")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
public class Customer360Resource {

    private final Customer360Service service;

    public Customer360Resource(Customer360Service service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The customer 360 view",
            description = "Attributes; paid orders and net spend (30/90/180/365 days, lifetime), average order value, "
                    + "refund rate, top categories; behaviour counters (top categories, preferred channel, active "
                    + "hours and days, last seen); latest NPS and CSAT, complaints; consents; segment tags from Redis.")
    public Uni<Customer360View> view(@RestPath String customerId) {
        return service.view(customerId);
    }
}
