package io.lodestar.recommendation.serving;

import java.util.List;

import io.lodestar.platform.security.Roles;
import io.lodestar.recommendation.training.ModelStore.RuleView;
import io.lodestar.recommendation.training.ModelStore.SequentialRuleView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/rules")
@Tag(name = "Item relations")
@RolesAllowed({Roles.APP, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final ItemInsightService service;

    public RuleResource(ItemInsightService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Association rules of the active version",
            description = "Filters: minSupport and minConfidence in [0, 1], minLift ≥ 0; strongest (lift) first.")
    public Uni<List<RuleView>> rules(@RestQuery Double minSupport, @RestQuery Double minConfidence,
                                     @RestQuery Double minLift, @RestQuery @DefaultValue("100") int limit) {
        return service.rules(minSupport, minConfidence, minLift, limit);
    }

    @GET
    @Path("/sequential")
    @Operation(summary = "Sequential rules: customers who bought A bought B within D days",
            description = "itemId: only rules starting from that item.")
    public Uni<List<SequentialRuleView>> sequentialRules(@RestQuery String itemId,
                                                         @RestQuery @DefaultValue("100") int limit) {
        return service.sequentialRules(itemId, limit);
    }
}
