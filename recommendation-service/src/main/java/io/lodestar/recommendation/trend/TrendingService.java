package io.lodestar.recommendation.trend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.product.ItemTrending;
import io.lodestar.platform.outbox.OutboxService;
import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.recommendation.config.TrendConfig;
import io.lodestar.recommendation.trend.TrendRepository.CategorisedHeat;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Detects trending items and publishes each one once per reporting window on {@code lodestar.product-trends.v1}.
 *
 * <p>A detection counts every item's views, carts and orders in the sliding window that ends now and in the window of
 * the same length before it (one SQL aggregation), lets the pure {@link TrendDetector} decide, and for each newly
 * trending item inserts a {@code trending_item} row and enqueues its {@code product.trending} event in the same
 * transaction, so the event is published exactly when the row exists.
 *
 * <p><b>One replica at a time.</b> Every replica schedules the detection; each one first takes a transaction-scoped
 * PostgreSQL advisory lock. A scheduled detection that finds it taken skips its turn (another replica is doing the same
 * work on the same data); a manual one waits for it, so that it sees the rows the other detection commits. An advisory
 * lock rather than a row lock because there is no natural row to lock before the first report, and it is released by
 * the commit, or by the database when a replica dies. The primary key (item, reporting window) is the second line:
 * even two detections that did race could not both publish an item in one window.
 */
@ApplicationScoped
public class TrendingService {

    static final String PRODUCER = "recommendation-service";
    /** How long a manual detection waits for a running one before answering 409. */
    static final int MANUAL_LOCK_TIMEOUT_SECONDS = 10;
    static final int MAX_LIMIT = 100;
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final TrendRepository trends;
    private final OutboxService outbox;
    private final TrendRule rule;
    private final TrendDetector detector;
    private final Clock clock;

    @Inject
    public TrendingService(TrendRepository trends, OutboxService outbox, TrendConfig config) {
        this(trends, outbox, config.rule(), Clock.systemUTC());
    }

    TrendingService(TrendRepository trends, OutboxService outbox, TrendRule rule, Clock clock) {
        this.trends = trends;
        this.outbox = outbox;
        this.rule = rule;
        this.detector = new TrendDetector(rule);
        this.clock = clock;
    }

    /** Runs a detection now, after any detection running on another replica, and returns what it published. */
    public Uni<TrendDetectionView> detectNow() {
        return Panache.withTransaction(() -> trends.awaitDetectionLock(MANUAL_LOCK_TIMEOUT_SECONDS)
                        .chain(() -> detectUnderLock(clock.instant())))
                .onFailure(TrendingService::isLockTimeout).transform(e -> new ConflictException(
                        "a trend detection has been running on another replica for more than "
                                + MANUAL_LOCK_TIMEOUT_SECONDS + " s; try again later"));
    }

    @Scheduled(identity = "lodestar-trend-detection", every = "${lodestar.trends.interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> detectOnSchedule() {
        return detectUnlessRunningElsewhere()
                .invoke(done -> done.ifPresentOrElse(
                        detection -> Log.debugf("Trend detection: %d item(s) with heat, %d newly trending",
                                detection.itemsWithHeat(), detection.published().size()),
                        () -> Log.debug("Trend detection skipped: another replica holds the detection lock")))
                .onFailure().invoke(e -> Log.warnf(e, "Trend detection failed; the next interval retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** A detection, or empty if another replica is running one right now (the scheduled path). */
    Uni<Optional<TrendDetectionView>> detectUnlessRunningElsewhere() {
        return Panache.withTransaction(() -> trends.tryDetectionLock().chain(locked -> locked
                ? detectUnderLock(clock.instant()).map(Optional::of)
                : Uni.createFrom().item(Optional.<TrendDetectionView>empty())));
    }

    /**
     * The items reported as trending within the last window (their latest report each), strongest first.
     *
     * @param category only items of this leaf category, or null for all
     * @param limit    1 to {@value #MAX_LIMIT}
     */
    public Uni<List<TrendingItemView>> currentlyTrending(String category, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom().failure(new InvalidInputException("limit",
                    "must be 1 to " + MAX_LIMIT + ", was " + limit));
        }
        if (category != null && category.isBlank()) {
            return Uni.createFrom().failure(new InvalidInputException("category",
                    "must not be blank; leave it out for every category"));
        }
        return trends.reportedSince(clock.instant().minus(rule.window()), category, limit);
    }

    private Uni<TrendDetectionView> detectUnderLock(Instant now) {
        Duration window = rule.window();
        Instant currentFrom = now.minus(window);
        Instant previousFrom = currentFrom.minus(window);
        Instant windowStart = reportingWindowStart(now, window);
        int windowHours = (int) window.toHours();
        return trends.heat(previousFrom, currentFrom, now).chain(heat -> trends.reportedIn(windowStart)
                .chain(reported -> {
                    Map<String, ItemHeat> heatByItem = new HashMap<>(heat.size() * 2);
                    heat.forEach((item, categorised) -> heatByItem.put(item, categorised.heat()));
                    List<Trending> trending = detector.detect(heatByItem, reported);
                    int skipped = (int) heat.keySet().stream().filter(reported::contains).count();
                    // One statement after the other: a Hibernate Reactive session runs no two at once.
                    return Multi.createFrom().iterable(trending)
                            .onItem().transformToUniAndConcatenate(found -> publish(found,
                                    heat.get(found.itemId()), windowHours, windowStart, now))
                            .filter(Objects::nonNull)
                            .collect().asList()
                            .map(published -> new TrendDetectionView(now, currentFrom, previousFrom, windowStart,
                                    heat.size(), skipped, published));
                }));
    }

    /** Records the report and enqueues its event; null if the item was reported in this window after all. */
    private Uni<TrendingItemView> publish(Trending found, CategorisedHeat heat, int windowHours, Instant windowStart,
                                          Instant now) {
        TrendingItemView report = new TrendingItemView(found.itemId(), heat.category(), found.heat(),
                found.previousHeat(), found.growth(), found.isNew(), windowHours, windowStart, now);
        UUID eventId = UUID.randomUUID();
        // Not about one customer: no customerId, and the item is the Kafka key, so one item's reports stay in order.
        EventEnvelope<ItemTrending> event = EventEnvelope.of(eventId, now, EventType.PRODUCT_TRENDING, PRODUCER, null,
                new ItemTrending(found.itemId(), heat.category(), found.heat(), found.growth(), windowHours, now));
        return trends.insert(report, eventId).chain(inserted -> inserted
                ? outbox.enqueue(event, found.itemId()).replaceWith(report)
                : Uni.createFrom().nullItem());
    }

    /** The start of the reporting window containing {@code instant}: windows of {@code window} laid from the epoch. */
    static Instant reportingWindowStart(Instant instant, Duration window) {
        long windowSeconds = window.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), windowSeconds) * windowSeconds);
    }

    private static boolean isLockTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
