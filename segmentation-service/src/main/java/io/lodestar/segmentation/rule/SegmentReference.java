package io.lodestar.segmentation.rule;

/**
 * Membership of another rule segment: {@code {"type": "segment", "segmentId": "vip-beauty"}}. Its condition tree is
 * inlined in both paths (evaluated for the same customer and instant, not read from a stored membership), so it never
 * lags behind. {@link SegmentReferences} refuses unknown segments and cycles before a tree is stored.
 */
public record SegmentReference(String segmentId) implements Condition {

    public SegmentReference {
        if (segmentId == null || segmentId.isBlank()) {
            throw new InvalidConditionException("segmentId", "is required");
        }
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return ctx.matchesSegment(segmentId, facts);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return ctx.segmentSql(segmentId);
    }
}
