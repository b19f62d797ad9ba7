package io.gatehouse.api.security;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery defence for cookie-authenticated requests (OWASP CSRF Prevention
 * Cheat Sheet, "Verifying Origin With Standard Headers"): an unsafe request that carries the
 * session cookie must carry an {@code Origin} (or, failing that, a {@code Referer}) whose origin is
 * the configured public URL's. SameSite=Lax already keeps the cookie off most cross-site POSTs; this
 * covers same-site attackers and older browsers.
 *
 * <p>Exempt: requests that authenticate with a bearer token (a cross-site page cannot attach one),
 * and the SAML ACS, which an IdP legitimately POSTs to from another origin.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CookieOriginCheckFilter implements Ordered {

    static final String SAML_ACS_PREFIX = "/api/v1/auth/saml2/login/";
    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final String expectedOrigin;

    CookieOriginCheckFilter(PublicUrl publicUrl) {
        this.expectedOrigin = publicUrl.origin();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> checkOrigin(HttpRequest<?> request) {
        if (!UNSAFE.contains(request.getMethod())
                || isBearer(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
                || SessionCookies.read(request).isEmpty()
                || request.getPath().startsWith(SAML_ACS_PREFIX)) {
            return null;
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = originOf(request.getHeaders().get(HttpHeaders.REFERER));
        } else {
            origin = originOf(origin);
        }
        if (expectedOrigin.equals(origin)) {
            return null;
        }
        return Problems.response(ErrorCode.CSRF_ORIGIN_MISMATCH,
                "a cookie-authenticated " + request.getMethod() + " must come from " + expectedOrigin
                        + " (Origin or Referer header)");
    }

    private static boolean isBearer(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Nullable
    private static String originOf(@Nullable String header) {
        if (header == null || header.isBlank() || header.length() > 2048) {
            return null;
        }
        try {
            PublicUrl.Origin origin = PublicUrl.originOf(new URI(header.strip().toLowerCase(Locale.ROOT)));
            return origin.isValid() ? origin.value() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
