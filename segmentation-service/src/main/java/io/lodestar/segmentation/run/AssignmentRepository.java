package io.lodestar.segmentation.run;

import java.util.List;

import io.lodestar.segmentation.churn.ChurnScore;
import io.lodestar.segmentation.lifecycle.LifecycleAssessment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes what a run assigned to each customer into {@code customer_assignment}, where rule segments read it. */
@ApplicationScoped
public class AssignmentRepository {

    private final Pool pool;

    public AssignmentRepository(Pool pool) {
        this.pool = pool;
    }

    /** Records the lifecycle stages of a chunk of customers. */
    public Uni<Void> lifecycleStages(List<LifecycleAssessment> chunk) {
        String[] ids = chunk.stream().map(LifecycleAssessment::customerId).toArray(String[]::new);
        String[] stages = chunk.stream().map(a -> a.stage().wireName()).toArray(String[]::new);
        return pool.preparedQuery("""
                INSERT INTO customer_assignment (customer_id, lifecycle_stage)
                SELECT * FROM unnest($1::text[], $2::text[])
                ON CONFLICT (customer_id) DO UPDATE SET lifecycle_stage = excluded.lifecycle_stage""")
                .execute(Tuple.of(ids, stages))
                .replaceWithVoid();
    }

    /** Records the clusters of a chunk of customers (id and name). */
    public Uni<Void> clusters(List<String> customerIds, List<Integer> clusterIds, List<String> names) {
        return pool.preparedQuery("""
                INSERT INTO customer_assignment (customer_id, cluster_id, cluster_name)
                SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
                ON CONFLICT (customer_id) DO UPDATE SET cluster_id = excluded.cluster_id,
                    cluster_name = excluded.cluster_name""")
                .execute(Tuple.of(customerIds.toArray(String[]::new), clusterIds.toArray(Integer[]::new),
                        names.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Records the churn predictions of a chunk of customers. */
    public Uni<Void> churn(List<ChurnScore> chunk) {
        String[] ids = chunk.stream().map(ChurnScore::customerId).toArray(String[]::new);
        String[] levels = chunk.stream().map(c -> c.level().wireName()).toArray(String[]::new);
        Double[] probabilities = chunk.stream().map(ChurnScore::probability).toArray(Double[]::new);
        return pool.preparedQuery("""
                INSERT INTO customer_assignment (customer_id, churn_risk, churn_probability)
                SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])
                ON CONFLICT (customer_id) DO UPDATE SET churn_risk = excluded.churn_risk,
                    churn_probability = excluded.churn_probability""")
                .execute(Tuple.of(ids, levels, probabilities))
                .replaceWithVoid();
    }
}
