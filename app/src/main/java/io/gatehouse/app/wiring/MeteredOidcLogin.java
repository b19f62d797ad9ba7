package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OpenIdProviderInfo;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import java.util.List;

/**
 * Counts sign-ins with instance providers at the callback ({@code method="oidc"}): a session opened, or why not
 * (the refusal's {@code oidc_*} code, {@code sso_link_confirmation_required}); starts refused by the per-address
 * limit count as {@code too_many_attempts}. Linking to a signed-in user opens nothing and is not a login.
 */
final class MeteredOidcLogin implements OidcLoginUseCase {

    static final String METHOD = "oidc";
    private final OidcLoginUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;
    private final SsoMetrics sso;

    MeteredOidcLogin(OidcLoginUseCase delegate, LoginMetrics logins, TokenMetrics tokens, SsoMetrics sso) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
        this.sso = sso;
    }

    @Override
    public List<OpenIdProviderInfo> providers() {
        return delegate.providers();
    }

    @Override
    public StartOutcome start(String provider, String client, String state, String redirect, ClientInfo caller, String browserSecret) {
        StartOutcome outcome = delegate.start(provider, client, state, redirect, caller, browserSecret);
        if (outcome instanceof SsoThrottled throttled) {
            logins.failure(METHOD, ErrorCode.TOO_MANY_ATTEMPTS);
            sso.throttled(throttled.limit());
        }
        return outcome;
    }

    @Override
    public StartOutcome startLink(UserId user, String provider, String redirect, String browserSecret) {
        return delegate.startLink(user, provider, redirect, browserSecret);
    }

    @Override
    public CallbackOutcome callback(String state, String code, String error, String responseIssuer, String browserSecret,
                                    ClientInfo client) {
        CallbackOutcome outcome = delegate.callback(state, code, error, responseIssuer, browserSecret, client);
        switch (outcome) {
            case OidcLoggedIn loggedIn -> {
                logins.success(METHOD);
                tokens.issued(TokenMetrics.Kind.SESSION);
            }
            case OidcLinked linked -> {
                // linking an identity to a signed-in user opens no session and is not a login
            }
            case OidcConfirmationRequired required -> logins.failure(METHOD, ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED);
            case SsoRefused refused -> logins.failure(METHOD, refused.code());
            case SsoThrottled throttled -> {
                logins.failure(METHOD, ErrorCode.TOO_MANY_ATTEMPTS);
                sso.throttled(throttled.limit());
            }
        }
        return outcome;
    }
}
