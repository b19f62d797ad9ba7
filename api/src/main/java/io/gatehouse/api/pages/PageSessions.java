package io.gatehouse.api.pages;

import io.gatehouse.api.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/** What the pages of a signed-in person share: who is signed in, the way to sign in first, ids and times as forms and pages hold them. */
final class PageSessions {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageSessions() {
    }

    /** The caller, when signed in with a browser session; a bearer token (maybe scoped to one workspace) cannot use the pages. */
    static Optional<Caller> caller(@Nullable Authentication authentication) {
        return Optional.ofNullable(authentication).map(Caller::of).filter(caller -> caller.sessionId().isPresent());
    }

    /** To the sign-in page, and back to {@code path} afterwards. */
    static MutableHttpResponse<?> signInFirst(String path) {
        return LoginPageController.seeOther(LoginPageController.ACTION + "?continue=" + path);
    }

    /** A form's id field, if it holds a UUID. */
    static Optional<UUID> id(@Nullable String value) {
        try {
            return value == null || value.length() != 36 ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
