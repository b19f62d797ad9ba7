package io.gatehouse.app.pages;

/**
 * An application that signs people in with Gatehouse through a real, widely used relying-party library: panva's
 * openid-client, run by Node.js from {@code src/test/node/relying-party.mjs} (installed by bin/test). Its redirect URI is
 * {@code {base}/callback}; its post-logout redirect URI {@code {base}/bye}.
 */
final class NodeRelyingParty implements AutoCloseable {

    private final NodePeer peer;

    private NodeRelyingParty(NodePeer peer) {
        this.peer = peer;
    }

    /** The port it will listen on, to register its redirect URIs before it starts (it reads Gatehouse's discovery at start). */
    static int reservePort() {
        return PageServer.freePort();
    }

    /** @param clientSecret null for a public client */
    static NodeRelyingParty start(int port, String issuer, String clientId, String clientSecret, String scope) {
        return new NodeRelyingParty(NodePeer.start("openid-client", "relying-party.mjs", Integer.toString(port), issuer, clientId,
                clientSecret == null ? "-" : clientSecret, scope));
    }

    static String redirectUri(int port) {
        return "http://127.0.0.1:" + port + "/callback";
    }

    static String postLogoutRedirectUri(int port) {
        return "http://127.0.0.1:" + port + "/bye";
    }

    String base() {
        return peer.url();
    }

    @Override
    public void close() {
        peer.close();
    }
}
