package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.AuthMethod;
import io.gatehouse.domain.model.RefreshToken;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.gatehouse.domain.port.in.CheckCredentialsUseCase.CredentialsValid;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import io.gatehouse.domain.port.out.RefreshTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues access JWTs, says whether a token's family is still honoured, and rotates refresh tokens. Every grant opens a token family (a
 * session without a cookie), so logout-all, password change and suspension end token families
 * exactly as they end browser sessions.
 */
public final class TokenService implements TokenUseCase {

    /** Refresh tokens are recognisable in logs and secret scanners without being readable. */
    public static final String REFRESH_TOKEN_PREFIX = "gh_rt_";

    private final PasswordAuthenticator authenticator;
    private final SessionIssuer sessionIssuer;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokenSigner signer;
    private final TokenPolicy tokenPolicy;
    private final SessionPolicy sessionPolicy;
    private final Transactions transactions;
    private final SecureRandom random;
    private final Clock clock;

    public TokenService(PasswordAuthenticator authenticator, SessionIssuer sessionIssuer, Sessions sessions,
                        RefreshTokens refreshTokens, AccessTokenSigner signer, TokenPolicy tokenPolicy,
                        SessionPolicy sessionPolicy, Transactions transactions, SecureRandom random, Clock clock) {
        this.authenticator = authenticator;
        this.sessionIssuer = sessionIssuer;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.signer = signer;
        this.tokenPolicy = tokenPolicy;
        this.sessionPolicy = sessionPolicy;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public TokenOutcome grantWithPassword(String email, String password, ClientInfo client) {
        return switch (authenticator.check(email, password, client)) {
            case AuthenticationFailure failure -> new TokenRefused(failure);
            case CredentialsValid valid -> transactions.inTransaction(() -> issue(valid.user().id(),
                    sessionIssuer.openTokenFamily(valid.user(), AuthMethod.PASSWORD, client), true));
        };
    }

    @Override
    public TokenOutcome refresh(String refreshToken, ClientInfo client) {
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_TOKEN_PREFIX)
                || refreshToken.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return new InvalidToken();
        }
        SecretToken.TokenHash hash = new SecretToken(refreshToken).hash();
        // One transaction: the old token is spent and its successor stored together, in one commit.
        return transactions.inTransaction(() -> rotate(hash));
    }

    private TokenOutcome rotate(SecretToken.TokenHash hash) {
        Instant now = clock.instant();
        RefreshTokens.Rotated rotated;
        switch (refreshTokens.consume(hash, now)) {
            case RefreshTokens.AlreadyUsed reused -> {
                // RFC 9700 4.14.2: a refresh token presented twice means it leaked; end the whole family.
                sessions.revoke(reused.token().userId(), reused.token().sessionId(), now);
                return new InvalidToken();
            }
            case RefreshTokens.Invalid invalid -> {
                return new InvalidToken();
            }
            case RefreshTokens.Rotated fresh -> rotated = fresh;
        }
        Optional<Session> family = sessions.findUnrevokedOfActiveUser(rotated.token().sessionId())
                .filter(session -> session.isUsableAt(now, sessionPolicy));
        if (family.isEmpty()) {
            return new InvalidToken();
        }
        Session session = family.get();
        if (session.needsTouchAt(now, sessionPolicy)) {
            sessions.touch(session.id(), now);
            session = session.touchedAt(now);
        }
        return issue(session.userId(), session, true);
    }

    @Override
    public boolean isFamilyLive(UserId subject, SessionId family) {
        Instant now = clock.instant();
        return sessions.findLiveFamily(family)
                .filter(session -> session.userId().equals(subject) && session.isUsableAt(now, sessionPolicy))
                .isPresent();
    }

    /** An access token (and, when asked, a refresh token) for an open family of this user. */
    public TokensIssued issue(UserId user, Session family, boolean withRefreshToken) {
        Instant now = clock.instant();
        // Never outlive the family: an access token minted near its end expires with it.
        Instant expiry = earliest(now.plus(tokenPolicy.accessTokenLifetime()), family.expiresAt());
        AccessTokenClaims claims = new AccessTokenClaims(tokenPolicy.issuer(), tokenPolicy.audience(), user, family.id(),
                List.of(family.authMethod().wireName()), now, expiry, UUID.randomUUID().toString());
        String refresh = null;
        if (withRefreshToken) {
            SecretToken secret = SecretToken.generate(random, REFRESH_TOKEN_PREFIX);
            refreshTokens.insert(new RefreshToken(secret.hash(), family.id(), user, now, family.expiresAt()));
            refresh = secret.value();
        }
        return new TokensIssued(signer.sign(claims), refresh, Duration.between(now, expiry), claims);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
