package io.lodestar.recommendation.serving;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.lodestar.recommendation.interaction.Interaction;
import io.lodestar.recommendation.interaction.InteractionKind;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.model.UserHistory;
import io.lodestar.recommendation.training.ModelSet;
import java.util.HashSet;

/**
 * What serving knows about one customer at request time, built from their latest interactions (not from the model's
 * training snapshot, so this morning's cart counts now).
 *
 * @param history      the interactions as the model version sees them (items it knows, decayed weights summed)
 * @param lastBought   item id → when the customer last paid for it (refunded purchases removed)
 * @param cart         items added to the cart and not removed or bought since, newest first
 * @param paidOrders   distinct paid orders among the interactions read
 * @param hidden       items the customer said they are not interested in
 * @param segment      the customer's segment tag value, or null
 * @param region       the profile's region, or null
 * @param ageBand      the profile's age band, or null
 */
public record CustomerState(UserHistory history, Map<String, Instant> lastBought, List<String> cart,
                            int paidOrders, Set<String> hidden, String segment, String region, String ageBand) {

    /** True when nothing the customer did is known to the model: the cold-start path. */
    public boolean cold() {
        return history.isEmpty();
    }

    /**
     * Builds the state from the latest interactions (newest first, as the repository reads them).
     */
    public static CustomerState of(List<Interaction> latest, ModelSet models, InteractionWeighting weighting,
                                   Instant now, Set<String> hidden, String segment, String region, String ageBand) {
        TreeMap<Integer, Float> weights = new TreeMap<>();
        Map<String, Instant> lastBought = new HashMap<>();
        Set<String> refunded = new HashSet<>();
        Set<String> orders = new HashSet<>();
        LinkedHashSet<String> cart = new LinkedHashSet<>();
        Set<String> cartClosed = new HashSet<>();
        for (Interaction interaction : latest) {
            String item = interaction.itemId();
            int index = models == null ? -1 : models.index(item);
            if (index >= 0) {
                weights.merge(index, weighting.weight(interaction.kind(), interaction.quantity(),
                        interaction.occurredAt(), now), Float::sum);
            }
            InteractionKind kind = interaction.kind();
            if (kind == InteractionKind.REFUND) {
                refunded.add(item + "@" + interaction.orderId());
            } else if (kind == InteractionKind.ORDER) {
                orders.add(interaction.orderId());
                if (!refunded.contains(item + "@" + interaction.orderId())) {
                    lastBought.putIfAbsent(item, interaction.occurredAt());
                }
                cartClosed.add(item);
            } else if (kind == InteractionKind.REMOVE_FROM_CART) {
                cartClosed.add(item);
            } else if (kind == InteractionKind.ADD_TO_CART && !cartClosed.contains(item)) {
                cart.add(item);
            }
        }
        int[] items = new int[weights.size()];
        float[] values = new float[weights.size()];
        int i = 0;
        for (Map.Entry<Integer, Float> entry : weights.entrySet()) {
            items[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        return new CustomerState(new UserHistory(items, values), lastBought, List.copyOf(cart), orders.size(),
                Set.copyOf(hidden), segment, region, ageBand);
    }
}
