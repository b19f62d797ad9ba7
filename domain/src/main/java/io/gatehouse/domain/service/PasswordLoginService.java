package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.PasswordLoginUseCase;

public final class PasswordLoginService implements PasswordLoginUseCase {

    private final PasswordAuthenticator authenticator;
    private final SessionIssuer sessionIssuer;

    public PasswordLoginService(PasswordAuthenticator authenticator, SessionIssuer sessionIssuer) {
        this.authenticator = authenticator;
        this.sessionIssuer = sessionIssuer;
    }

    @Override
    public LoginOutcome login(PasswordLoginCommand command) {
        return switch (authenticator.check(command.email(), command.password(), command.client())) {
            case CredentialsValid valid -> sessionIssuer.open(valid.user(), AuthMethod.PASSWORD, command.client());
            case AuthenticationFailure failure -> failure;
        };
    }
}
