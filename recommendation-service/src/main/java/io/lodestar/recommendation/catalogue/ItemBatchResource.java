package io.lodestar.recommendation.catalogue;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/items:batch")
@Tag(name = "Item catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class ItemBatchResource {

    private final ItemService service;

    public ItemBatchResource(ItemService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Create or replace up to 1,000 items", description = "All or nothing: one invalid item "
            + "refuses the whole batch, naming its field (items[3].price).")
    public Uni<BatchResultView> putAll(@NotNull @Valid BatchItemRequest request) {
        return service.putAll(request);
    }

}
