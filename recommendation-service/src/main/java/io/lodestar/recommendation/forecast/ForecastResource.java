package io.lodestar.recommendation.forecast;

import io.lodestar.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Daily demand forecasts per category. */
@Path("/forecasts/categories")
@Tag(name = "Trends and demand")
@RolesAllowed({Roles.OPERATOR, Roles.APP})
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private final ForecastService service;

    public ForecastResource(ForecastService service) {
        this.service = service;
    }

    @GET
    @Path("/{category}")
    @Operation(summary = "Forecast a category's daily demand (units of paid orders)",
            description = "Holt–Winters with a weekly season, fitted on the category's daily units from its first "
                    + "sale (within lodestar.forecasts.history) to yesterday, UTC days. Points with a 95 % band, the "
                    + "fitted parameters, and the MAPE of a backtest on the last days of the history. horizon: 1 to "
                    + "365 days; 404 for a category no item has; 409 while the history is too short (the detail says "
                    + "how many days are needed).")
    public Uni<CategoryForecastView> forecast(@RestPath String category,
                                              @RestQuery @DefaultValue("90") int horizon) {
        return service.forecast(category, horizon);
    }
}
