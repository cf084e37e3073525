package io.lodestar.campaign.journey;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;

/**
 * Checks a journey definition before it is stored or started, and reports every fault at once, each with the JSON
 * path of the faulty value ({@code journey.steps[2].next}), so that an operator can fix a posted campaign in one go.
 *
 * <p>What it guarantees of a definition without violations, and {@link JourneyStateMachine} relies on: step ids are
 * unique and every link names a step; the steps reachable from {@code entryStep} form a directed acyclic graph (so a
 * step runs at most once per instance and every instance ends) and include an exit; no step is unreachable (a dead
 * step is a mistake, not a spare); waits, timeouts and the re-entry period are positive; sends have a text and, when
 * they name channels, at least one; trigger parameters are within their ranges; condition groups are not empty.
 * Whether a template's placeholders are known and a coupon exists is the campaign's business
 * ({@code CampaignValidator}), since it knows the offer.
 */
public final class JourneyValidator {

    /** The root of every path: the field of the campaign definition that holds the journey. */
    static final String ROOT = "journey";

    private final JourneyDefinition definition;
    private final List<Violation> violations = new ArrayList<>();

    private JourneyValidator(JourneyDefinition definition) {
        this.definition = definition;
    }

    /** Every violation of {@code definition}, in the order of the fields; empty when it is sound. */
    public static List<Violation> validate(JourneyDefinition definition) {
        if (definition == null) {
            return List.of(new Violation(ROOT, "is required"));
        }
        JourneyValidator validator = new JourneyValidator(definition);
        validator.check();
        return List.copyOf(validator.violations);
    }

    private void check() {
        trigger();
        Map<String, Integer> index = stepIds();
        for (int i = 0; i < definition.steps().size(); i++) {
            step(i, definition.steps().get(i), index);
        }
        Integer entry = entryStep(index);
        if (entry != null) {
            graph(entry, index);
        }
        exitOn();
        if (definition.reentry() != null && !positive(definition.reentry())) {
            add("reentry", "must be positive (or absent: a customer enters once ever), was " + definition.reentry());
        }
    }

    private void trigger() {
        JourneyTrigger trigger = definition.trigger();
        String path = "trigger";
        if (trigger == null) {
            add(path, "is required");
        } else if (trigger instanceof JourneyTrigger.SegmentEntered entered) {
            notBlank(path + ".segmentId", entered.segmentId());
        } else if (trigger instanceof JourneyTrigger.NoRepeatPurchase noRepeat) {
            range(path + ".afterDays", noRepeat.afterDays(), JourneyTrigger.MIN_AFTER_DAYS,
                    JourneyTrigger.MAX_AFTER_DAYS, "days");
        } else if (trigger instanceof JourneyTrigger.CartAbandoned cart) {
            range(path + ".afterHours", cart.afterHours(), JourneyTrigger.MIN_AFTER_HOURS,
                    JourneyTrigger.MAX_AFTER_HOURS, "hours");
        } else if (trigger instanceof JourneyTrigger.ItemTrending trending) {
            if (trending.category() != null && trending.category().isBlank()) {
                add(path + ".category", "must not be blank (leave it out for any category)");
            }
            notBlank(path + ".audienceSegmentId", trending.audienceSegmentId());
        } else if (trigger instanceof JourneyTrigger.Birthday birthday) {
            range(path + ".daysBefore", birthday.daysBefore(), JourneyTrigger.MIN_DAYS_BEFORE,
                    JourneyTrigger.MAX_DAYS_BEFORE, "days");
        } else if (trigger instanceof JourneyTrigger.ExplicitEvent explicit && explicit.eventType() == null) {
            add(path + ".eventType", "is required");
        }
    }

    /** Index of the first step of each id; reports missing and duplicate ids. */
    private Map<String, Integer> stepIds() {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<JourneyStep> steps = definition.steps();
        if (steps.isEmpty()) {
            add("steps", "has no step");
        }
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).id();
            if (id == null || id.isBlank()) {
                add(stepPath(i) + ".id", "is required");
            } else if (index.containsKey(id)) {
                add(stepPath(i) + ".id", "'" + id + "' is already the id of steps[" + index.get(id) + "]");
            } else {
                index.put(id, i);
            }
        }
        return index;
    }

    private void step(int i, JourneyStep step, Map<String, Integer> index) {
        String path = stepPath(i);
        for (JourneyStep.Transition transition : step.transitions()) {
            String target = transition.targetId();
            String field = path + "." + transition.field();
            if (target == null || target.isBlank()) {
                add(field, "is required");
            } else if (!index.containsKey(target)) {
                add(field, "names no step: '" + target + "'");
            }
        }
        if (step instanceof JourneyStep.Send send) {
            if (send.template() == null || send.template().isBlank()) {
                add(path + ".template", "is required");
            }
            if (send.channels() != null) {
                if (send.channels().isEmpty()) {
                    add(path + ".channels", "is empty (leave it out to use the campaign's channels)");
                }
                Set<MessageChannel> seen = EnumSet.noneOf(MessageChannel.class);
                for (int c = 0; c < send.channels().size(); c++) {
                    if (!seen.add(send.channels().get(c))) {
                        add(path + ".channels[" + c + "]", "lists " + WireNames.of(send.channels().get(c))
                                + " twice");
                    }
                }
            }
        } else if (step instanceof JourneyStep.Wait wait) {
            duration(path + ".duration", wait.duration());
        } else if (step instanceof JourneyStep.WaitFor waitFor) {
            if (waitFor.event() == null) {
                add(path + ".event", "is required");
            } else if (definition.exitsOn(waitFor.event())) {
                add(path + ".event", WireNames.of(waitFor.event()) + " is also in exitOn, which ends the journey"
                        + " first: onEvent would never be followed");
            }
            duration(path + ".timeout", waitFor.timeout());
        } else if (step instanceof JourneyStep.Branch branch) {
            condition(path + ".condition", branch.condition());
        }
    }

    private void condition(String path, JourneyCondition condition) {
        if (condition == null) {
            add(path, "is required");
        } else if (condition instanceof JourneyCondition.MemberTierIn tiers && tiers.tiers().isEmpty()) {
            add(path + ".tiers", "is empty: no customer would match");
        } else if (condition instanceof JourneyCondition.Not not) {
            condition(path + ".condition", not.condition());
        } else if (condition instanceof JourneyCondition.AllOf all) {
            group(path, all.conditions());
        } else if (condition instanceof JourneyCondition.AnyOf any) {
            group(path, any.conditions());
        }
    }

    private void group(String path, List<JourneyCondition> conditions) {
        if (conditions.isEmpty()) {
            add(path + ".conditions", "is empty");
        }
        for (int i = 0; i < conditions.size(); i++) {
            condition(path + ".conditions[" + i + "]", conditions.get(i));
        }
    }

    /** The index of the entry step, or null when it is missing or names no step (reported). */
    private Integer entryStep(Map<String, Integer> index) {
        String entry = definition.entryStep();
        if (entry == null || entry.isBlank()) {
            add("entryStep", "is required");
            return null;
        }
        Integer at = index.get(entry);
        if (at == null) {
            add("entryStep", "names no step: '" + entry + "'");
        }
        return at;
    }

    /**
     * The shape of the step graph: cycles (reported at the link that closes them, with the loop spelled out), steps
     * not reachable from the entry, and the absence of a reachable exit. Links to unknown steps were reported by
     * {@link #step} and are ignored here.
     */
    private void graph(int entry, Map<String, Integer> index) {
        List<JourneyStep> steps = definition.steps();
        // Iterative depth-first search, so that a long chain of steps cannot overflow the stack: from the entry
        // first (a loop is then reported at the link that goes back, as an operator reads the journey), then from
        // every other step in order (a loop among unreachable steps is a fault too).
        int[] colour = new int[steps.size()]; // 0 unseen, 1 on the current path, 2 done
        Map<Integer, Integer> parent = new HashMap<>();
        List<Integer> roots = new ArrayList<>();
        roots.add(entry);
        roots.addAll(index.values());
        for (int root : roots) {
            if (colour[root] != 0) {
                continue;
            }
            Deque<int[]> stack = new ArrayDeque<>(); // {step index, next transition to follow}
            stack.push(new int[]{root, 0});
            colour[root] = 1;
            while (!stack.isEmpty()) {
                int[] frame = stack.peek();
                JourneyStep step = steps.get(frame[0]);
                List<JourneyStep.Transition> transitions = step.transitions();
                if (frame[1] == transitions.size()) {
                    colour[frame[0]] = 2;
                    stack.pop();
                    continue;
                }
                JourneyStep.Transition transition = transitions.get(frame[1]++);
                Integer target = transition.targetId() == null ? null : index.get(transition.targetId());
                if (target == null) {
                    continue;
                }
                if (colour[target] == 1) {
                    add(stepPath(frame[0]) + "." + transition.field(), "leads back to '" + transition.targetId()
                            + "' (" + loop(target, frame[0], parent) + "): steps must not form a cycle, so that each"
                            + " runs at most once per customer");
                } else if (colour[target] == 0) {
                    colour[target] = 1;
                    parent.put(target, frame[0]);
                    stack.push(new int[]{target, 0});
                }
            }
        }

        Set<Integer> reachable = reachableFrom(entry, index);
        boolean exitReachable = false;
        for (int i : index.values()) {
            if (!reachable.contains(i)) {
                add(stepPath(i), "'" + steps.get(i).id() + "' is not reachable from the entry step '"
                        + definition.entryStep() + "'");
            } else if (steps.get(i) instanceof JourneyStep.Exit) {
                exitReachable = true;
            }
        }
        if (!exitReachable) {
            add("steps", "no exit step is reachable from the entry step '" + definition.entryStep() + "'");
        }
    }

    /** The loop from {@code target} down the current search path to {@code from} and back: "a → b → a". */
    private String loop(int target, int from, Map<Integer, Integer> parent) {
        List<String> ids = new ArrayList<>();
        for (int at = from; at != target; at = parent.get(at)) {
            ids.add(0, definition.steps().get(at).id());
        }
        String first = definition.steps().get(target).id();
        ids.add(0, first);
        ids.add(first);
        return String.join(" → ", ids);
    }

    private Set<Integer> reachableFrom(int entry, Map<String, Integer> index) {
        Set<Integer> reached = new HashSet<>();
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(entry);
        reached.add(entry);
        while (!queue.isEmpty()) {
            for (JourneyStep.Transition transition : definition.steps().get(queue.poll()).transitions()) {
                Integer target = transition.targetId() == null ? null : index.get(transition.targetId());
                if (target != null && reached.add(target)) {
                    queue.add(target);
                }
            }
        }
        return reached;
    }

    private void exitOn() {
        Set<JourneyEvent> seen = EnumSet.noneOf(JourneyEvent.class);
        for (int i = 0; i < definition.exitOn().size(); i++) {
            if (!seen.add(definition.exitOn().get(i))) {
                add("exitOn[" + i + "]", "lists " + WireNames.of(definition.exitOn().get(i)) + " twice");
            }
        }
    }

    private void duration(String path, Duration duration) {
        if (duration == null) {
            add(path, "is required");
        } else if (!positive(duration)) {
            add(path, "must be positive, was " + duration);
        }
    }

    private void range(String path, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            add(path, "must be between " + min + " and " + max + " " + unit + ", was " + value);
        }
    }

    private void notBlank(String path, String value) {
        if (value == null || value.isBlank()) {
            add(path, "is required");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static String stepPath(int i) {
        return "steps[" + i + "]";
    }

    private void add(String relativePath, String message) {
        violations.add(new Violation(ROOT + "." + relativePath, message));
    }
}
