package io.lodestar.campaign.journey;

import java.util.List;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The standard plays, ready to paste into a campaign's {@code journey}. */
@Path("/journey-templates")
@Tag(name = "Journeys")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class JourneyTemplateResource {

    private final JourneyService service;

    public JourneyTemplateResource(JourneyService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Journey templates: win-back after a first purchase, churn-risk coupon, hot-item presale, "
            + "VIP benefits", description = "Each is a valid `journey` definition; replace the segment ids with yours.")
    public Uni<List<JourneyTemplate>> templates() {
        return service.templates();
    }
}
