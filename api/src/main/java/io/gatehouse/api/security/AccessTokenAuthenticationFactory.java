package io.gatehouse.api.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Optional;

/**
 * The principal of a verified access JWT: its subject and token family, as every other way in
 * produces it ({@link Caller}). In place of the framework's factory, which copies every claim into
 * the principal's attributes and looks for roles in the token; Gatehouse's tokens carry no roles
 * (memberships are read per workspace), and only {@code sub} and {@code sid} mean anything here.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
final class AccessTokenAuthenticationFactory implements JwtAuthenticationFactory {

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            var claims = token.getJWTClaimsSet();
            return LiveTokenFamilyValidator.uuid(claims.getSubject())
                    .flatMap(subject -> LiveTokenFamilyValidator.uuid(claims.getClaim("sid"))
                            .map(family -> Caller.fromAccessToken(subject, family)));
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }
}
