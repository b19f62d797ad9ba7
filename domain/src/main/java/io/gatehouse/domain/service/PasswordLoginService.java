package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuthMethod;
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
        PasswordAuthenticator.Result result = authenticator.authenticate(command.email(), command.password(), command.client());
        if (result instanceof PasswordAuthenticator.Authenticated ok) {
            return sessionIssuer.open(ok.user(), AuthMethod.PASSWORD, command.client());
        }
        return ((PasswordAuthenticator.Failed) result).failure();
    }
}
