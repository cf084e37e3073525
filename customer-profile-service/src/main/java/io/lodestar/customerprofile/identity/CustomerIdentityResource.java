package io.lodestar.customerprofile.identity;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A customer's identities. (A resource of its own: JAX-RS matches the class path first.) */
@Path("/customers/{customerId}/identities")
@Tag(name = "Identities", description = "External ids of customers (phone and e-mail kept only as keyed hashes)")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerIdentityResource {

    private final IdentityService service;

    public CustomerIdentityResource(IdentityService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Link an external id to a customer",
            description = "201 when linked, 200 when already linked to this customer, 409 when linked to another.")
    public Uni<RestResponse<IdentityView>> link(@RestPath String customerId,
            @NotNull @Valid LinkIdentityRequest request) {
        return service.link(customerId, request).map(result -> result.created()
                ? RestResponse.ResponseBuilder.<IdentityView>created(URI.create("/customers/" + customerId
                        + "/identities")).entity(result.identity()).build()
                : RestResponse.ok(result.identity()));
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A customer's identities (phone and e-mail shown only as a hash prefix)")
    public Uni<List<IdentityView>> list(@RestPath String customerId) {
        return service.listOf(customerId);
    }

}
