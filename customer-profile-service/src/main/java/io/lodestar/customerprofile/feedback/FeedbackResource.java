package io.lodestar.customerprofile.feedback;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

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

@Path("/customers/{customerId}/feedback")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService service;

    public FeedbackResource(FeedbackService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Record an NPS (0–10), CSAT (1–5) or complaint",
            description = "Published as customer.feedback-given (without the comment). A repeated feedbackId is 200.")
    public Uni<RestResponse<FeedbackView>> give(@RestPath String customerId,
            @NotNull @Valid GiveFeedbackRequest request) {
        return service.give(customerId, request).map(r -> r.created()
                ? RestResponse.ResponseBuilder.<FeedbackView>created(URI.create("/customers/" + customerId
                        + "/feedback/" + r.feedback().feedbackId())).entity(r.feedback()).build()
                : RestResponse.ok(r.feedback()));
    }
}
