package io.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;

class DemoDataMainTest {

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> DemoDataMain.run(new String[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage");
        assertThatThrownBy(() -> DemoDataMain.run(new String[] {"shop", "--customers"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name value");
        assertThatThrownBy(() -> DemoDataMain.run(new String[] {"online-retail", "--file", "/no/such/file.gz"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--file");
        assertThatThrownBy(() -> DemoDataMain.run(new String[] {"shop", "--customers", "0"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--customers");
    }

    @Test
    void consentsFollowTheRegistrationChannel() {
        assertThat(DemoLoader.consentChannels(1, Channel.APP)).contains("app_push").doesNotContain("sms");
        assertThat(DemoLoader.consentChannels(2, Channel.MINI_PROGRAM)).contains("sms", "mini_program");
        assertThat(DemoLoader.consentChannels(3, Channel.COMMUNITY)).contains("wecom");
        long withPush = java.util.stream.IntStream.rangeClosed(1, 1000)
                .filter(i -> DemoLoader.consentChannels(i, Channel.WEB).contains("app_push")).count();
        assertThat(withPush).isBetween(550L, 650L);
    }
}
