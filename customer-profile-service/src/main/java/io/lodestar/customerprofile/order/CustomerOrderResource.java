package io.lodestar.customerprofile.order;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * A customer's orders. Its own root path rather than a method of {@link OrderResource}: the profile feature will
 * own {@code /customers}, and JAX-RS picks one root resource class per request by its path, so a {@code /}-rooted
 * class would lose {@code /customers/…} to it.
 */
@Path("/customers/{customerId}/orders")
@Tag(name = "Orders")
public class CustomerOrderResource {

    private final OrderService service;

    public CustomerOrderResource(OrderService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A customer's orders, newest first",
            description = "Pages of at most limit (1–200, default 50) orders; pass nextCursor back as cursor for "
                    + "the next page. nextCursor is absent on the last page.")
    public Uni<CursorPage<OrderView>> list(@PathParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
            @QueryParam("cursor") String cursor) {
        return service.listForCustomer(customerId, limit, cursor);
    }
}
