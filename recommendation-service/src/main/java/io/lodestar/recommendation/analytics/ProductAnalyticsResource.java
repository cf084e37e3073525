package io.lodestar.recommendation.analytics;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Query values arrive as text so that a malformed one is a 400 naming its parameter. */
@Path("/analytics/products")
@Tag(name = "Product analytics")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ProductAnalyticsResource {

    private final ProductAnalyticsService service;

    public ProductAnalyticsResource(ProductAnalyticsService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Figures per item or category over a period, sorted and paged",
            description = "from/to: UTC dates (default: the last 30 days), at most 366 days apart. level=item "
                    + "(default) or category; category= keeps one leaf category. sort= views, clicks, addToCarts, "
                    + "impressions, recommendationClicks, ctr, addToCartRate, conversion, orders, units, revenue "
                    + "(default), revenueShare, refunds, refundAmount, refundRate, margin, marginRate, stockTurnover, "
                    + "daysOfCover; order=desc (default) or asc; null values sort last. limit 1-200 (default 50); "
                    + "cursor: nextCursor of the previous page, with the same parameters.")
    public Uni<ProductAnalyticsView> products(@RestQuery String from, @RestQuery String to, @RestQuery String level,
                                              @RestQuery String category, @RestQuery String sort,
                                              @RestQuery String order, @RestQuery String limit,
                                              @RestQuery String cursor) {
        return service.products(from, to, level, category, sort, order, limit, cursor);
    }

    @GET
    @Path("/hot")
    @Operation(summary = "Top sellers of a period",
            description = "Items that sold in [from, to] (default: the last 30 days), ranked by by=revenue (default), "
                    + "units or revenueGrowth (against the period of the same length just before; items that did "
                    + "not sell then rank last); limit 1-200 (default 50).")
    public Uni<HotProductView> hot(@RestQuery String from, @RestQuery String to, @RestQuery String by,
                                   @RestQuery String limit) {
        return service.hot(from, to, by, limit);
    }

    @GET
    @Path("/stale")
    @Operation(summary = "The long tail that never sells",
            description = "Catalogue items (not stubs, not hidden) in stock, launched (or first sent) before the "
                    + "last days=N days (1-366, default 30, today included) and without a paid order in them, by item "
                    + "id; limit 1-200 (default 50), cursor for the next page.")
    public Uni<CursorPage<StaleProductView>> stale(@RestQuery String days, @RestQuery String limit,
                                                   @RestQuery String cursor) {
        return service.stale(days, limit, cursor);
    }
}
