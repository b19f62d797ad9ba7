package io.gatehouse.api.security;

import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.SessionPolicy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The {@code gatehouse_session} cookie: HttpOnly (no script can read it), SameSite=Lax (not sent on
 * cross-site POSTs), {@code Secure} unless the public URL is plain http on a loopback host, and
 * scoped to the whole host (OWASP Session Management Cheat Sheet, "Cookies").
 */
@Singleton
public final class SessionCookies {

    public static final String NAME = "gatehouse_session";

    private final boolean secure;
    private final SessionPolicy policy;

    SessionCookies(PublicUrl publicUrl, SessionPolicy policy) {
        this.secure = !publicUrl.isLoopbackHttp();
        this.policy = policy;
    }

    public static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    public <T> MutableHttpResponse<T> set(MutableHttpResponse<T> response, SecretToken secret) {
        return response.cookie(base(secret.value()).maxAge(policy.absoluteLifetime()));
    }

    public <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
        return response.cookie(base("").maxAge(0));
    }

    private Cookie base(String value) {
        return Cookie.of(NAME, value).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/");
    }
}
