package io.gatehouse.api.pages;

import io.gatehouse.domain.model.PublicUrl;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-form CSRF tokens for the hosted pages, on top of the Origin check (OWASP CSRF Prevention Cheat
 * Sheet, "Signed double-submit cookie"). The browser holds a random secret in an HttpOnly,
 * SameSite=Strict cookie (named with the {@code __Host-} prefix whenever it can be Secure, so that a
 * sibling subdomain cannot plant one); each form carries HMAC-SHA256(secret, form action), so a token
 * is good for one form only. Nothing is stored on the server: any node checks any form.
 */
@Singleton
public final class FormTokens {

    static final String FIELD = "csrf";
    private static final int SECRET_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String cookieName;
    private final boolean secure;
    private final SecureRandom random;

    FormTokens(PublicUrl publicUrl, SecureRandom random) {
        this.secure = !publicUrl.isLoopbackHttp();
        this.cookieName = secure ? "__Host-gatehouse_csrf" : "gatehouse_csrf";
        this.random = random;
    }

    /** The browser's secret, or a new one that {@link #remember} must set on the response. */
    Secret secretFor(HttpRequest<?> request) {
        return existing(request).map(value -> new Secret(value, false)).orElseGet(() -> {
            byte[] bytes = new byte[SECRET_BYTES];
            random.nextBytes(bytes);
            return new Secret(B64.encodeToString(bytes), true);
        });
    }

    /** The token for the form that posts to {@code action}. */
    String tokenFor(Secret secret, String action) {
        return B64.encodeToString(hmac(secret.value(), action));
    }

    <T> MutableHttpResponse<T> remember(MutableHttpResponse<T> response, Secret secret) {
        if (secret.fresh()) {
            response.cookie(Cookie.of(cookieName, secret.value()).httpOnly(true).secure(secure).sameSite(SameSite.Strict).path("/"));
        }
        return response;
    }

    /** Whether {@code token} was made for a form posting to {@code action}, in this browser. Constant-time. */
    boolean isValid(HttpRequest<?> request, String action, String token) {
        Optional<String> secret = existing(request);
        if (secret.isEmpty() || token == null || token.length() > 64) {
            return false;
        }
        byte[] expected = B64.encode(hmac(secret.get(), action));
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<String> existing(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue)
                .filter(value -> value.length() >= 40 && value.length() <= 64);
    }

    private static byte[] hmac(String key, String action) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(action.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    record Secret(String value, boolean fresh) {
        @Override
        public String toString() {
            return "Secret[redacted]";
        }
    }
}
