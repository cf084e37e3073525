package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.recommendation.serving.RecommendationCache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Online evaluation: credits recommendation impressions and clicks to the model (and scene) that served the item,
 * and reports click-through rates. Counting runs inside the behaviour consumer's transaction, so a redelivered event
 * is not counted twice.
 */
@ApplicationScoped
public class CtrService {

    static final String UNKNOWN = "unknown";

    private final Pool pool;
    private final CtrRepository counters;
    private final RecommendationCache served;

    public CtrService(Pool pool, CtrRepository counters, RecommendationCache served) {
        this.pool = pool;
        this.counters = counters;
        this.served = served;
    }

    /** True for the events this service counts: impressions and clicks that carry a recommendationId and an item. */
    public static boolean counts(BehaviourRecorded behaviour) {
        return behaviour.recommendationId() != null && behaviour.itemId() != null
                && (behaviour.behaviour() == BehaviourType.RECOMMENDATION_IMPRESSION
                        || behaviour.behaviour() == BehaviourType.RECOMMENDATION_CLICK);
    }

    /** Counts one impression or click on the caller's connection. */
    public Uni<Void> count(SqlConnection connection, BehaviourRecorded behaviour) {
        return served.servedBy(behaviour.recommendationId(), behaviour.itemId()).chain(modelAndScene -> {
            String model = UNKNOWN;
            String scene = UNKNOWN;
            if (modelAndScene != null && modelAndScene.contains("|")) {
                model = modelAndScene.substring(0, modelAndScene.indexOf('|'));
                scene = modelAndScene.substring(modelAndScene.indexOf('|') + 1);
            }
            return counters.count(connection, behaviour.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(), model,
                    scene, behaviour.behaviour() == BehaviourType.RECOMMENDATION_CLICK);
        });
    }

    public Uni<CtrView> ctr(LocalDate from, LocalDate to) {
        return Uni.createFrom().item(() -> AnalyticsPeriod.of(from, to, LocalDate.now(ZoneOffset.UTC)))
                .chain(period -> pool.withConnection(connection -> counters.totals(connection, period.from(),
                                period.to()))
                        .map(rows -> new CtrView(period.from(), period.to(), rows)));
    }
}
