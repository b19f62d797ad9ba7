package io.gatehouse.api.oauth;

import io.gatehouse.domain.port.in.BrowserClientOrigins;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * CORS for the endpoints a single-page application (a registered public client) calls from its page: discovery, the
 * keys, the token endpoint, UserInfo and revocation. Only the origins of public clients' redirect URIs are allowed, and
 * never with credentials: a cookie never crosses origins here. Preflights are answered by the controllers' OPTIONS routes.
 */
@ServerFilter({"/.well-known/openid-configuration", "/.well-known/jwks.json", TokenController.TOKEN, TokenController.USERINFO,
        TokenController.REVOKE})
final class BrowserClientCorsFilter {

    private final BrowserClientOrigins origins;

    BrowserClientCorsFilter(BrowserClientOrigins origins) {
        this.origins = origins;
    }

    @ResponseFilter
    void allowPublicClients(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (origin != null && origins.allows(origin)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if (request.getMethod() == io.micronaut.http.HttpMethod.OPTIONS) {
                response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST")
                        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type")
                        .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            }
        }
    }
}
