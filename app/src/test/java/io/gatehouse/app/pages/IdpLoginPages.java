package io.gatehouse.app.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.saml.TestIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test IdP's own sign-in pages, served on loopback (a host other than Gatehouse's, so every hop a browser
 * makes between the two is cross-site, as in production): its SSO URL reads the AuthnRequest of the
 * HTTP-Redirect binding and shows a sign-in form; signing in answers with the HTTP-POST binding's page, a form
 * that carries the signed SAMLResponse to the ACS of the service provider that asked (a button, since the
 * browser runs without JavaScript). Like a real IdP, it answers only service providers registered with it.
 */
final class IdpLoginPages implements AutoCloseable {

    private final TestIdentityProvider idp;
    private final HttpServer server;
    private final Map<String, String> acsBySp = new ConcurrentHashMap<>();

    private IdpLoginPages(TestIdentityProvider idp) {
        this.idp = idp;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/saml/sso", this::signInForm);
        server.createContext("/saml/sign-in", this::answer);
        server.start();
    }

    static IdpLoginPages start(TestIdentityProvider idp) {
        return new IdpLoginPages(idp);
    }

    /** The SSO URL to configure in Gatehouse (http on a loopback host, which Gatehouse accepts besides https). */
    String ssoUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/saml/sso";
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a service provider, as an IdP admin adds an application from the SP's details. */
    void register(String spEntityId, String acsUrl) {
        acsBySp.put(spEntityId, acsUrl);
    }

    private void signInForm(HttpExchange exchange) throws IOException {
        String url = "http://127.0.0.1" + exchange.getRequestURI();
        TestIdentityProvider.ReceivedRequest request = TestIdentityProvider.receive(url);
        String sp = request.request().getIssuer().getValue();
        if (!acsBySp.containsKey(sp)) {
            send(exchange, 400, "<p>Unknown service provider</p>");
            return;
        }
        send(exchange, 200, "<h1>Test IdP</h1><form method=\"post\" action=\"/saml/sign-in\">"
                + "<label for=\"idp-username\">Username</label><input id=\"idp-username\" name=\"username\">"
                + hidden("request_id", request.id()) + hidden("sp", sp) + hidden("relay_state", request.relayState())
                + "<button type=\"submit\">Sign in</button></form>");
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String acs = acsBySp.get(form.get("sp"));
        String username = form.get("username");
        String response = idp.login(username).to(acs, form.get("sp")).inResponseTo(form.get("request_id"))
                .attribute("email", username).encoded();
        send(exchange, 200, "<h1>Test IdP</h1><form method=\"post\" action=\"" + escape(acs) + "\">"
                + hidden("SAMLResponse", response) + hidden("RelayState", form.get("relay_state"))
                + "<button type=\"submit\" id=\"idp-continue\">Continue</button></form>");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><title>Test IdP</title></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value == null ? "" : value) + "\">";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
