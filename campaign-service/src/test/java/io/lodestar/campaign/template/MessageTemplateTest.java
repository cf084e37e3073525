package io.lodestar.campaign.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final MessageTemplate.Values VALUES = new MessageTemplate.Values("Mei", "Sunscreen, Umbrella",
            "LS123 (30 CNY off)");

    @Test
    void fillsEveryVariableWhereverItStands() {
        MessageTemplate template = MessageTemplate.parse("{{name}}: {{ coupon }} — for you: {{recommendations}}!");
        assertThat(template.render(VALUES)).isEqualTo("Mei: LS123 (30 CNY off) — for you: Sunscreen, Umbrella!");
        assertThat(template.uses(MessageTemplate.Variable.RECOMMENDATIONS)).isTrue();
    }

    @Test
    void textWithoutVariablesIsLeftAsItIs() {
        MessageTemplate template = MessageTemplate.parse("New arrivals are in.");
        assertThat(template.render(VALUES)).isEqualTo("New arrivals are in.");
        assertThat(template.uses(MessageTemplate.Variable.NAME)).isFalse();
    }

    @Test
    void anUnknownVariableIsRefusedByName() {
        assertThatThrownBy(() -> MessageTemplate.parse("Hi {{nmae}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{nmae}}");
    }

    @Test
    void anUnclosedPlaceholderIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> MessageTemplate.parse("Hi {{name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("character 3");
    }
}
