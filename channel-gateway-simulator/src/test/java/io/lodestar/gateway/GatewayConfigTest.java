package io.lodestar.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.MessageChannel;

class GatewayConfigTest {

    @Test
    void nothingSetGivesTheLocalDefaults() {
        GatewayConfig config = GatewayConfig.from(key -> null);

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.groupId()).isEqualTo("channel-gateway-simulator");
        assertThat(config.honourSendAt()).isTrue();
        assertThat(config.seed()).isEqualTo(20240601L);
        assertThat(config.maxHeld()).isEqualTo(10_000);
        assertThat(config.pollTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.rates()).isEqualTo(FeedbackRates.defaults());
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> values = Map.of(
                "lodestar.kafka.bootstrap-servers", "kafka-0:9092,kafka-1:9092",
                "lodestar.gateway.group-id", "gw-test",
                "lodestar.gateway.honour-send-at", "FALSE",
                "lodestar.gateway.seed", "-7",
                "lodestar.gateway.max-held", "12",
                "lodestar.gateway.poll-timeout-ms", "50",
                "lodestar.gateway.rates.sms.open", "0.3");

        GatewayConfig config = GatewayConfig.from(values::get);

        assertThat(config).extracting(GatewayConfig::bootstrapServers, GatewayConfig::groupId,
                GatewayConfig::honourSendAt, GatewayConfig::seed, GatewayConfig::maxHeld, GatewayConfig::pollTimeout)
                .containsExactly("kafka-0:9092,kafka-1:9092", "gw-test", false, -7L, 12, Duration.ofMillis(50));
        assertThat(config.rates().of(MessageChannel.SMS).openGivenDelivered()).isEqualTo(0.3);
    }

    @Test
    void environmentVariablesAreNamedTheMicroProfileWay() {
        assertThat(GatewayConfig.environmentName("lodestar.kafka.bootstrap-servers"))
                .isEqualTo("LODESTAR_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(GatewayConfig.environmentName("lodestar.gateway.honour-send-at"))
                .isEqualTo("LODESTAR_GATEWAY_HONOUR_SEND_AT");
        assertThat(GatewayConfig.environmentName("lodestar.gateway.rates.app_push.open"))
                .isEqualTo("LODESTAR_GATEWAY_RATES_APP_PUSH_OPEN");
    }

    @Test
    void aSystemPropertyIsSeenByFromEnvironment() {
        String key = "lodestar.gateway.max-held";
        String before = System.getProperty(key);
        System.setProperty(key, "77");
        try {
            assertThat(GatewayConfig.fromEnvironment().maxHeld()).isEqualTo(77);
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void unreadableValuesNameTheirKey() {
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("lodestar.gateway.honour-send-at", "flase")::get))
                .hasMessage("lodestar.gateway.honour-send-at: expected true or false, was 'flase'");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("lodestar.gateway.seed", "0x10")::get))
                .hasMessage("lodestar.gateway.seed: not a whole number: '0x10'");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("lodestar.gateway.max-held", "0")::get))
                .hasMessage("lodestar.gateway.max-held must be at least 1, was 0");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("lodestar.gateway.max-held", "9999999999")::get))
                .hasMessage("lodestar.gateway.max-held: too large: 9999999999");
        assertThatThrownBy(() -> GatewayConfig.from(Map.of("lodestar.gateway.poll-timeout-ms", "0")::get))
                .hasMessage("lodestar.gateway.poll-timeout-ms must be positive, was 0");
    }
}
