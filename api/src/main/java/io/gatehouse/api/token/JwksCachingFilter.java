package io.gatehouse.api.token;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * micronaut-security-jwt's keys endpoint serves the JWKS at {@code /.well-known/jwks.json}
 * ({@code micronaut.security.endpoints.keys.path}); this adds short caching to it. Relying parties pick
 * up a rotation within minutes, well inside the overlap during which the previous key still verifies.
 */
@ServerFilter("/.well-known/jwks.json")
final class JwksCachingFilter {

    @ResponseFilter
    void cacheBriefly(MutableHttpResponse<?> response) {
        if (response.status() == HttpStatus.OK) {
            response.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        }
    }
}
