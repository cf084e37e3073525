package io.lodestar.recommendation.catalogue;

import java.net.URI;
import java.util.List;

import io.lodestar.platform.security.Roles;
import io.lodestar.recommendation.serving.ItemInsightService;
import io.lodestar.recommendation.serving.ItemInsightService.RelatedItemView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/items")
@Tag(name = "Item catalogue")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemService service;
    private final ItemInsightService insights;

    public ItemResource(ItemService service, ItemInsightService insights) {
        this.service = service;
        this.insights = insights;
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

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Path("/{itemId}/similar")
    @Operation(summary = "Items similar to an item (item-CF neighbours of the active version)")
    public Uni<List<RelatedItemView>> similar(@RestPath String itemId, @RestQuery @DefaultValue("10") int k) {
        return insights.similar(itemId, k);
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Path("/{itemId}/bought-together")
    @Operation(summary = "Items bought together with an item (association rules, by confidence and lift)")
    public Uni<List<RelatedItemView>> boughtTogether(@RestPath String itemId, @RestQuery @DefaultValue("10") int k) {
        return insights.boughtTogether(itemId, k);
    }
}
