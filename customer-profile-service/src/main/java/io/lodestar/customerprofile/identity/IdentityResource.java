package io.lodestar.customerprofile.identity;


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

@Path("/identities")
@Tag(name = "Identities")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    private final IdentityService service;

    public IdentityResource(IdentityService service) {
        this.service = service;
    }

    @GET
    @Path("/{type}/{value}")
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Resolve an external id to its customer",
            description = "type: app_user_id, mini_program_openid, mini_program_unionid, wecom_id, crm_id, phone, email.")
    public Uni<ResolvedIdentity> resolve(@RestPath String type, @RestPath String value) {
        return service.resolve(type, value);
    }
}
