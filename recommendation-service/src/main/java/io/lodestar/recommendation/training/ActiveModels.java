package io.lodestar.recommendation.training;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The model version serving uses. At start-up the last activated version is loaded from PostgreSQL, so a restart
 * serves immediately without retraining; every few seconds each replica checks for a newer activated version (one
 * replica trains, all serve it). The swap is one reference assignment: a request sees the old set or the new one.
 */
@ApplicationScoped
public class ActiveModels {

    private final ModelStore store;
    private final AtomicReference<ModelSet> current = new AtomicReference<>();

    public ActiveModels(ModelStore store) {
        this.store = store;
    }

    void load(@Observes StartupEvent start) {
        refresh().subscribe().with(v -> { }, e -> Log.warnf(e, "no model version loaded at start-up; retrying"));
    }

    @Scheduled(every = "${lodestar.training.activation-check:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return store.activeVersion().chain(active -> {
            ModelSet held = current.get();
            if (active.isEmpty() || (held != null && held.version() >= active.get())) {
                return Uni.createFrom().voidItem();
            }
            return store.load(active.get()).invoke(this::swap).replaceWithVoid();
        });
    }

    /** Serves {@code models} from now on, unless a newer version is already held. */
    public void swap(ModelSet models) {
        ModelSet previous = current.getAndUpdate(held -> held != null && held.version() > models.version()
                ? held : models);
        if (previous == null || previous.version() < models.version()) {
            Log.infof("serving model version %d (%d items)", models.version(), models.itemIds().size());
        }
    }

    /** The version being served, if any has been trained. */
    public Optional<ModelSet> current() {
        return Optional.ofNullable(current.get());
    }
}
