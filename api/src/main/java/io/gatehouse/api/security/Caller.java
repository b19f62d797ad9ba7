package io.gatehouse.api.security;

import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller as controllers see it, read back from Micronaut's {@link Authentication}.
 * {@code sessionId} is present when the caller authenticated with a browser session.
 */
public record Caller(UserId userId, Optional<SessionId> sessionId) {

    static final String SESSION_ID = "gatehouse.session_id";
    static final String AUTH_METHOD = "gatehouse.auth_method";

    public static Caller of(Authentication authentication) {
        Object session = authentication.getAttributes().get(SESSION_ID);
        return new Caller(new UserId(UUID.fromString(authentication.getName())),
                session == null ? Optional.empty() : Optional.of(new SessionId(UUID.fromString(session.toString()))));
    }

    static Authentication authentication(SessionPrincipal principal) {
        return Authentication.build(principal.user().id().toString(), List.of(), Map.of(
                SESSION_ID, principal.session().id().toString(),
                AUTH_METHOD, principal.session().authMethod().wireName()));
    }
}
