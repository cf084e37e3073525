package io.lodestar.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.MessageChannel;

class FeedbackRatesTest {

    @Test
    void theDefaultsCoverEveryChannelWithTheDocumentedFigures() {
        FeedbackRates rates = FeedbackRates.defaults();

        assertThat(rates.byChannel()).containsOnlyKeys(MessageChannel.values());
        assertThat(rates.of(MessageChannel.SMS)).isEqualTo(new ChannelRates(0.97, 0.20, 0.25, 0.010));
        assertThat(rates.of(MessageChannel.APP_PUSH)).isEqualTo(new ChannelRates(0.90, 0.08, 0.25, 0.002));
        assertThat(rates.of(MessageChannel.EMAIL)).isEqualTo(new ChannelRates(0.95, 0.20, 0.15, 0.003));
        // The conversational channels engage more than the broadcast ones.
        assertThat(rates.of(MessageChannel.WECOM).openGivenDelivered())
                .isGreaterThan(rates.of(MessageChannel.COMMUNITY).openGivenDelivered())
                .isGreaterThan(rates.of(MessageChannel.EMAIL).openGivenDelivered());
    }

    @Test
    void overridesReplaceOnlyTheRatesTheyName() {
        Map<String, String> props = Map.of(
                "lodestar.gateway.rates.app_push.open", "0.5",
                "lodestar.gateway.rates.email.delivered", " 0.8 ",
                "lodestar.gateway.rates.live_stream.click", "1");

        FeedbackRates rates = FeedbackRates.defaults().withOverrides(props::get);

        assertThat(rates.of(MessageChannel.APP_PUSH)).isEqualTo(new ChannelRates(0.90, 0.5, 0.25, 0.002));
        assertThat(rates.of(MessageChannel.EMAIL)).isEqualTo(new ChannelRates(0.8, 0.20, 0.15, 0.003));
        assertThat(rates.of(MessageChannel.LIVE_STREAM).clickGivenOpened()).isEqualTo(1.0);
        assertThat(rates.of(MessageChannel.SMS)).isEqualTo(FeedbackRates.defaults().of(MessageChannel.SMS));
    }

    @Test
    void aBadOverrideNamesItsKey() {
        assertThatThrownBy(() -> FeedbackRates.defaults().withOverrides(
                Map.of("lodestar.gateway.rates.sms.unsubscribe", "lots")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lodestar.gateway.rates.sms.unsubscribe: not a number: 'lots'");
        assertThatThrownBy(() -> FeedbackRates.defaults().withOverrides(
                Map.of("lodestar.gateway.rates.wecom.open", "1.5")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lodestar.gateway.rates.wecom.open: openGivenDelivered must be a probability in [0, 1], was 1.5");
    }

    @Test
    void ratesAreProbabilities() {
        assertThatThrownBy(() -> new ChannelRates(Double.NaN, 0, 0, 0))
                .hasMessageContaining("delivered must be a probability");
        assertThatThrownBy(() -> new ChannelRates(1, 0, -0.01, 0))
                .hasMessageContaining("clickGivenOpened must be a probability");
        assertThat(new ChannelRates(0, 0, 1, 1).unsubscribeGivenDelivered()).isEqualTo(1.0);
    }

    @Test
    void everyChannelNeedsRates() {
        Map<MessageChannel, ChannelRates> partial = new EnumMap<>(FeedbackRates.defaults().byChannel());
        partial.remove(MessageChannel.MINI_PROGRAM);

        assertThatThrownBy(() -> new FeedbackRates(partial)).hasMessage("rates for channel mini_program are missing");
    }
}
