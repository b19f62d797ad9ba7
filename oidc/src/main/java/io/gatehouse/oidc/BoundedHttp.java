package io.gatehouse.oidc;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every call Gatehouse makes to a provider (discovery, JWKS, token endpoint): connect and read timeouts, a cap on
 * the answer's size, and no redirects followed (a redirect could take the call anywhere: SSRF). Nimbus builds and
 * parses the messages; this only carries them.
 */
final class BoundedHttp implements ResourceRetriever {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxBytes;

    BoundedHttp(Duration connectTimeout, Duration readTimeout, int maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    HTTPResponse send(HTTPRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(readTimeout);
        request.getHeaderMap().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = exchange(builder.build());
        HTTPResponse out = new HTTPResponse(response.statusCode());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            if (!header.getKey().startsWith(":")) {
                out.setHeader(header.getKey(), header.getValue().toArray(String[]::new));
            }
        }
        out.setBody(new String(bounded(response.body()), StandardCharsets.UTF_8));
        return out;
    }

    /** JWKS retrieval for Nimbus's JWK source, under the same rules. */
    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            HttpResponse<InputStream> response = exchange(HttpRequest.newBuilder(url.toURI()).timeout(readTimeout)
                    .header("Accept", "application/json").GET().build());
            String body = new String(bounded(response.body()), StandardCharsets.UTF_8);
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            return new Resource(body, response.headers().firstValue("Content-Type").orElse(null));
        } catch (java.net.URISyntaxException e) {
            throw new IOException("not a URI: " + url, e);
        }
    }

    HTTPResponse get(URI uri) throws IOException {
        return send(new HTTPRequest(HTTPRequest.Method.GET, uri));
    }

    private HttpResponse<InputStream> exchange(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private byte[] bounded(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("the answer is larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
