package io.gatehouse.api.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatehouse.domain.model.ApiToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API token record; {@code access_token} appears once, in the response that creates it. */
@Serdeable
record ApiTokenResponse(UUID id, String note, String tokenPrefix, UUID workspaceId, UUID issuerUserId, Instant createdAt,
                        Instant updatedAt, Instant expiresAt, Instant lastUsedAt, boolean enabled, int version,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String accessToken) {

    static ApiTokenResponse of(ApiToken token) {
        return of(token, null);
    }

    static ApiTokenResponse of(ApiToken token, String secret) {
        return new ApiTokenResponse(token.id().value(), token.note(), token.tokenPrefix(),
                token.workspaceId() == null ? null : token.workspaceId().value(), token.issuer().value(), token.createdAt(),
                token.updatedAt(), token.expiresAt(), token.lastUsedAt(), token.enabled(), token.version(), secret);
    }

    @Serdeable
    record TokenList(List<ApiTokenResponse> tokens) {
        static TokenList of(List<ApiToken> tokens) {
            return new TokenList(tokens.stream().map(ApiTokenResponse::of).toList());
        }
    }

    @Override
    public String toString() {
        return "ApiTokenResponse[id=" + id + ", accessToken=redacted]";
    }
}
