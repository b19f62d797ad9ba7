package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;

/**
 * Counts SAML logins at the ACS ({@code method="saml"}): a session opened, or why not (the refusal's
 * code, {@code too_many_attempts} also by limit, {@code sso_link_confirmation_required}). Linking an identity to
 * a user who is already logged in opens nothing and is not a login.
 */
final class MeteredSamlLogin implements ConsumeSamlResponseUseCase {

    static final String METHOD = "saml";
    private final ConsumeSamlResponseUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;
    private final SsoMetrics sso;

    MeteredSamlLogin(ConsumeSamlResponseUseCase delegate, LoginMetrics logins, TokenMetrics tokens, SsoMetrics sso) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
        this.sso = sso;
    }

    @Override
    public AcsOutcome consume(WorkspaceId workspace, String samlResponse, String relayState, ClientInfo client) {
        AcsOutcome outcome = delegate.consume(workspace, samlResponse, relayState, client);
        switch (outcome) {
            case SamlLoggedIn loggedIn -> {
                logins.success(METHOD);
                tokens.issued(TokenMetrics.Kind.SESSION);
            }
            case IdentityLinked linked -> {
                // linking an identity to a logged-in user opens no session and is not a login
            }
            case SsoThrottled throttled -> {
                logins.failure(METHOD, ErrorCode.TOO_MANY_ATTEMPTS);
                sso.throttled(throttled.limit());
            }
            case LinkConfirmationRequired required -> logins.failure(METHOD, ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED);
            case SsoRefused refused -> logins.failure(METHOD, refused.code());
        }
        return outcome;
    }
}
