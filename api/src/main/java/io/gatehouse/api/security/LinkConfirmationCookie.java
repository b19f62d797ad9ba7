package io.gatehouse.api.security;

import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries a link confirmation code from the ACS to the {@code /link-account} page of a browser sign-in, so
 * that the code (a single-use secret) never appears in a URL, a log line or a Referer. HttpOnly;
 * SameSite=Lax because it is set in the answer to the IdP's cross-site POST and must be sent on the
 * top-level GET that follows; {@code __Host-} prefixed whenever it can be Secure; gone when the code expires.
 */
@Singleton
public final class LinkConfirmationCookie {

    private static final int MAX_LENGTH = 128;

    private final String name;
    private final boolean secure;
    private final Clock clock;

    LinkConfirmationCookie(PublicUrl publicUrl, Clock clock) {
        this.secure = !publicUrl.isLoopbackHttp();
        this.name = secure ? "__Host-gatehouse_link" : "gatehouse_link";
        this.clock = clock;
    }

    public Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(name).map(Cookie::getValue)
                .filter(value -> !value.isEmpty() && value.length() <= MAX_LENGTH);
    }

    public <T> MutableHttpResponse<T> set(MutableHttpResponse<T> response, String code, Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return response.cookie(base(code).maxAge(Math.max(1, left.toSeconds())));
    }

    public <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
        return response.cookie(base("").maxAge(0));
    }

    private Cookie base(String value) {
        return Cookie.of(name, value).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/");
    }
}
