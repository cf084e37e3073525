package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import io.lodestar.platform.problem.Problem;

/**
 * Turns the schema validator's messages into violations worded for the operator who wrote the rule: the path of the
 * offending field and what is wrong with it, in terms of the condition it belongs to ("'gt' is not an operator of
 * attribute conditions; use one of in, not_in, is_set, is_not_set"), never the validator's own jargon.
 */
final class SchemaMessages {

    /** What the items of each list property are, for "'x' is not a known …". */
    private static final Map<String, String> ITEM_NOUNS = Map.of(
            "channels", "channel",
            "groups", "RFM class or segment",
            "stages", "lifecycle stage",
            "levels", "churn risk level");

    private SchemaMessages() {
    }

    static Problem.Violation violation(ValidationMessage message, JsonNode document, String root) {
        JsonNodePath location = message.getInstanceLocation();
        String path = root + location.toString().substring(1); // "$.children[1].operator" → "condition.children[1]…"
        JsonNode instance = message.getInstanceNode();
        String name = location.getNameCount() == 0 ? null : String.valueOf(location.getElement(location.getNameCount() - 1));
        JsonNode parent = location.getNameCount() == 0 ? MissingNode.getInstance() : at(document, location.getParent());
        switch (message.getType()) {
            case "required":
                return new Problem.Violation(path + "." + message.getProperty(), "is required");
            case "additionalProperties":
                return new Problem.Violation(path + "." + message.getProperty(), "is not a known field"
                        + (instance.path("type").isTextual() ? " of " + instance.path("type").asText() + " conditions" : ""));
            case "enum":
                return new Problem.Violation(path, notOneOf(name, instance, parent, location, document, message));
            case "false":
                return new Problem.Violation(path, notAllowed(name, parent));
            case "minItems":
                return new Problem.Violation(path, "children".equals(name)
                        ? "must hold at least one condition"
                        : "must list at least one value");
            case "uniqueItems":
                return new Problem.Violation(path, "must not repeat a value");
            case "minimum":
                return new Problem.Violation(path, "must be at least " + message.getSchemaNode().asText() + ", was "
                        + instance.asText());
            case "maximum":
                return new Problem.Violation(path, "must be at most " + message.getSchemaNode().asText() + ", was "
                        + instance.asText());
            case "pattern":
            case "minLength":
                return new Problem.Violation(path, "must not be blank");
            case "type":
                return new Problem.Violation(path, mustBe(message.getSchemaNode().asText(), instance));
            default:
                String text = message.getMessage();
                int colon = text.indexOf(": ");
                return new Problem.Violation(path, colon >= 0 ? text.substring(colon + 2) : text);
        }
    }

    private static String notOneOf(String name, JsonNode instance, JsonNode parent, JsonNodePath location,
            JsonNode document, ValidationMessage message) {
        String value = "'" + (instance.isTextual() ? instance.asText() : instance.toString()) + "'";
        String allowed = "; use one of " + String.join(", ", texts(message.getSchemaNode()));
        String type = parent.path("type").asText("");
        if ("type".equals(name)) {
            return value + " is not a condition type" + allowed;
        }
        if ("operator".equals(name)) {
            return value + " is not an operator of " + type + " conditions" + allowed;
        }
        if ("field".equals(name)) {
            return value + " is not a known " + ("feature".equals(type) ? "feature" : "attribute") + allowed;
        }
        if ("behaviour".equals(name)) {
            return value + " is not a known behaviour" + allowed;
        }
        if (instance != null && location.getNameCount() >= 2 && location.getElement(location.getNameCount() - 1) instanceof Integer) {
            // An item of a list: name it after the list, or after the attribute whose values these are.
            String list = String.valueOf(location.getElement(location.getNameCount() - 2));
            JsonNode condition = at(document, location.getParent().getParent());
            String noun = "values".equals(list)
                    ? condition.path("field").asText("value").replace('_', ' ')
                    : ITEM_NOUNS.getOrDefault(list, "value");
            return value + " is not a known " + noun + allowed;
        }
        return value + " is not allowed here" + allowed;
    }

    /** A property the condition's other properties rule out. */
    private static String notAllowed(String name, JsonNode parent) {
        String operator = parent.path("operator").asText("");
        if ("days".equals(name)) {
            return "is only allowed for orders_in_last_days and spend_in_last_days";
        }
        if ("min".equals(name) || "max".equals(name)) {
            return "is only allowed with operator between";
        }
        if ("value".equals(name)) {
            return "is not allowed with operator between; use min and max";
        }
        return "is not allowed with operator " + operator;
    }

    private static String mustBe(String expected, JsonNode instance) {
        switch (expected) {
            case "integer":
                return instance.isNumber() ? "must be a whole number, was " + instance.asText() : "must be a whole number";
            case "number":
                return "must be a number";
            case "string":
                return "must be a string";
            case "array":
                return "must be a list";
            case "object":
                return "must be a condition object";
            default:
                return "must be of type " + expected;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    /** The node of {@code document} at {@code path}, or a missing node. */
    private static JsonNode at(JsonNode document, JsonNodePath path) {
        JsonNode node = document;
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
        }
        return node;
    }
}
