package io.lodestar.customerprofile.event;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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

@Path("/events")
@Tag(name = "Behaviour events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {

    private final EventIngestionService service;

    public EventResource(EventIngestionService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.APP, Roles.ADMIN})
    @Operation(summary = "Record a batch of 1 to 1000 behaviour events",
            description = "202 with a result per event (accepted, duplicate, or rejected with the fields at fault); "
                    + "accepted events are acknowledged by Kafka before the answer. 400 when no event is valid.")
    public Uni<RestResponse<EventBatchResult>> record(@NotNull @Valid RecordEventsRequest request) {
        return service.record(request).map(result -> RestResponse.status(RestResponse.Status.ACCEPTED, result));
    }
}
