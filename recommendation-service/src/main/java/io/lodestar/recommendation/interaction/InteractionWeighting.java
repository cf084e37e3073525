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
        for (InteractionKind kind : InteractionKind.values()) {
            if (!weights.containsKey(kind)) {
                throw new IllegalArgumentException("no weight for " + kind.wire());
            }
        }
        this.weights = new EnumMap<>(weights);
        this.halfLifeSeconds = halfLife.toSeconds();
        this.maxUnits = maxUnits;
    }

    /** From configuration ({@code lodestar.interactions.*}). */
    public static InteractionWeighting of(InteractionConfig config) {
        InteractionConfig.Weights w = config.weights();
        Map<InteractionKind, Float> weights = new EnumMap<>(InteractionKind.class);
        weights.put(InteractionKind.PRODUCT_VIEW, w.productView());
        weights.put(InteractionKind.CLICK, w.click());
        weights.put(InteractionKind.RECOMMENDATION_CLICK, w.recommendationClick());
        weights.put(InteractionKind.SHARE, w.share());
        weights.put(InteractionKind.FAVORITE, w.favorite());
        weights.put(InteractionKind.ADD_TO_CART, w.addToCart());
        weights.put(InteractionKind.REMOVE_FROM_CART, w.removeFromCart());
        weights.put(InteractionKind.ORDER, w.order());
        weights.put(InteractionKind.REFUND, w.refund());
        weights.put(InteractionKind.NOT_INTERESTED, w.notInterested());
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
