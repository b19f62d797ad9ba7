package io.gatehouse.app.pages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application that signs people in with Gatehouse through a real, widely used relying-party library: panva's
 * openid-client, run by Node.js from {@code src/test/node/relying-party.mjs} (installed by bin/test). Its redirect URI is
 * {@code {base}/callback}; its post-logout redirect URI {@code {base}/bye}.
 */
final class NodeRelyingParty implements AutoCloseable {

    private static final Path PEERS = Path.of("src", "test", "node");

    private final Process process;
    private final String base;

    private NodeRelyingParty(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** The address it will listen on, to register before it starts (its configuration comes from Gatehouse's discovery). */
    static int reservePort() {
        return PageServer.freePort();
    }

    static NodeRelyingParty start(int port, String issuer, String clientId, String clientSecret, String scope) {
        if (!Files.isDirectory(PEERS.resolve("node_modules").resolve("openid-client"))) {
            throw new IllegalStateException("openid-client is not installed: run bin/test, which installs " + PEERS + "'s npm packages");
        }
        try {
            Process process = new ProcessBuilder("node", "relying-party.mjs", Integer.toString(port), issuer, clientId,
                    clientSecret == null ? "-" : clientSecret, scope).directory(PEERS.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            if (ready == null || !ready.startsWith("ready ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the relying party did not start: " + ready);
            }
            return new NodeRelyingParty(process, ready.substring("ready ".length()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start node relying-party.mjs", e);
        }
    }

    static String redirectUri(int port) {
        return "http://127.0.0.1:" + port + "/callback";
    }

    static String postLogoutRedirectUri(int port) {
        return "http://127.0.0.1:" + port + "/bye";
    }

    String base() {
        return base;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
