package io.gatehouse.app.wiring;

import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import java.util.Optional;

/** Counts link confirmations that log in (success, by the method of the identity linked: saml or oidc) and the sessions they open. */
final class MeteredEnableSso implements EnableSsoUseCase {

    private final EnableSsoUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;

    MeteredEnableSso(EnableSsoUseCase delegate, LoginMetrics logins, TokenMetrics tokens) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
    }

    @Override
    public EnableOutcome enableSso(String confirmationCode, String basicEmail, String password, ClientInfo client) {
        EnableOutcome outcome = delegate.enableSso(confirmationCode, basicEmail, password, client);
        if (outcome instanceof SsoEnabled enabled) {
            logins.success(enabled.method().wireName());
            tokens.issued(TokenMetrics.Kind.SESSION);
        }
        return outcome;
    }

    @Override
    public Optional<LinkProposal> proposal(String confirmationCode) {
        return delegate.proposal(confirmationCode);
    }
}
