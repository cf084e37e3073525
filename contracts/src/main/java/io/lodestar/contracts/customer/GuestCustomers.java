package io.lodestar.contracts.customer;

/**
 * Orders without a known buyer (an imported order line without a customer id) are published under a guest id,
 * {@code guest-<orderId>}: item statistics count them, but no person stands behind the id, so per-customer
 * analytics (features, RFM, segments) leave them out.
 */
public final class GuestCustomers {

    public static final String PREFIX = "guest-";

    private GuestCustomers() {
    }

    public static String forOrder(String orderId) {
        return PREFIX + orderId;
    }

    public static boolean isGuest(String customerId) {
        return customerId.startsWith(PREFIX);
    }
}
