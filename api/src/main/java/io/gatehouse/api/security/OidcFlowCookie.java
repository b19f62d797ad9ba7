package io.gatehouse.api.security;

import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Binds an OpenID Connect sign-in to the browser that started it (RFC 9700 4.7.1): a random secret in an HttpOnly
 * cookie, sent only below {@code /api/v1/auth/oidc} (the starts, which reuse it, and the callback), whose hash the
 * sign-in's state is stored with. SameSite=Lax: the provider
 * sends the browser back with a top-level GET from its own site. {@code __Secure-} prefixed whenever it can be Secure.
 */
@Singleton
public final class OidcFlowCookie {

    private static final String PATH = "/api/v1/auth/oidc";

    private final String name;
    private final boolean secure;
    private final Duration lifetime;

    OidcFlowCookie(PublicUrl publicUrl, @Value("${gatehouse.oidc.flow-lifetime:10m}") Duration lifetime) {
        this.secure = !publicUrl.isLoopbackHttp();
        this.name = secure ? "__Secure-gatehouse_oidc" : "gatehouse_oidc";
        this.lifetime = lifetime;
    }

    public Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(value -> !value.isEmpty() && value.length() <= 128);
    }

    public <T> MutableHttpResponse<T> set(MutableHttpResponse<T> response, String secret) {
        return response.cookie(Cookie.of(name, secret).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path(PATH)
                .maxAge(lifetime));
    }
}
