package io.lodestar.segmentation.tag;

import java.util.Objects;
import java.util.Optional;

import io.lodestar.contracts.segment.SegmentKind;

/**
 * One tag a customer carries, e.g. {@code rfm:classic → important-value}. A tag whose {@link #membership() kind} is
 * set is a segment membership: a change of its value is an exit from {@code tag=old} and an entry into
 * {@code tag=new}, published on {@code lodestar.segment-membership.v1} with {@code label} as the segment's name and
 * {@code reason} saying why. Other tags (codes, scores) only describe.
 */
public record Tag(String name, String value, Optional<SegmentKind> membership, String label, String reason) {

    public Tag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(reason, "reason");
    }

    /** A membership tag; {@code label} names the segment for people ("RFM classic: important value"). */
    public static Tag membership(String name, String value, SegmentKind kind, String label, String reason) {
        return new Tag(name, value, Optional.of(kind), label, reason);
    }

    public static Tag attribute(String name, String value) {
        return new Tag(name, value, Optional.empty(), name, "");
    }

    /** The segment this tag's value stands for: {@code rfm:classic=important-value}. */
    public static String segmentId(String name, String value) {
        return name + "=" + value;
    }

    /** Tag names, in one place: every writer and reader of tags uses these. */
    public static final class Names {

        public static final String LIFECYCLE = "lifecycle";
        public static final String CHURN = "churn";
        public static final String CHURN_PROBABILITY = "churn:probability";
        public static final String CLUSTER = "cluster";
        public static final String CLUSTER_NAME = "cluster:name";

        private Names() {
        }

        public static String rfm(String modelId) {
            return "rfm:" + modelId;
        }

        public static String rfmCode(String modelId) {
            return "rfm:" + modelId + ":code";
        }

        public static String rfmScores(String modelId) {
            return "rfm:" + modelId + ":scores";
        }

        /** A rule segment's tag, valued {@code true} while the customer matches it. */
        public static String rule(String segmentId) {
            return "segment:" + segmentId;
        }

        /** The membership kind of a tag name, or empty for the descriptive ones (codes, scores, names). */
        public static Optional<SegmentKind> membershipKind(String name) {
            if (name.endsWith(":code") || name.endsWith(":scores") || name.equals(CHURN_PROBABILITY)
                    || name.equals(CLUSTER_NAME)) {
                return Optional.empty();
            }
            if (name.startsWith("rfm:")) {
                return Optional.of(SegmentKind.RFM);
            }
            if (name.startsWith(LIFECYCLE)) {
                return Optional.of(SegmentKind.LIFECYCLE);
            }
            if (name.startsWith(CHURN)) {
                return Optional.of(SegmentKind.CHURN);
            }
            if (name.startsWith(CLUSTER)) {
                return Optional.of(SegmentKind.CLUSTER);
            }
            return name.startsWith("segment:") ? Optional.of(SegmentKind.RULE) : Optional.empty();
        }

        /** A lifecycle flag such as {@code lifecycle:new_customer_churn_risk}, valued {@code true} while it holds. */
        public static String lifecycleFlag(String flag) {
            return "lifecycle:" + flag;
        }
    }
}
