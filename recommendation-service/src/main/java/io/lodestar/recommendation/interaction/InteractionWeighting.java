package io.lodestar.recommendation.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.lodestar.recommendation.config.InteractionConfig;

/**
 * Turns a stored interaction into a confidence weight: the kind's configured weight, times the units for orders and
 * refunds (capped), times an exponential time decay {@code 0.5^(age / halfLife)}. Training and serving call the same
 * method, so a customer's history means the same to a model at request time as it did in training.
 */
public final class InteractionWeighting {

    private final Map<InteractionKind, Float> weights;
    private final double halfLifeSeconds;
    private final int maxUnits;

    public InteractionWeighting(Map<InteractionKind, Float> weights, Duration halfLife, int maxUnits) {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive");
        }
        if (maxUnits < 1) {
            throw new IllegalArgumentException("maxUnitsPerOrderLine must be at least 1");
        }
        this.weights = new EnumMap<>(weights);
        this.halfLifeSeconds = halfLife.toSeconds();
        this.maxUnits = maxUnits;
    }

    /** From configuration; a kind missing from {@code lodestar.interactions.weights} is refused at start-up. */
    public static InteractionWeighting of(InteractionConfig config) {
        Map<InteractionKind, Float> weights = new EnumMap<>(InteractionKind.class);
        config.weights().forEach((kind, weight) -> {
            try {
                weights.put(InteractionKind.ofWire(kind), weight);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lodestar.interactions.weights: unknown kind " + kind);
            }
        });
        for (InteractionKind kind : InteractionKind.values()) {
            if (!weights.containsKey(kind)) {
                throw new IllegalArgumentException("lodestar.interactions.weights: no weight for " + kind.wire());
            }
        }
        return new InteractionWeighting(weights, config.halfLife(), config.maxUnitsPerOrderLine());
    }

    /** The weight of one interaction as seen at {@code now}; interactions in the future count as new. */
    public float weight(InteractionKind kind, int quantity, Instant occurredAt, Instant now) {
        float base = weights.get(kind);
        if (kind == InteractionKind.ORDER || kind == InteractionKind.REFUND) {
            base *= Math.min(Math.max(quantity, 1), maxUnits);
        }
        double ageSeconds = Math.max(0, now.getEpochSecond() - occurredAt.getEpochSecond());
        return (float) (base * Math.pow(0.5, ageSeconds / halfLifeSeconds));
    }
}
