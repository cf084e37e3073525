package io.lodestar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports for the servers a test starts. */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * {@code count} distinct free ports other than {@code taken}, found with all their sockets open at once: closing
     * one socket before opening the next can hand out the same port twice (it happened: the Kafka client and
     * controller listeners got one port and the broker refused to start).
     */
    public static int[] distinct(int count, int taken) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            int found = 0;
            while (found < count) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                if (socket.getLocalPort() != taken) {
                    ports[found++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // a probe socket that fails to close keeps its port busy a little longer: harmless
                }
            }
        }
    }
}
