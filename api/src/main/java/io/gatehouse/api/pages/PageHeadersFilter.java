package io.gatehouse.api.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The headers every HTML page carries (OWASP Secure Headers; CSP Level 3):
 * <ul>
 *   <li>a CSP that allows scripts and styles only as files of our own (no inline script or style, no eval; the one
 *   script is a copy button's progressive enhancement),
 *   forms that post only to us, and no framing ({@code frame-ancestors 'none'}, with
 *   {@code X-Frame-Options} for older browsers: clickjacking);</li>
 *   <li>{@code Referrer-Policy: same-origin}: nothing leaks to other sites, while our own form posts keep
 *   a real {@code Origin} ({@code no-referrer} makes Chromium send {@code Origin: null}, which the
 *   Origin check refuses);</li>
 *   <li>{@code Cache-Control: no-store}: pages show personal data and one-time secrets.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PageHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void secure(MutableHttpResponse<?> response) {
        boolean html = response.getContentType().map(type -> type.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
        if (!html) {
            return;
        }
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("X-Content-Type-Options", "nosniff");
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
