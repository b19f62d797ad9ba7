package io.gatehouse.api.security;

import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * The one check a signed, unexpired access JWT still needs: that its family (claim {@code sid}, the
 * session it descends from) is not revoked and its user not suspended, so logout-everywhere, a password
 * change or a suspension end access tokens at once rather than at {@code exp}. It may read the
 * database (on a cache miss); the framework's reactive validator runs the claim validators on the blocking executor
 * ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}), never on the
 * event loop. Ordered last, so a token that fails a cheap check costs no query.
 */
@Singleton
final class LiveTokenFamilyValidator<T> implements GenericJwtClaimsValidator<T>, Ordered {

    private final TokenUseCase tokens;

    LiveTokenFamilyValidator(TokenUseCase tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Optional<UUID> subject = uuid(claims.get(Claims.SUBJECT));
        Optional<UUID> family = uuid(claims.get("sid"));
        return subject.isPresent() && family.isPresent()
                && tokens.isFamilyLive(new UserId(subject.get()), new SessionId(family.get()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static Optional<UUID> uuid(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
