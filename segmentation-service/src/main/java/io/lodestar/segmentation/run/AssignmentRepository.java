package io.lodestar.segmentation.run;

import java.util.List;

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
}
