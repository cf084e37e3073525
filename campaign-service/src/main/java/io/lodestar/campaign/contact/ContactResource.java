package io.lodestar.campaign.contact;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** A customer's consent and time zone as campaigns see them (from the profile topic and gateways' unsubscribes). */
@Path("/contacts/{customerId}")
@Tag(name = "Contacts")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Consented channels, time zone and purchase count of a customer",
            description = "404 until the customer's profile reached campaign-service.")
    public Uni<ContactView> get(@RestPath String customerId) {
        return service.get(customerId);
    }
}
