package io.gatehouse.app.wiring;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.app.config.JwtProperties;
import io.gatehouse.app.crypto.JwtSigningKeyRing;
import io.gatehouse.app.crypto.MasterKey;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.port.in.AdministerSigningKeysUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.RefreshTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.SigningKeys;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.service.ApiTokenService;
import io.gatehouse.domain.service.DeveloperApiAccessService;
import io.gatehouse.domain.service.LoginThrottle;
import io.gatehouse.domain.service.PasswordAuthenticator;
import io.gatehouse.domain.service.SessionIssuer;
import io.gatehouse.domain.service.SigningKeyAdministrationService;
import io.gatehouse.domain.service.TokenService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** JWTs, refresh tokens, signing keys, developer API keys and API tokens. */
@Factory
class TokenServicesFactory {

    /** Eager: a wrong GATEHOUSE_MASTER_KEY stops start-up, and a generated one is announced at once. */
    @Context
    MasterKey masterKey(GatehouseProperties properties, SecureRandom random) {
        String configured = properties.masterKey();
        return configured == null || configured.isBlank()
                ? MasterKey.fromDataDirectory(Path.of(properties.dataDir()), random)
                : MasterKey.fromBase64(configured, random);
    }

    @Singleton
    TokenPolicy tokenPolicy(PublicUrl publicUrl, JwtProperties properties) {
        return new TokenPolicy(publicUrl.toString(), properties.audience(), properties.accessTokenLifetime());
    }

    @Singleton
    JwtSigningKeyRing signingKeyRing(SigningKeys keys, MasterKey masterKey, TokenPolicy policy, JwtProperties properties,
                                     Clock clock) {
        return new JwtSigningKeyRing(keys, masterKey, policy, properties.keyOverlap(), properties.clockSkew(),
                properties.keyReloadInterval(), clock);
    }

    @Singleton
    TokenService tokenService(PasswordAuthenticator authenticator, SessionIssuer issuer, Sessions sessions,
                              RefreshTokens refreshTokens, JwtSigningKeyRing keyRing, TokenPolicy tokenPolicy,
                              SessionPolicy sessionPolicy, Transactions transactions, SecureRandom random, Clock clock) {
        return new TokenService(authenticator, issuer, sessions, refreshTokens, keyRing, tokenPolicy, sessionPolicy,
                transactions, random, clock);
    }

    @Singleton
    TokenUseCase tokens(TokenService service) {
        return service;
    }

    @Singleton
    DeveloperApiAccessUseCase developerApiAccess(DeveloperApiKeys keys, Users users, LoginThrottle throttle, SessionIssuer issuer,
                                                 TokenService tokens, SecureRandom random, Clock clock) {
        return new DeveloperApiAccessService(keys, users, throttle, issuer, tokens, random, clock);
    }

    @Singleton
    ApiTokenUseCase apiTokens(ApiTokens tokens, Users users, Memberships memberships, Transactions transactions,
                              SecureRandom random, Clock clock) {
        return new ApiTokenService(tokens, users, memberships, transactions, random, clock);
    }

    @Singleton
    AdministerSigningKeysUseCase signingKeyAdministration(Users users, JwtSigningKeyRing keyRing) {
        return new SigningKeyAdministrationService(users, keyRing);
    }
}
