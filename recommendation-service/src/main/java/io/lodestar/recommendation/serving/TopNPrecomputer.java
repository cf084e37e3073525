package io.lodestar.recommendation.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.config.ServingConfig;
import io.lodestar.recommendation.interaction.InteractionRepository;
import io.lodestar.recommendation.training.ModelSet;
import io.lodestar.recommendation.training.VersionActivation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * After a training run, precomputes the home list of every recently active customer into Redis, so their next
 * request is one cache read. A customer's entry is dropped again by their next interaction (the consumers
 * invalidate it), so a list is never older than the customer's last action or its TTL.
 */
@ApplicationScoped
public class TopNPrecomputer implements VersionActivation {

    /** Customers computed concurrently: enough to overlap database round trips, few enough to leave serving room. */
    private static final int CONCURRENCY = 16;

    private final Pool pool;
    private final InteractionRepository interactions;
    private final RecommendationService recommendations;
    private final ServingConfig config;

    public TopNPrecomputer(Pool pool, InteractionRepository interactions, RecommendationService recommendations,
                           ServingConfig config) {
        this.pool = pool;
        this.interactions = interactions;
        this.recommendations = recommendations;
        this.config = config;
    }

    @Override
    public Uni<Map<String, Object>> activated(ModelSet models) {
        long started = System.nanoTime();
        Instant since = Instant.now().minus(config.precomputeActiveWithin());
        return pool.withConnection(connection -> interactions.activeCustomers(connection, since,
                        config.precomputeMaxCustomers()))
                .chain(customers -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (int from = 0; from < customers.size(); from += CONCURRENCY) {
                        List<String> part = customers.subList(from, Math.min(customers.size(), from + CONCURRENCY));
                        chain = chain.chain(() -> {
                            List<Uni<Void>> writes = new ArrayList<>(part.size());
                            part.forEach(customer -> writes.add(recommendations.precompute(customer, models)));
                            return Uni.join().all(writes).andCollectFailures().replaceWithVoid();
                        });
                    }
                    return chain.map(done -> {
                        Map<String, Object> report = new LinkedHashMap<>();
                        report.put("precomputedCustomers", customers.size());
                        report.put("precomputeMillis", (System.nanoTime() - started) / 1_000_000);
                        return report;
                    });
                });
    }
}
