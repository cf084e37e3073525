package io.lodestar.segmentation.analytics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Customer analytics for operators, read-only. Each method parses its parameters (400 naming the bad ones), then runs
 * one statement on a pooled connection; the database does the aggregation, so a request never holds more than a few
 * rows in memory and never blocks the event loop.
 */
@ApplicationScoped
public class AnalyticsService {

    private final Pool pool;
    private final AnalyticsRepository analytics;

    public AnalyticsService(Pool pool, AnalyticsRepository analytics) {
        this.pool = pool;
        this.analytics = analytics;
    }

    /** How concentrated net revenue is over customers, in the window ending at {@code asOf}. */
    public Uni<ValueConcentrationView> valueConcentration(ValueConcentrationRequest request) {
        return Uni.createFrom().item(() -> AnalyticsParameters.concentration(request, now()))
                .chain(query -> pool.withConnection(connection -> analytics.valueConcentration(connection, query)));
    }

    /** Days between consecutive paid orders, overall, per category and per age band. */
    public Uni<RepurchaseCycleView> repurchaseCycle(RepurchaseCycleRequest request) {
        return Uni.createFrom().item(() -> AnalyticsParameters.cycle(request, now()))
                .chain(query -> pool.withConnection(connection -> analytics.repurchaseCycle(connection, query)));
    }

    /** Monthly first-purchase cohorts and their retention; months that have not begun yet (UTC) are left empty. */
    public Uni<CohortsView> cohorts(CohortRequest request) {
        return Uni.createFrom().item(() -> AnalyticsParameters.cohorts(request))
                .chain(query -> pool.withConnection(connection -> analytics.cohorts(connection, query,
                        YearMonth.from(now().atOffset(ZoneOffset.UTC)))));
    }

    /** PostgreSQL keeps microseconds; a finer {@code asOf} would be echoed with digits the query never saw. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
