package io.lodestar.campaign.template;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A message text with {@code {{variable}}} placeholders, parsed once. Only the variables of {@link Variable} exist:
 * an unknown one is an operator's typo that would otherwise reach customers verbatim, so parsing rejects it.
 */
public final class MessageTemplate {

    /** What a placeholder is filled with at send time. */
    public enum Variable {
        /** The customer's display name from the profile, or a neutral greeting word when there is none. */
        NAME,
        /** Items recommendation-service picks for the customer ("message" scene), as a list of titles. */
        RECOMMENDATIONS,
        /** The coupon code issued to the customer with what it offers. */
        COUPON;

        static Optional<Variable> of(String name) {
            for (Variable variable : values()) {
                if (variable.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(variable);
                }
            }
            return Optional.empty();
        }
    }

    /** Values for one message. */
    public record Values(String name, String recommendations, String coupon) {
    }

    // Literal text and placeholders in order: String for text, Variable for a placeholder.
    private final List<Object> parts;
    private final Set<Variable> variables;

    private MessageTemplate(List<Object> parts, Set<Variable> variables) {
        this.parts = parts;
        this.variables = variables;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the unknown variable or the unclosed placeholder
     */
    public static MessageTemplate parse(String text) {
        List<Object> parts = new ArrayList<>();
        Set<Variable> variables = EnumSet.noneOf(Variable.class);
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(text.substring(at));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed placeholder at character " + open);
            }
            if (open > at) {
                parts.add(text.substring(at, open));
            }
            String name = text.substring(open + 2, close).trim();
            Variable variable = Variable.of(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown variable {{" + name + "}}; known: {{name}}, {{recommendations}}, {{coupon}}"));
            parts.add(variable);
            variables.add(variable);
            at = close + 2;
        }
        return new MessageTemplate(List.copyOf(parts), variables);
    }

    public boolean uses(Variable variable) {
        return variables.contains(variable);
    }

    public String render(Values values) {
        StringBuilder out = new StringBuilder(64);
        for (Object part : parts) {
            if (part instanceof Variable variable) {
                out.append(switch (variable) {
                    case NAME -> values.name();
                    case RECOMMENDATIONS -> values.recommendations();
                    case COUPON -> values.coupon();
                });
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }
}
