package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void wireNamesAreSnakeCase() {
        assertThat(Outcome.WINNER.wireName()).isEqualTo("winner");
        assertThat(Outcome.NO_SIGNIFICANT_WINNER.wireName()).isEqualTo("no_significant_winner");
        assertThat(Outcome.INSUFFICIENT_DATA.wireName()).isEqualTo("insufficient_data");
        assertThat(Outcome.NO_CONTROL.wireName()).isEqualTo("no_control");
    }

    @Test
    void jsonUsesTheWireNamesBothWays() throws Exception {
        assertThat(mapper.writeValueAsString(Outcome.NO_SIGNIFICANT_WINNER)).isEqualTo("\"no_significant_winner\"");
        for (Outcome outcome : Outcome.values()) {
            String json = mapper.writeValueAsString(outcome);
            assertThat(mapper.readValue(json, Outcome.class)).isEqualTo(outcome);
        }
    }

    @Test
    void anUnknownWireNameIsRefused() {
        assertThatThrownBy(() -> Outcome.fromWireName("WINNER"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown outcome 'WINNER'");
    }
}
