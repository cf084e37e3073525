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
     * A STRING holding the version of the segment tags readers should use. segmentation-service writes a full run's
     * tags under a new version and then sets this key, so a reader sees either the whole previous run or the whole new
     * one, never a half-written mix.
     */
    public static String segmentTagsVersion() {
        return "segment-tags:version";
    }

    /**
     * A HASH of a customer's segment tags in one version: tag → value, e.g. {@code rfm:classic → important-value},
     * {@code rfm:classic:code → HLH}, {@code lifecycle → at_risk}, {@code churn → high}, {@code cluster → 3}. Written by
     * segmentation-service, read on hot paths by its segments endpoint, the profile 360 view and
     * recommendation-service.
     */
    public static String segmentTags(long version, String customerId) {
        return "segment-tags:v" + version + ":" + customerId;
    }

    /** A SET of the customer ids in one segment ({@code tag=value}, e.g. {@code lifecycle=at_risk}) in one version. */
    public static String segmentMembers(long version, String segment) {
        return "segment-members:v" + version + ":" + segment;
    }
}
