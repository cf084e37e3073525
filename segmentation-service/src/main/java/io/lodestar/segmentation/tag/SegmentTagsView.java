package io.lodestar.segmentation.tag;

import java.util.Map;

/**
 * A customer's segment tags (tag → value, sorted), the run version they come from (null when read from PostgreSQL or
 * before the first run) and where they were read: {@code redis}, or {@code database} when Redis did not answer.
 */
public record SegmentTagsView(String customerId, Map<String, String> tags, Long version, String source) {

    static final String REDIS = "redis";
    static final String DATABASE = "database";
}
