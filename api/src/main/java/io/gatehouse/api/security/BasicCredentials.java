package io.gatehouse.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Email and password from an {@code Authorization: Basic} header (RFC 7617, UTF-8 charset). */
public record BasicCredentials(String email, String password) {

    private static final int MAX_HEADER_LENGTH = 2048;

    public static Optional<BasicCredentials> from(HttpRequest<?> request) {
        return parse(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }

    static Optional<BasicCredentials> parse(@Nullable String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[email=" + email + ", password=redacted]";
    }
}
