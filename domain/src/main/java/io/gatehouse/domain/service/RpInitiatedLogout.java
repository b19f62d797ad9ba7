package io.gatehouse.domain.service;

import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.EndSessionUseCase;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.gatehouse.domain.port.out.OAuthClients;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.SignedJwts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RP-initiated logout. The {@code id_token_hint} is required and must verify with Gatehouse's keys: a logout link
 * anyone could forge would otherwise sign people out from any site (section 2 lets an OP ask for confirmation instead;
 * Gatehouse asks for the hint). It names the person and the browser session ({@code sid}) to end; the redirect
 * afterwards must be registered for the hint's client (no open redirector).
 */
public final class RpInitiatedLogout implements EndSessionUseCase {

    private final SignedJwts jwts;
    private final OAuthClients clients;
    private final Sessions sessions;
    private final String issuer;
    private final Clock clock;

    public RpInitiatedLogout(SignedJwts jwts, OAuthClients clients, Sessions sessions, String issuer, Clock clock) {
        this.jwts = jwts;
        this.clients = clients;
        this.sessions = sessions;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public EndSessionOutcome endSession(String idTokenHint, String postLogoutRedirectUri, String clientId, Optional<SessionPrincipal> current) {
        Optional<Map<String, Object>> hint = jwts.verifiedClaims(idTokenHint).filter(claims -> issuer.equals(claims.get("iss")));
        if (hint.isEmpty()) {
            return new EndSessionRefused("id_token_hint is required: an ID token Gatehouse issued");
        }
        Object audience = hint.get().get("aud");
        String aud = audience instanceof String one ? one : audience instanceof List<?> list && list.size() == 1 ? String.valueOf(list.get(0)) : null;
        Optional<OAuthClient> client = aud == null ? Optional.empty() : clients.find(aud);
        if (client.isEmpty() || clientId != null && !clientId.equals(aud)) {
            return new EndSessionRefused("the id_token_hint is not for a registered client (or not for client_id)");
        }
        if (postLogoutRedirectUri != null && !client.get().postLogoutRedirectUris().contains(postLogoutRedirectUri)) {
            return new EndSessionRefused("post_logout_redirect_uri is not registered for this client");
        }
        Optional<UserId> subject = uuid(hint.get().get("sub")).map(UserId::new);
        Optional<SessionId> sid = uuid(hint.get().get("sid")).map(SessionId::new);
        Instant now = clock.instant();
        if (subject.isPresent() && sid.isPresent()) {
            sessions.revoke(subject.get(), sid.get(), now);
        }
        current.filter(principal -> subject.isPresent() && principal.user().id().equals(subject.get()))
                .ifPresent(principal -> sessions.revoke(principal.user().id(), principal.session().id(), now));
        return new SessionEnded(postLogoutRedirectUri);
    }

    private static Optional<UUID> uuid(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
