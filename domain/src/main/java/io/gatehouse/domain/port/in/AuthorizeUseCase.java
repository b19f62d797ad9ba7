package io.gatehouse.domain.port.in;

import java.util.List;
import java.util.Optional;

/** The authorization endpoint of Gatehouse as an OpenID Provider (OpenID Connect Core 3.1.2, RFC 6749 4.1, RFC 9700). */
public interface AuthorizeUseCase {

    /**
     * @param request the parameters as the protocol layer parsed them
     * @param session the browser's signed-in session, if any
     */
    AuthorizeOutcome authorize(AuthorizeRequest request, Optional<SessionPrincipal> session);

    /** {@code maxAge} null when not asked; {@code prompt} the space-separated values, or null. */
    record AuthorizeRequest(String clientId, String redirectUri, String responseType, List<String> scopes, String state, String nonce,
                            String codeChallenge, String codeChallengeMethod, String prompt, Integer maxAge) {
    }

    sealed interface AuthorizeOutcome permits NotForClient, ErrorToClient, SignInFirst, CodeIssued {
    }

    /**
     * The client or the redirect URI is unknown or does not match: nothing may be sent to that URI (RFC 6749 4.1.2.1,
     * RFC 9700 4.1: no open redirector); the person gets an error page.
     */
    record NotForClient(String error, String description) implements AuthorizeOutcome {
    }

    /** An error the client should know of, sent to its (verified) redirect URI with its state (RFC 6749 4.1.2.1). */
    record ErrorToClient(String redirectUri, String error, String description, String state) implements AuthorizeOutcome {
    }

    /**
     * The person must sign in (again, when {@code fresh}: {@code prompt=login} or {@code max_age} exceeded) before the
     * request can be answered: the hosted sign-in page, which comes back to the authorization endpoint.
     */
    record SignInFirst(boolean fresh) implements AuthorizeOutcome {
    }

    record CodeIssued(String redirectUri, String code, String state) implements AuthorizeOutcome {
        @Override
        public String toString() {
            return "CodeIssued[redirectUri=" + redirectUri + ", code=redacted]";
        }
    }
}
