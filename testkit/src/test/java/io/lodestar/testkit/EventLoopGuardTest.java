package io.lodestar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class EventLoopGuardTest {

    @Test
    void aBlockedThreadWarningFailsTheTestThatCausedIt() {
        EventLoopGuard guard = new EventLoopGuard();
        guard.beforeEach(null);
        Logger.getLogger(EventLoopGuard.CHECKER_LOGGER).log(Level.WARNING,
                "Thread Thread[vert.x-eventloop-thread-0,5,main] has been blocked for 2345 ms, time limit is 2000 ms");

        assertThat(EventLoopGuard.captured()).hasSize(1);
        assertThatThrownBy(() -> guard.afterEach(null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("vert.x-eventloop-thread-0");
    }

    @Test
    void otherWarningsOfThatLoggerPass() {
        EventLoopGuard guard = new EventLoopGuard();
        guard.beforeEach(null);
        Logger.getLogger(EventLoopGuard.CHECKER_LOGGER).log(Level.WARNING, "something unrelated");
        guard.afterEach(null);
        assertThat(EventLoopGuard.captured()).isEmpty();
    }
}
