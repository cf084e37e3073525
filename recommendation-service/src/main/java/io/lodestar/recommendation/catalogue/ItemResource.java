package io.lodestar.recommendation.catalogue;

import java.net.URI;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/items")
@Tag(name = "Item catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemService service;

    public ItemResource(ItemService service) {
        this.service = service;
    }

    @PUT
    @Path("/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Create or replace an item", description = "201 when new, 200 when replaced. A stub created "
            + "from an event becomes a full item.")
    public Uni<RestResponse<ItemView>> put(@RestPath String itemId, @NotNull @Valid ItemRequest request) {
        return service.put(itemId, request).map(saved -> saved.created()
                ? RestResponse.ResponseBuilder.<ItemView>created(URI.create("/items/" + itemId))
                        .entity(saved.item()).build()
                : RestResponse.ok(saved.item()));
    }

    @GET
    @Path("/{itemId}")
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "One item")
    public Uni<ItemView> get(@RestPath String itemId) {
        return service.get(itemId);
    }
}
