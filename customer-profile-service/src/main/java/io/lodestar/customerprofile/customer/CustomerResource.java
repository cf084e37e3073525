package io.lodestar.customerprofile.customer;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.lodestar.customerprofile.erasure.CustomerExport;
import io.lodestar.customerprofile.erasure.ErasureService;
import io.lodestar.customerprofile.erasure.ExportService;
import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/customers")
@Tag(name = "Customers", description = "Customer profiles")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService service;
    private final ErasureService erasure;
    private final ExportService export;

    public CustomerResource(CustomerService service, ErasureService erasure, ExportService export) {
        this.service = service;
        this.erasure = erasure;
        this.export = export;
    }

    @PUT
    @Path("/{customerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Create or replace a profile",
            description = "201 when created, 200 when updated; an unchanged profile publishes no event.")
    public Uni<RestResponse<CustomerView>> upsert(@RestPath String customerId,
            @NotNull @Valid UpsertCustomerRequest request) {
        return service.upsert(customerId, request).map(result -> result.created()
                ? RestResponse.ResponseBuilder.<CustomerView>created(
                        URI.create("/customers/" + result.customer().customerId())).entity(result.customer()).build()
                : RestResponse.ok(result.customer()));
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.APP, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "A profile")
    public Uni<CustomerView> find(@RestPath String customerId) {
        return service.find(customerId);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Profiles matching filters",
            description = "Active profiles in customer-id order; pass nextCursor back as cursor for the next page.")
    public Uni<CursorPage<CustomerView>> list(@RestQuery String cityTier, @RestQuery String region,
            @RestQuery String ageBand, @RestQuery String memberTier, @RestQuery String registrationChannel,
            @RestQuery String registeredFrom, @RestQuery String registeredTo, @RestQuery String cursor,
            @RestQuery Integer limit) {
        return service.list(new CustomerListRequest(cityTier, region, ageBand, memberTier, registrationChannel,
                registeredFrom, registeredTo, cursor, limit));
    }

    @DELETE
    @Path("/{customerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a customer's personal data",
            description = "Attributes, identity hashes, consents, feedback and behaviour counters are deleted; orders and "
                    + "events are kept under an unlinkable id for statistics; identity.erased is published. 204, also "
                    + "when already erased.")
    public Uni<Void> erase(@RestPath String customerId, @RestQuery String reason) {
        return erasure.erase(customerId, reason == null ? "customer-request" : reason);
    }

    @GET
    @Path("/{customerId}/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything held about a customer (data portability)")
    public Uni<CustomerExport> export(@RestPath String customerId) {
        return export.export(customerId);
    }
}
