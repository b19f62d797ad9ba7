package io.gatehouse.app.wiring;

import io.gatehouse.app.config.OAuthProperties;
import io.gatehouse.crypto.jwt.KeyRingSignature;
import io.gatehouse.crypto.jwt.KeyRingSignedJwts;
import io.gatehouse.crypto.jwt.SigningKeyRing;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.port.in.AuthorizeUseCase;
import io.gatehouse.domain.port.in.BrowserClientOrigins;
import io.gatehouse.domain.port.in.EndSessionUseCase;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase;
import io.gatehouse.domain.port.in.OAuthTokenUseCase;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.OAuthClients;
import io.gatehouse.domain.port.out.RefreshTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.SignedJwts;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.service.AuthorizationEndpoint;
import io.gatehouse.domain.service.OAuthClientAdministrationService;
import io.gatehouse.domain.service.OAuthTokenService;
import io.gatehouse.domain.service.PublicClientOrigins;
import io.gatehouse.domain.service.RpInitiatedLogout;
import io.gatehouse.domain.service.ScopedClaims;
import io.gatehouse.domain.service.SessionIssuer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Gatehouse as an OpenID Provider: its issuer is the public URL, its keys the JWT key ring's. */
@Factory
class OpenIdProviderFactory {

    @Singleton
    SignedJwts signedJwts(SigningKeyRing keyRing) {
        return new KeyRingSignedJwts(new KeyRingSignature(keyRing));
    }

    @Singleton
    OAuthClientAdministrationUseCase oauthClients(OAuthClients clients, Users users, SecureRandom random, Clock clock) {
        return new OAuthClientAdministrationService(clients, users, random, clock);
    }

    @Singleton
    AuthorizeUseCase authorize(OAuthClients clients, AuthorizationCodes codes, OAuthProperties properties, SecureRandom random, Clock clock) {
        return new AuthorizationEndpoint(clients, codes, properties.codeLifetime(), random, clock);
    }

    @Singleton
    OAuthTokenUseCase oauthTokens(OAuthClients clients, AuthorizationCodes codes, SessionIssuer sessionIssuer, Sessions sessions, Users users,
                                  RefreshTokens refreshTokens, AccessTokenSigner accessTokens, SignedJwts jwts, Memberships memberships,
                                  PublicUrl publicUrl, TokenPolicy tokenPolicy, SessionPolicy sessionPolicy, Transactions transactions,
                                  MeterRegistry registry, SecureRandom random, Clock clock) {
        return new MeteredOAuthTokens(new OAuthTokenService(clients, codes, sessionIssuer, sessions, users, refreshTokens, accessTokens, jwts,
                new ScopedClaims(memberships), publicUrl.resolve(""), tokenPolicy, sessionPolicy, transactions, random, clock), registry);
    }

    @Singleton
    BrowserClientOrigins browserClientOrigins(OAuthClients clients) {
        return new PublicClientOrigins(clients);
    }

    @Singleton
    EndSessionUseCase endSession(SignedJwts jwts, OAuthClients clients, Sessions sessions, PublicUrl publicUrl, Clock clock) {
        return new RpInitiatedLogout(jwts, clients, sessions, publicUrl.resolve(""), clock);
    }
}
