package io.gatehouse.domain.port.in;

import java.util.Optional;

/** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): an application ends the person's Gatehouse session. */
public interface EndSessionUseCase {

    /**
     * @param idTokenHint an ID token Gatehouse issued to the application (it may have expired): it says whose session ends
     * @param postLogoutRedirectUri where to send the browser afterwards: only one registered for the hint's client
     * @param current the browser's own session, ended too when it is the same person's
     */
    EndSessionOutcome endSession(String idTokenHint, String postLogoutRedirectUri, String clientId, Optional<SessionPrincipal> current);

    sealed interface EndSessionOutcome permits SessionEnded, EndSessionRefused {
    }

    /** {@code redirectUri} null: show a signed-out page. */
    record SessionEnded(String redirectUri) implements EndSessionOutcome {
    }

    record EndSessionRefused(String description) implements EndSessionOutcome {
    }
}
