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
 * A real OpenID provider, panva's oidc-provider from the npm registry (installed by bin/test into
 * app/src/test/node), run with Node.js on a loopback port for the length of a test class.
 */
final class NodeOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "gatehouse";
    static final String CLIENT_SECRET = "a-long-client-secret-for-the-node-provider-0123456789";
    private static final Path PEERS = Path.of("src", "test", "node");

    private final Process process;
    private final String issuer;

    private NodeOpenIdProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    static NodeOpenIdProvider start(String redirectUri) {
        if (!Files.isDirectory(PEERS.resolve("node_modules").resolve("oidc-provider"))) {
            throw new IllegalStateException("oidc-provider is not installed: run bin/test, which installs " + PEERS + "'s npm packages");
        }
        int port = PageServer.freePort();
        try {
            Process process = new ProcessBuilder("node", "openid-provider.mjs", Integer.toString(port), CLIENT_ID, CLIENT_SECRET, redirectUri)
                    .directory(PEERS.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
                throw new IllegalStateException("the OpenID provider did not start: " + ready);
            }
            return new NodeOpenIdProvider(process, ready.substring("ready ".length()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start node openid-provider.mjs", e);
        }
    }

    String issuer() {
        return issuer;
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
