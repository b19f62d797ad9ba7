package io.gatehouse.domain.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code redirect} targets Gatehouse will send a browser to (OWASP Unvalidated Redirects and
 * Forwards): a same-origin relative path, or an absolute http(s) URL whose origin is on the
 * configured allow-list. Everything else is refused, including the classic bypasses:
 * protocol-relative {@code //evil.example}, {@code /\evil.example} (browsers read the backslash as a
 * slash), {@code javascript:} and other schemes, user info ({@code https://good@evil.example}),
 * and control characters or whitespace that browsers strip.
 */
public final class RedirectPolicy {

    public static final int MAX_LENGTH = 2048;
    private final Set<String> allowedOrigins;

    public RedirectPolicy(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> {
                    PublicUrl.Origin parsed = PublicUrl.originOf(URI.create(origin));
                    if (!parsed.isValid()) {
                        throw new IllegalArgumentException("allowed redirect origin is not an http(s) origin: " + origin);
                    }
                    return parsed.value();
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The target to redirect to, or empty when it is not allowed. */
    public Optional<String> check(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (target.startsWith("/")) {
            boolean relative = !target.startsWith("//") && uri.getScheme() == null && uri.getRawAuthority() == null;
            return relative ? Optional.of(target) : Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        PublicUrl.Origin origin = PublicUrl.originOf(uri);
        return origin.isValid() && allowedOrigins.contains(origin.value()) ? Optional.of(target) : Optional.empty();
    }
}
