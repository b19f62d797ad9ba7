package io.gatehouse.app.pages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A peer the tests run with Node.js from {@code src/test/node} (its npm packages installed by bin/test): a script that
 * prints {@code ready <url>} once it listens, and stops on SIGTERM.
 */
final class NodePeer implements AutoCloseable {

    private static final Path PEERS = Path.of("src", "test", "node");

    private final Process process;
    private final String url;

    private NodePeer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code script} with {@code arguments}, once the npm package {@code needs} is installed. */
    static NodePeer start(String needs, String script, String... arguments) {
        if (!Files.isDirectory(PEERS.resolve("node_modules").resolve(needs))) {
            throw new IllegalStateException(needs + " is not installed: run bin/test, which installs " + PEERS + "'s npm packages");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(PEERS.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
                throw new IllegalStateException(script + " did not start: " + ready);
            }
            return new NodePeer(process, ready.substring("ready ".length()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start node " + script, e);
        }
    }

    /** The URL it printed when ready. */
    String url() {
        return url;
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
