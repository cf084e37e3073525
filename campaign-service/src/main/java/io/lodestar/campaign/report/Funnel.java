package io.lodestar.campaign.report;

import java.util.List;

/**
 * targeted → delivered → opened → clicked → add-to-cart → ordered → paid, counted in customers' messages (the first
 * five) and in attributed orders (the last two), with each step's conversion from the one before.
 *
 * @param ordered customers with an order attributed to the campaign
 * @param paid    of those, customers whose attributed orders were not refunded in full
 */
public record Funnel(long targeted, long sent, long delivered, long opened, long clicked, long addedToCart,
                     long ordered, long paid, List<Step> steps) {

    /** Conversion from one step to the next; null when the earlier step is zero. */
    public record Step(String from, String to, Double rate) {
    }

    public static Funnel of(long targeted, long sent, long delivered, long opened, long clicked, long addedToCart,
                            long ordered, long paid) {
        long[] counts = {targeted, sent, delivered, opened, clicked, addedToCart, ordered, paid};
        String[] names = {"targeted", "sent", "delivered", "opened", "clicked", "added_to_cart", "ordered", "paid"};
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 1; i < counts.length; i++) {
            steps.add(new Step(names[i - 1], names[i], counts[i - 1] == 0 ? null
                    : Math.round(10_000.0 * counts[i] / counts[i - 1]) / 10_000.0));
        }
        return new Funnel(targeted, sent, delivered, opened, clicked, addedToCart, ordered, paid, List.copyOf(steps));
    }
}
