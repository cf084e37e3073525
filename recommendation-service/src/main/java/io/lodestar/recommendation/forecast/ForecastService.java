package io.lodestar.recommendation.forecast;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.recommendation.config.ForecastConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Forecasts a category's daily demand: the units of its paid orders per UTC day, from its first sale within the
 * configured history up to yesterday (days without sales are 0), fitted with {@link DemandForecaster} on a worker
 * thread, because the fit is a grid and a pattern search over the whole series, CPU work that must not hold an event
 * loop. Every request fits afresh on the current data; the view carries that model's backtest error.
 */
@ApplicationScoped
public class ForecastService {

    static final int MAX_HORIZON_DAYS = 365;

    private final CategoryDemandRepository demand;
    private final ForecastConfig config;
    private final Clock clock;

    @Inject
    public ForecastService(CategoryDemandRepository demand, ForecastConfig config) {
        this(demand, config, Clock.systemUTC());
    }

    ForecastService(CategoryDemandRepository demand, ForecastConfig config, Clock clock) {
        this.demand = demand;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param horizonDays 1 to {@value #MAX_HORIZON_DAYS}
     * @throws InvalidInputException      (as a failed Uni) for a horizon out of range
     * @throws ResourceNotFoundException  if no item has this category
     * @throws ConflictException          if the category has too little history; the detail says how many days
     */
    public Uni<CategoryForecastView> forecast(String category, int horizonDays) {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            return Uni.createFrom().failure(new InvalidInputException("horizon",
                    "must be 1 to " + MAX_HORIZON_DAYS + " days, was " + horizonDays));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = today.minusDays(config.history().toDays());
        return demand.categoryExists(category).chain(known -> {
            if (!known) {
                return Uni.createFrom().failure(ResourceNotFoundException.of("category", category));
            }
            return demand.dailyUnits(category, from, today).chain(units -> fit(category, units, today, horizonDays));
        });
    }

    private Uni<CategoryForecastView> fit(String category, Map<LocalDate, Long> units, LocalDate today,
                                          int horizonDays) {
        ForecastParameters parameters = ForecastParameters.defaults().withHorizonDays(horizonDays)
                .withSeasonality(config.seasonality()).withDampedTrend(config.dampedTrend());
        if (units.isEmpty()) {
            return Uni.createFrom().failure(insufficient(0, parameters));
        }
        LocalDate firstDay = units.keySet().iterator().next();
        double[] series = dailySeries(units, firstDay, today);
        return Uni.createFrom().item(() -> DemandForecaster.fit(series, firstDay, parameters))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(forecast -> CategoryForecastView.of(category, firstDay, forecast))
                .onFailure(InsufficientHistoryException.class)
                .transform(e -> insufficient(((InsufficientHistoryException) e).days(), parameters));
    }

    /** One value per day from {@code firstDay} to the day before {@code untilDay}, 0 for the days without sales. */
    static double[] dailySeries(Map<LocalDate, Long> units, LocalDate firstDay, LocalDate untilDay) {
        int days = (int) (untilDay.toEpochDay() - firstDay.toEpochDay());
        double[] series = new double[days];
        units.forEach((day, count) -> series[(int) (day.toEpochDay() - firstDay.toEpochDay())] = count);
        return series;
    }

    /**
     * The shortest history these parameters can fit and backtest. Not {@link InsufficientHistoryException#requiredDays}
     * of the series at hand: the holdout grows with the series, so 15 days may need 17.
     */
    static int minimumHistoryDays(ForecastParameters parameters) {
        int days = 2 * parameters.period();
        while (days < 2 * parameters.period() + parameters.holdoutFor(days)) {
            days++;
        }
        return days;
    }

    private static ConflictException insufficient(int days, ForecastParameters parameters) {
        return new ConflictException("a forecast needs at least " + minimumHistoryDays(parameters)
                + " days of sales history (two seasons of " + parameters.period()
                + " days to fit, plus the days held out for the backtest), counted from the category's first sale "
                + "to yesterday; it has " + days);
    }
}
