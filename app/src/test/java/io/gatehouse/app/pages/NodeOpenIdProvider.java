package io.gatehouse.app.pages;

/**
 * A real OpenID provider, panva's oidc-provider from the npm registry (installed by bin/test into
 * app/src/test/node), run with Node.js on a loopback port for the length of a test class.
 */
final class NodeOpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "gatehouse";
    static final String CLIENT_SECRET = "a-long-client-secret-for-the-node-provider-0123456789";

    private final NodePeer peer;

    private NodeOpenIdProvider(NodePeer peer) {
        this.peer = peer;
    }

    static NodeOpenIdProvider start(String redirectUri) {
        return new NodeOpenIdProvider(NodePeer.start("oidc-provider", "openid-provider.mjs", Integer.toString(PageServer.freePort()), CLIENT_ID,
                CLIENT_SECRET, redirectUri));
    }

    String issuer() {
        return peer.url();
    }

    @Override
    public void close() {
        peer.close();
    }
}
