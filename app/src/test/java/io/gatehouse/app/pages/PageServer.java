package io.gatehouse.app.pages;

import io.gatehouse.app.e2e.TestGatehouse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** A Gatehouse whose public URL is its real address, as a browser reaches it (the Origin check compares the two). */
final class PageServer {

    private PageServer() {
    }

    static TestGatehouse start() {
        return start(freePort(), Map.of());
    }

    /** On {@code port}, with {@code settings} on top (an external provider needs the callback URL before the server starts). */
    static TestGatehouse start(int port, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("micronaut.server.port", port);
        all.put("gatehouse.public-url", "http://localhost:" + port);
        return TestGatehouse.start(all);
    }

    static String origin(TestGatehouse gatehouse) {
        return gatehouse.context().getProperty("gatehouse.public-url", String.class).orElseThrow();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
