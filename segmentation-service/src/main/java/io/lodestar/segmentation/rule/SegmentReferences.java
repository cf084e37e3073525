package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lodestar.platform.problem.Problem;

/**
 * Checks the {@link SegmentReference}s of a tree against the stored rule segments before it is stored: every
 * referenced segment must exist, and following references (through any number of segments) must never lead back to a
 * segment on the way, which would make membership undefined. Also answers which segments a tree refers to, for
 * refusing to delete a segment that others reference (CONVENTIONS 14).
 */
public final class SegmentReferences {

    private SegmentReferences() {
    }

    /** The ids of the segments this tree refers to directly (not following them), in tree order. */
    public static Set<String> referencedBy(Condition condition) {
        Set<String> ids = new LinkedHashSet<>();
        collect(condition, ids);
        return ids;
    }

    /**
     * Checks the tree of segment {@code segmentId} (null for one not created yet), with paths under {@code root}.
     *
     * @param stored the stored rule segments; if it holds {@code segmentId}, {@code condition} replaces its old tree
     * @throws RuleValidationException one violation per reference that is unknown or part of a cycle, at the path of
     *                                 its {@code segmentId}
     */
    public static void check(String segmentId, Condition condition, SegmentLookup stored, String root) {
        List<Problem.Violation> violations = violations(segmentId, condition, stored, root);
        if (!violations.isEmpty()) {
            throw new RuleValidationException(violations);
        }
    }

    /** The violations {@link #check} would report; empty when every reference is sound. */
    public static List<Problem.Violation> violations(String segmentId, Condition condition, SegmentLookup stored,
            String root) {
        SegmentLookup lookup = segmentId == null ? stored : stored.with(segmentId, condition);
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> sound = new HashSet<>();
        walk(condition, root, (reference, path) -> {
            List<String> chain = segmentId == null ? List.of() : List.of(segmentId);
            problem(reference.segmentId(), chain, List.of(), lookup, sound)
                    .ifPresent(problem -> violations.add(new Problem.Violation(path + ".segmentId", problem)));
        });
        return violations;
    }

    /**
     * What is wrong with following the reference to {@code id}, or empty when nothing is.
     *
     * @param chain   the segments entered so far, the checked one first (when it has an id)
     * @param through the referenced segments passed on the way from the checked tree's reference to {@code id}
     * @param sound   segments already found to lead to no problem
     */
    private static Optional<String> problem(String id, List<String> chain, List<String> through, SegmentLookup lookup,
            Set<String> sound) {
        List<String> path = new ArrayList<>(chain);
        path.add(id);
        if (through.isEmpty() && !chain.isEmpty() && chain.get(0).equals(id)) {
            return Optional.of("refers to its own segment " + quoted(id));
        }
        if (chain.contains(id)) {
            return Optional.of("creates a cycle of segment references: " + arrows(path));
        }
        if (sound.contains(id)) {
            return Optional.empty();
        }
        Optional<Condition> condition = lookup.find(id);
        if (condition.isEmpty()) {
            return Optional.of(through.isEmpty()
                    ? "refers to segment " + quoted(id) + ", which does not exist"
                    : "leads through " + arrows(through) + " to segment " + quoted(id) + ", which does not exist");
        }
        List<String> nextThrough = new ArrayList<>(through);
        nextThrough.add(id);
        for (String next : referencedBy(condition.get())) {
            Optional<String> problem = problem(next, path, nextThrough, lookup, sound);
            if (problem.isPresent()) {
                return problem;
            }
        }
        sound.add(id);
        return Optional.empty();
    }

    private static String arrows(List<String> ids) {
        return String.join(" → ", ids.stream().map(SegmentReferences::quoted).toList());
    }

    private static String quoted(String id) {
        return "'" + id + "'";
    }

    private static void collect(Condition condition, Set<String> ids) {
        if (condition instanceof SegmentReference reference) {
            ids.add(reference.segmentId());
        }
        condition.operands().forEach(operand -> collect(operand, ids));
    }

    private interface ReferenceVisitor {
        void visit(SegmentReference reference, String path);
    }

    /** Visits each reference with the JSON path of its node. */
    private static void walk(Condition condition, String path, ReferenceVisitor visitor) {
        if (condition instanceof SegmentReference reference) {
            visitor.visit(reference, path);
        } else if (condition instanceof Not not) {
            walk(not.child(), path + ".child", visitor);
        } else {
            List<Condition> children = condition.operands();
            for (int i = 0; i < children.size(); i++) {
                walk(children.get(i), path + ".children[" + i + "]", visitor);
            }
        }
    }
}
