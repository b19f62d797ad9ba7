package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.UserId;
import java.util.Optional;

/** Timeular-style developer access: one key and secret per user, exchanged for an access JWT. */
public interface DeveloperApiAccessUseCase {

    /** A new pair; the previous one stops working at once. The secret is returned only here. */
    GeneratedApiAccess generate(UserId userId);

    Optional<String> currentApiKey(UserId userId);

    /** An access JWT ({@code amr: ["api_key"]}), throttled like password logins. */
    TokenUseCase.TokenOutcome signIn(String apiKey, String apiSecret, ClientInfo client);

    record GeneratedApiAccess(String apiKey, String apiSecret) {
        @Override
        public String toString() {
            return "GeneratedApiAccess[apiKey=" + apiKey + ", apiSecret=redacted]";
        }
    }
}
