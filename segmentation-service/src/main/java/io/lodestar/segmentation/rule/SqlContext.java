package io.lodestar.segmentation.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the SQL translation needs: the evaluation instant (bound as a parameter, never {@code now()}, so the result is
 * the one {@link EvaluationContext} computes for the same instant) and the other rule segments, whose trees are inlined.
 * Fragments are written over {@code customer_feature_view f}. Immutable.
 */
public final class SqlContext {

    /** The alias every fragment uses for {@code customer_feature_view}. */
    public static final String VIEW_ALIAS = "f";

    private final Instant asOf;
    private final SegmentLookup segments;
    private final ReferenceChain chain;

    private SqlContext(Instant asOf, SegmentLookup segments, ReferenceChain chain) {
        this.asOf = asOf;
        this.segments = segments;
        this.chain = chain;
    }

    /** See {@link EvaluationContext#of(Instant, SegmentLookup)}; the same truncation to microseconds applies. */
    public static SqlContext of(Instant asOf, SegmentLookup segments) {
        return new SqlContext(Objects.requireNonNull(asOf, "asOf").truncatedTo(ChronoUnit.MICROS),
                Objects.requireNonNull(segments, "segments"), ReferenceChain.EMPTY);
    }

    public Instant asOf() {
        return asOf;
    }

    /** The UTC calendar date of {@link #asOf()}. */
    public LocalDate asOfDate() {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    /** An instant as the value the client binds to a {@code timestamptz} slot. */
    static OffsetDateTime timestamptz(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The referenced segment's condition translated in this context. */
    SqlFragment segmentSql(String segmentId) {
        ReferenceChain.Entered entered = chain.enter(segmentId, segments);
        return entered.condition().toSql(new SqlContext(asOf, segments, entered.chain()));
    }
}
