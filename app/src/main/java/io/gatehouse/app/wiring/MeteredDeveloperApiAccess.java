package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.TokenUseCase.TokenOutcome;
import io.gatehouse.domain.port.in.TokenUseCase.TokenRefused;
import io.gatehouse.domain.port.in.TokenUseCase.TokensIssued;
import java.util.Optional;

/** Counts developer sign-ins with an API key and secret ({@code method="api_key"}) and the access tokens they hand out. */
final class MeteredDeveloperApiAccess implements DeveloperApiAccessUseCase {

    private final DeveloperApiAccessUseCase delegate;
    private final LoginMetrics logins;
    private final TokenMetrics tokens;

    MeteredDeveloperApiAccess(DeveloperApiAccessUseCase delegate, LoginMetrics logins, TokenMetrics tokens) {
        this.delegate = delegate;
        this.logins = logins;
        this.tokens = tokens;
    }

    @Override
    public GeneratedApiAccess generate(UserId userId) {
        return delegate.generate(userId);
    }

    @Override
    public Optional<String> currentApiKey(UserId userId) {
        return delegate.currentApiKey(userId);
    }

    @Override
    public TokenOutcome signIn(String apiKey, String apiSecret, ClientInfo client) {
        TokenOutcome outcome = delegate.signIn(apiKey, apiSecret, client);
        if (outcome instanceof TokensIssued) {
            logins.success("api_key");
            tokens.issued(TokenMetrics.Kind.JWT);
        } else {
            // An unknown key and a wrong secret are one answer (invalid_credentials), as the HTTP response says.
            logins.failure("api_key", outcome instanceof TokenRefused refused ? refused.failure().code() : ErrorCode.INVALID_CREDENTIALS);
        }
        return outcome;
    }
}
