package io.lodestar.segmentation.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.lodestar.platform.problem.Problem;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads and writes condition trees as JSON (the JSONB column and REST bodies alike). Reading validates in three steps,
 * each naming the JSON path of what is wrong ({@code condition.children[1].operator}):
 * <ol>
 *   <li>shape limits (nesting depth, number of nodes), so that no request can make validation itself expensive;</li>
 *   <li>the JSON Schema {@value #SCHEMA} (unknown fields and types, operators that do not apply to a field, unknown
 *       enum values, empty groups, bounds): every violation is reported at once;</li>
 *   <li>binding to the {@link Condition} records, whose constructors check what a schema cannot say clearly (a
 *       {@code between} whose min exceeds its max, RFM classes mixed with segments): the first such violation.</li>
 * </ol>
 * References to other segments are checked separately by {@link SegmentReferences}, which needs the stored segments.
 */
@ApplicationScoped
@Startup
public class ConditionCodec {

    /** The schema on the classpath. */
    public static final String SCHEMA = "rules/rule-condition.schema.json";
    /** The field name paths start with unless the caller gives another. */
    public static final String DEFAULT_ROOT = "condition";
    /** Deepest nesting of groups accepted (a leaf at depth 1 is a tree of one node). */
    public static final int MAX_DEPTH = 16;
    /** Most nodes (groups and leaves) accepted in one tree. */
    public static final int MAX_NODES = 500;

    private static final JsonSchema CONDITION_SCHEMA = loadSchema();

    private final ObjectMapper mapper;

    public ConditionCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Builds the schema's validators at start-up: the validator builds them lazily on first use, which took seconds
     * on the event loop of the first request.
     */
    @PostConstruct
    void initializeSchema() {
        CONDITION_SCHEMA.initializeValidators();
    }

    /** {@link #read(JsonNode, String)} with paths starting at {@value #DEFAULT_ROOT}. */
    public Condition read(JsonNode json) {
        return read(json, DEFAULT_ROOT);
    }

    /**
     * The condition tree of {@code json}.
     *
     * @param root the name of the field holding the tree in the caller's document, the first segment of every path
     * @throws RuleValidationException naming each offending path
     */
    public Condition read(JsonNode json, String root) {
        List<Problem.Violation> violations = violations(json, root);
        if (!violations.isEmpty()) {
            throw new RuleValidationException(violations);
        }
        try {
            return mapper.treeToValue(json, Condition.class);
        } catch (JsonMappingException e) {
            throw new RuleValidationException(List.of(bindingViolation(e, root)));
        } catch (JsonProcessingException e) {
            throw new RuleValidationException(List.of(new Problem.Violation(root, "is not a valid condition")));
        }
    }

    /** Parses and reads a JSON text (a stored JSONB value); paths start at {@value #DEFAULT_ROOT}. */
    public Condition read(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RuleValidationException(List.of(new Problem.Violation(DEFAULT_ROOT, "is not valid JSON")));
        }
        return read(node, DEFAULT_ROOT);
    }

    /** The tree as a JSON object (valid against the schema). */
    public JsonNode toJson(Condition condition) {
        return mapper.valueToTree(condition);
    }

    /** The tree as JSON text, for the JSONB column. */
    public String write(Condition condition) {
        try {
            return mapper.writeValueAsString(condition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a condition tree could not be written as JSON", e);
        }
    }

    /** The violations of the shape limits and the schema, sorted by path; empty when the JSON is acceptable. */
    List<Problem.Violation> violations(JsonNode json, String root) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            return List.of(new Problem.Violation(root, "is required"));
        }
        List<Problem.Violation> limits = new ArrayList<>();
        int[] nodes = {0};
        checkShape(json, root, 1, nodes, limits);
        if (nodes[0] > MAX_NODES) {
            limits.add(new Problem.Violation(root, "has " + nodes[0] + " conditions; at most " + MAX_NODES + " are allowed"));
        }
        if (!limits.isEmpty()) {
            return limits;
        }
        Set<Problem.Violation> violations = new LinkedHashSet<>();
        for (ValidationMessage message : CONDITION_SCHEMA.validate(json)) {
            violations.add(SchemaMessages.violation(message, json, root));
        }
        List<Problem.Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
        return sorted;
    }

    /** Depth and size, walking only the children of groups (the schema checks the rest). */
    private static void checkShape(JsonNode node, String path, int depth, int[] nodes, List<Problem.Violation> out) {
        nodes[0]++;
        if (depth > MAX_DEPTH) {
            out.add(new Problem.Violation(path, "nests conditions deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (nodes[0] > MAX_NODES || !node.isObject()) {
            return;
        }
        JsonNode children = node.get("children");
        if (children != null && children.isArray()) {
            for (int i = 0; i < children.size() && out.isEmpty(); i++) {
                checkShape(children.get(i), path + ".children[" + i + "]", depth + 1, nodes, out);
            }
        }
        JsonNode child = node.get("child");
        if (child != null && out.isEmpty()) {
            checkShape(child, path + ".child", depth + 1, nodes, out);
        }
    }

    /** A record refusing its arguments names the property; anything else is reported at the deepest known path. */
    private static Problem.Violation bindingViolation(JsonMappingException e, String root) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConditionException invalid) {
                return new Problem.Violation(path + "." + invalid.field(), invalid.problem());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return new Problem.Violation(path.toString(), "has a missing or malformed value");
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ConditionCodec.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the condition schema " + SCHEMA + " is missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the condition schema " + SCHEMA, e);
        }
    }
}
