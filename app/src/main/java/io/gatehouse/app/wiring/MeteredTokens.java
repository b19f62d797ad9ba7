package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.TokenUseCase;

/** Counts JWT grants ({@code method="jwt_grant"}) and refreshes ({@code method="jwt_refresh"}), and the token families they touch. */
final class MeteredTokens implements TokenUseCase {

    private final TokenUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;

    MeteredTokens(TokenUseCase delegate, LoginMetrics logins, TokenMetrics tokens) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
    }

    @Override
    public TokenOutcome grantWithPassword(String email, String password, ClientInfo client) {
        TokenOutcome outcome = delegate.grantWithPassword(email, password, client);
        count("jwt_grant", outcome);
        if (outcome instanceof TokensIssued) {
            tokens.issued(TokenMetrics.Kind.JWT);
        }
        return outcome;
    }

    @Override
    public TokenOutcome refresh(String refreshToken, ClientInfo client) {
        TokenOutcome outcome = delegate.refresh(refreshToken, client);
        count("jwt_refresh", outcome);
        if (outcome instanceof TokensIssued) {
            tokens.refreshed(TokenMetrics.Kind.JWT);
        }
        return outcome;
    }

    @Override
    public boolean isFamilyLive(UserId subject, SessionId family) {
        return delegate.isFamilyLive(subject, family);
    }

    private void count(String method, TokenOutcome outcome) {
        switch (outcome) {
            case TokensIssued issued -> logins.success(method);
            case TokenRefused refused -> logins.failure(method, refused.failure().code());
            case InvalidToken invalid -> logins.failure(method, ErrorCode.INVALID_TOKEN);
        }
    }
}
