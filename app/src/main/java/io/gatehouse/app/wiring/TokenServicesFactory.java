package io.gatehouse.app.wiring;

import io.gatehouse.app.config.GatehouseProperties;
import io.gatehouse.app.config.JwtProperties;
import io.gatehouse.crypto.jwt.JwtAccessTokenSigner;
import io.gatehouse.crypto.jwt.KeyRingJwkProvider;
import io.gatehouse.crypto.jwt.KeyRingSignature;
import io.gatehouse.crypto.jwt.RememberingJwtParser;
import io.gatehouse.crypto.jwt.SigningAlgorithm;
import io.gatehouse.crypto.jwt.SigningKeyRing;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.port.in.AdministerSigningKeysUseCase;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.DeveloperApiAccessUseCase;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.gatehouse.domain.port.out.AccessTokenSigner;
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
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
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
        return new TokenPolicy(publicUrl.toString(), properties.audience(), properties.accessTokenLifetime(), properties.clockSkew());
    }

    @Singleton
    SigningKeyRing signingKeyRing(SigningKeys keys, MasterKey masterKey, JwtProperties properties, Clock clock) {
        return new SigningKeyRing(keys, masterKey, SigningAlgorithm.named(properties.algorithm()), properties.keyOverlap(),
                properties.keyReloadInterval(), clock);
    }

    /** micronaut-security-jwt signs (its JwtTokenGenerator takes the "generator" configuration) and verifies with it. */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration accessTokenSignature(SigningKeyRing keyRing) {
        return new KeyRingSignature(keyRing);
    }

    /** Published by micronaut-security-jwt's keys endpoint at /.well-known/jwks.json. */
    @Singleton
    JwkProvider accessTokenKeys(SigningKeyRing keyRing) {
        return new KeyRingJwkProvider(keyRing);
    }

    /** The framework's parser, remembering the tokens the key ring verified (see RememberingJwtParser). */
    @Singleton
    @Replaces(JsonWebTokenParser.class)
    RememberingJwtParser accessTokenParser(SigningKeyRing keyRing) {
        return new RememberingJwtParser(keyRing);
    }

    @Singleton
    AccessTokenSigner accessTokenSigner(TokenGenerator generator) {
        return new JwtAccessTokenSigner(generator);
    }

    @Singleton
    TokenService tokenService(PasswordAuthenticator authenticator, SessionIssuer issuer, Sessions sessions,
                              RefreshTokens refreshTokens, AccessTokenSigner signer, TokenPolicy tokenPolicy,
                              SessionPolicy sessionPolicy, Transactions transactions, SecureRandom random, Clock clock) {
        return new TokenService(authenticator, issuer, sessions, refreshTokens, signer, tokenPolicy, sessionPolicy,
                transactions, random, clock);
    }

    @Singleton
    TokenUseCase tokens(TokenService service, LoginMetrics logins, TokenMetrics tokens) {
        return new MeteredTokens(service, logins, tokens);
    }

    @Singleton
    DeveloperApiAccessUseCase developerApiAccess(DeveloperApiKeys keys, Users users, LoginThrottle throttle, SessionIssuer issuer,
                                                 TokenService tokens, SecureRandom random, LoginMetrics logins, TokenMetrics metrics,
                                                 Clock clock) {
        return new MeteredDeveloperApiAccess(new DeveloperApiAccessService(keys, users, throttle, issuer, tokens, random, clock), logins,
                metrics);
    }

    @Singleton
    ApiTokenUseCase apiTokens(ApiTokens tokens, Users users, Memberships memberships, Transactions transactions,
                              SecureRandom random, TokenMetrics metrics, Clock clock) {
        return new MeteredApiTokens(new ApiTokenService(tokens, users, memberships, transactions, random, clock), metrics);
    }

    @Singleton
    AdministerSigningKeysUseCase signingKeyAdministration(Users users, SigningKeyRing keyRing) {
        return new SigningKeyAdministrationService(users, keyRing);
    }
}
