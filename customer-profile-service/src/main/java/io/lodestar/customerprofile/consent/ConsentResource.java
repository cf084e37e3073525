package io.lodestar.customerprofile.consent;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/customers/{customerId}/consents")
@Tag(name = "Consent")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final ConsentService service;

    public ConsentResource(ConsentService service) {
        this.service = service;
    }

    @PUT
    @Path("/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Grant or revoke consent for one channel",
            description = "channel: app_push, sms, mini_program, email, wecom, live_stream, community. The latest "
                    + "decision (by its `at`) wins; a change republishes the profile snapshot.")
    public Uni<ConsentView> set(@RestPath String customerId, @RestPath String channel,
            @NotNull @Valid SetConsentRequest request) {
        return service.set(customerId, channel, request);
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A customer's consents per channel")
    public Uni<List<ConsentView>> list(@RestPath String customerId) {
        return service.listOf(customerId);
    }
}
