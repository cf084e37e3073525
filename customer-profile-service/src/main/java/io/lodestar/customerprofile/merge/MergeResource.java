package io.lodestar.customerprofile.merge;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/customers/merge")
@Tag(name = "Identities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MergeResource {

    private final MergeService service;

    public MergeResource(MergeService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Merge two profiles of one person",
            description = "Moves identities, orders and events of mergedId to survivorId and publishes identity.merged. "
                    + "Repeating the same merge answers the same outcome and publishes nothing.")
    public Uni<MergeView> merge(@NotNull @Valid MergeRequest request) {
        return service.merge(request);
    }
}
