package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsOutcome;
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
        CredentialsOutcome result = authenticator.check(command.email(), command.password(), command.client());
        if (result instanceof CredentialsValid ok) {
            return sessionIssuer.open(ok.user(), AuthMethod.PASSWORD, command.client());
        }
        return (AuthenticationFailure) result;
    }
}
