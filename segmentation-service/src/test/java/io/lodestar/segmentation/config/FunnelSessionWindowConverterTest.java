package io.lodestar.segmentation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.ZoneIdConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class FunnelSessionWindowConverterTest {

    private final FunnelSessionWindowConverter converter = new FunnelSessionWindowConverter();

    @ParameterizedTest
    @ValueSource(strings = {"PT1H", "PT90M", "PT2H", "PT3H", "PT4H", "PT6H", "PT8H", "PT12H", "P1D", "PT24H", "6h", "1d"})
    void aDurationThatDividesTheDayIsAWindow(String value) {
        Duration window = converter.convert(value);
        assertThat(Duration.ofDays(1).toNanos() % window.toNanos()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5H", "PT7H", "PT59M", "PT30M", "P2D", "PT25H", "PT1H0.5S", "PT0S", "-PT6H", "daily", "6"})
    void anythingElseIsRefusedNamingTheSettingAndTheRule(String value) {
        assertThatThrownBy(() -> converter.convert(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lodestar.traffic.funnel-session-window")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("divides 24 hours evenly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1D", "PT6H"})
    void theMappingReadsAnAllowedWindowAndDefaultsToTheDay(String value) {
        assertThat(config(Map.of("lodestar.traffic.funnel-session-window", value)).getConfigMapping(TrafficConfig.class)
                .funnelSessionWindow()).isEqualTo(Duration.parse(value));
        assertThat(config(Map.of()).getConfigMapping(TrafficConfig.class).funnelSessionWindow())
                .isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT5H", "PT30M"})
    void theMappingFailsToLoadWithARefusedWindow(String value) {
        // What Quarkus does at startup: building the configuration validates every mapping.
        assertThatThrownBy(() -> config(Map.of("lodestar.traffic.funnel-session-window", value)))
                .hasStackTraceContaining("lodestar.traffic.funnel-session-window (LODESTAR_TRAFFIC_FUNNEL_SESSION_WINDOW) '"
                        + value + "'");
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(ZoneId.class, 200, new ZoneIdConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(TrafficConfig.class)
                .build();
    }
}
