package io.lodestar.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Redis server of the suite's own ({@code redis-server} of the machine, on a free port, persistence off as in the
 * Kubernetes manifests): the drill "Redis away while tags are read" stops it, which the machine's shared Redis must
 * never be. Restarted, it is empty, as a cache pod that was rescheduled.
 */
final class RedisServer {

    private final int port;
    private final ServiceProcess process;

    RedisServer(int port, Path log) {
        this.port = port;
        this.process = new ServiceProcess("redis-server", List.of(executable(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of(), log, 0);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        process.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not answer on port " + port + ":\n"
                        + process.logTail());
            }
            ServiceProcess.pause(Duration.ofMillis(100));
        }
    }

    void stop() {
        process.kill();
    }

    boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Path.of(dir, "redis-server").toFile().canExecute()) {
                return Path.of(dir, "redis-server").toString();
            }
        }
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Path.of(candidate).toFile().canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is not installed (the end-to-end suite runs a Redis of its own:"
                + " apt-get install redis-server; .ci/run installs it)");
    }
}
