package io.lodestar.customerprofile.order;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.UriBuilder;

/** The order lifecycle over HTTP; the rules live in {@link OrderService}. */
@Path("/orders")
@Tag(name = "Orders")
public class OrderResource {

    private final OrderService service;

    public OrderResource(OrderService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Place an order",
            description = "201 with the order and publishes order.placed. The orderId is the idempotency key: the "
                    + "same request again answers 200 with the existing order and publishes nothing; the same "
                    + "orderId with other content is 409.")
    public Uni<RestResponse<OrderView>> place(@NotNull @Valid PlaceOrderRequest request) {
        return service.place(request).map(OrderResource::createdOrExisting);
    }

    @POST
    @Path("/{orderId}/payment")
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Record the payment of an order",
            description = "placed → paid, publishes order.paid. paidAmount defaults to (and must equal) the order "
                    + "total. Repeating it on a paid order changes nothing; a cancelled order is 409.")
    public Uni<OrderView> pay(@PathParam("orderId") String orderId, @NotNull @Valid RecordPaymentRequest request) {
        return service.pay(orderId, request).map(OrderService.Outcome::order);
    }

    @POST
    @Path("/{orderId}/refunds")
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Record a refund of a paid order",
            description = "201 and order.refunded; the order becomes partially_refunded or refunded. refundId is "
                    + "the idempotency key (the same refund again: 200, nothing published). 409 before payment, "
                    + "or when the refunds would exceed the paid amount.")
    public Uni<RestResponse<OrderView>> refund(@PathParam("orderId") String orderId,
            @NotNull @Valid RecordRefundRequest request) {
        return service.refund(orderId, request).map(OrderResource::createdOrExisting);
    }

    @POST
    @Path("/{orderId}/cancellation")
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Cancel an unpaid order",
            description = "placed → cancelled, publishes order.cancelled. Cancelling again changes nothing; a paid "
                    + "order is 409 (refund it instead).")
    public Uni<OrderView> cancel(@PathParam("orderId") String orderId, @NotNull @Valid CancelOrderRequest request) {
        return service.cancel(orderId, request).map(OrderService.Outcome::order);
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "An order", description = "Status, amounts, lines and refunds.")
    public Uni<OrderView> find(@PathParam("orderId") String orderId) {
        return service.find(orderId);
    }

    /** 201 + Location for what this request created, 200 for an idempotent repeat. */
    private static RestResponse<OrderView> createdOrExisting(OrderService.Outcome outcome) {
        if (!outcome.changed()) {
            return RestResponse.ok(outcome.order());
        }
        return RestResponse.ResponseBuilder.<OrderView>created(UriBuilder.fromPath("/orders/{orderId}")
                        .build(outcome.order().orderId()))
                .entity(outcome.order())
                .build();
    }
}
