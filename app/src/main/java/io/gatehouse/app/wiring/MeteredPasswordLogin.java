package io.gatehouse.app.wiring;

import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.PasswordLoginUseCase;

/** Counts browser password logins ({@code method="password"}) and the sessions they open. */
final class MeteredPasswordLogin implements PasswordLoginUseCase {

    private final PasswordLoginUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;

    MeteredPasswordLogin(PasswordLoginUseCase delegate, LoginMetrics logins, TokenMetrics tokens) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
    }

    @Override
    public LoginOutcome login(PasswordLoginCommand command) {
        LoginOutcome outcome = delegate.login(command);
        switch (outcome) {
            case LoggedIn loggedIn -> {
                logins.success("password");
                tokens.issued(TokenMetrics.Kind.SESSION);
            }
            case AuthenticationFailure failure -> logins.failure("password", failure.code());
        }
        return outcome;
    }
}
