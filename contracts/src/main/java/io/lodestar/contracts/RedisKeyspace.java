package io.lodestar.contracts;

/**
 * The Redis keys that cross service boundaries (one service writes, others read), after the installation's key
 * prefix ({@code lodestar.redis.key-prefix}). Like the topics, they are a contract: change one here and in its
 * writer and readers together.
 */
public final class RedisKeyspace {

    private RedisKeyspace() {
    }

    /**
     * A Redis SET of a customer's segment tags (e.g. {@code rfm:important-value}, {@code churn:at-risk}), written by
     * segmentation-service and read on hot paths by the profile 360 view and recommendation-service.
     */
    public static String segmentTags(String customerId) {
        return "segment-tags:" + customerId;
    }
}
