package io.gatehouse.app.e2e;

import io.gatehouse.oidc.TestOpenIdProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The browser's moves of a sign-in with an instance provider, over HTTP: start at Gatehouse (which sets the cookie
 * binding the flow to this browser), the provider's authorization endpoint (the in-test provider signs in at once and
 * answers with a redirect), then the callback, with or without this browser's cookie.
 */
public final class OidcSignIn {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final TestGatehouse gatehouse;
    private String flowCookie;

    public OidcSignIn(TestGatehouse gatehouse) {
        this.gatehouse = gatehouse;
    }

    /** GET /auth/oidc/{provider}/login: the provider's authorization URL. */
    public String start(String provider, String query) {
        return startAt("/api/v1/auth/oidc/" + provider + "/login" + query);
    }

    /** GET /auth/sso/login as a browser: the IdP's authorization URL of the workspace of {@code email}'s domain. */
    public String startSso(String email, String query) {
        return startAt("/api/v1/auth/sso/login?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
                + (query.isEmpty() ? "" : "&" + query));
    }

    /** A start of this browser's: the 302's Location, the flow cookie kept. */
    public String startAt(String pathAndQuery) {
        TestGatehouse.Response started = gatehouse.request("GET", pathAndQuery)
                .headers(flowCookie == null ? new String[] {"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"} : new String[] {"Cookie", "gatehouse_oidc=" + flowCookie,
                        "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}).send().expect(302);
        if (started.cookie("gatehouse_oidc") != null) {
            flowCookie = started.cookie("gatehouse_oidc");
        }
        return started.header("Location");
    }

    /** What the provider sends the browser back with: the callback's path and query. */
    public static String authorize(String authorizationUrl) {
        try {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                    HttpResponse.BodyHandlers.discarding());
            URI callback = URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                    "the provider answered HTTP " + answer.statusCode() + " without a redirect")));
            return callback.getRawPath() + "?" + callback.getRawQuery();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The callback, presented by this browser (with its flow cookie). */
    public TestGatehouse.Response callback(String pathAndQuery) {
        return callback(pathAndQuery, flowCookie);
    }

    public TestGatehouse.Response callback(String pathAndQuery, String cookie) {
        return gatehouse.request("GET", pathAndQuery)
                .headers(cookie == null ? new String[0] : new String[] {"Cookie", "gatehouse_oidc=" + cookie}).send();
    }

    /** Start, authorize, callback. */
    public TestGatehouse.Response signIn(String provider, String query) {
        return callback(authorize(start(provider, query)));
    }

    public String flowCookie() {
        return flowCookie;
    }

    /** Gatehouse's settings for a provider named {@code name} at {@code op}. */
    public static Map<String, Object> provider(String name, TestOpenIdProvider op) {
        String prefix = "gatehouse.oidc.providers." + name + ".";
        return Map.of(prefix + "issuer", op.issuer(), prefix + "client-id", TestOpenIdProvider.CLIENT_ID,
                prefix + "client-secret", TestOpenIdProvider.CLIENT_SECRET, prefix + "display-name", "Provider " + name.toUpperCase());
    }
}
