package io.gatehouse.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of the database, so that a test can take the database away from a
 * running server (every connection cut, new ones refused), or make it hang (connections stay open
 * but nothing is answered), and give it back, without touching the database other tests use.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile boolean frozen;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        start();
    }

    int port() {
        return port;
    }

    /** Accepts connections again, on the same port. */
    synchronized void start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The outage: the port stops listening and every open connection is cut. */
    synchronized void stop() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** The hang: connections stay open and new ones are accepted, but no byte is passed on. */
    void freeze() {
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                if (!register(server, client, upstream)) {
                    client.close();
                    upstream.close();
                    return;
                }
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Registers a connection unless stop() came first. The pool opens connections in the background, so
     * one may be accepted just as the outage begins: it must not slip past stop() and outlive it.
     */
    private synchronized boolean register(ServerSocket server, Socket client, Socket upstream) {
        if (server.isClosed()) {
            return false;
        }
        sockets.add(client);
        sockets.add(upstream);
        return true;
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    while (frozen && !to.isClosed()) {
                        Thread.sleep(20);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // The other side or stop() closed the connection.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }
}
