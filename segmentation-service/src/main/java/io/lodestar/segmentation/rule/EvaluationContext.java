package io.lodestar.segmentation.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the in-memory evaluator needs besides one customer's facts: the evaluation instant and the other rule segments.
 * The instant is truncated to microseconds, the precision PostgreSQL stores, so that this path and {@link SqlContext}
 * compare the same instants. Immutable.
 */
public final class EvaluationContext {

    private final Instant asOf;
    private final SegmentLookup segments;
    private final ReferenceChain chain;

    private EvaluationContext(Instant asOf, SegmentLookup segments, ReferenceChain chain) {
        this.asOf = asOf;
        this.segments = segments;
        this.chain = chain;
    }

    /**
     * @param asOf     the instant "now" means for every time-relative condition (never the wall clock implicitly)
     * @param segments where segment references are resolved
     */
    public static EvaluationContext of(Instant asOf, SegmentLookup segments) {
        return new EvaluationContext(Objects.requireNonNull(asOf, "asOf").truncatedTo(ChronoUnit.MICROS),
                Objects.requireNonNull(segments, "segments"), ReferenceChain.EMPTY);
    }

    /** The evaluation instant (microsecond precision). */
    public Instant asOf() {
        return asOf;
    }

    /** The UTC calendar date of {@link #asOf()}: the "today" of ages. */
    public LocalDate asOfDate() {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    }

    /** Evaluates the referenced segment's condition for the same customer. */
    boolean matchesSegment(String segmentId, CustomerFacts facts) {
        ReferenceChain.Entered entered = chain.enter(segmentId, segments);
        return entered.condition().matches(facts, new EvaluationContext(asOf, segments, entered.chain()));
    }
}
