package io.lodestar.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns Vert.x's "Thread … has been blocked for … ms" warning into a test failure (CONVENTIONS.md 7): code on a
 * {@code Uni} path that blocks an event loop fails the test that ran it instead of slowing production silently.
 * Register with {@code @ExtendWith(EventLoopGuard.class)}; {@link ServiceContractTest} already does.
 */
public class EventLoopGuard implements BeforeEachCallback, AfterEachCallback {

    /** The logger Vert.x's blocked-thread checker writes to. */
    public static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

    private static final Capture CAPTURE = new Capture();

    @Override
    public void beforeEach(ExtensionContext context) {
        install();
        CAPTURE.messages.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> blocked = List.copyOf(CAPTURE.messages);
        CAPTURE.messages.clear();
        if (!blocked.isEmpty()) {
            throw new AssertionError("An event-loop thread was blocked during this test: " + blocked.get(0)
                    + (blocked.size() > 1 ? " (and " + (blocked.size() - 1) + " more)" : ""));
        }
    }

    /** Attaches the capturing handler once per JVM. */
    static synchronized void install() {
        Logger logger = Logger.getLogger(CHECKER_LOGGER);
        for (Handler handler : logger.getHandlers()) {
            if (handler == CAPTURE) {
                return;
            }
        }
        logger.addHandler(CAPTURE);
    }

    /** What was captured since the last test began (for the guard's own test). */
    static List<String> captured() {
        return List.copyOf(CAPTURE.messages);
    }

    private static final class Capture extends Handler {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && message != null
                    && message.contains("has been blocked for")) {
                messages.add(record.getParameters() == null ? message
                        : java.text.MessageFormat.format(message, record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
