package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AccessTokenClaims;
import io.gatehouse.domain.model.AuthorizationGrant;
import io.gatehouse.domain.model.ClientTokenFamily;
import io.gatehouse.domain.model.IdTokenClaims;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.model.RefreshToken;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.SessionPolicy;
import io.gatehouse.domain.model.TokenPolicy;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OAuthTokenUseCase;
import io.gatehouse.domain.port.out.AccessTokenSigner;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.OAuthClients;
import io.gatehouse.domain.port.out.RefreshTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.gatehouse.domain.port.out.SignedJwts;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The token endpoint of Gatehouse as an OpenID Provider. A code is spent by its first presentation, whatever follows;
 * it must come from the client it was issued to, with the redirect URI and the PKCE verifier of its request (RFC 6749
 * 4.1.3, RFC 7636 4.6); a code presented twice revokes the tokens it issued (RFC 6749 4.1.2). The tokens belong to a
 * token family of their own, bound to the client: access tokens are JWTs for that client ({@code aud} = its id, so they
 * cannot drive Gatehouse's own API), refresh tokens rotate on every use and a reused one ends the family (RFC 9700
 * 4.14.2). ID tokens (OpenID Connect Core 2) carry {@code auth_time}, {@code amr}, {@code nonce}, {@code sid} and the
 * scopes' claims.
 */
public final class OAuthTokenService implements OAuthTokenUseCase {

    /** Distinct from the JSON API's refresh tokens: each is refused at the other's endpoint. */
    public static final String REFRESH_TOKEN_PREFIX = "gh_ort_";
    private static final int MAX_CODE = 512;
    private static final int MAX_VERIFIER = 128;

    private final OAuthClients clients;
    private final AuthorizationCodes codes;
    private final SessionIssuer sessionIssuer;
    private final Sessions sessions;
    private final Users users;
    private final RefreshTokens refreshTokens;
    private final AccessTokenSigner accessTokens;
    private final SignedJwts jwts;
    private final ScopedClaims claims;
    private final String issuer;
    private final TokenPolicy tokenPolicy;
    private final SessionPolicy sessionPolicy;
    private final Transactions transactions;
    private final SecureRandom random;
    private final Clock clock;

    public OAuthTokenService(OAuthClients clients, AuthorizationCodes codes, SessionIssuer sessionIssuer, Sessions sessions, Users users,
                             RefreshTokens refreshTokens, AccessTokenSigner accessTokens, SignedJwts jwts, ScopedClaims claims, String issuer,
                             TokenPolicy tokenPolicy, SessionPolicy sessionPolicy, Transactions transactions, SecureRandom random, Clock clock) {
        this.clients = clients;
        this.codes = codes;
        this.sessionIssuer = sessionIssuer;
        this.sessions = sessions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.jwts = jwts;
        this.claims = claims;
        this.issuer = issuer;
        this.tokenPolicy = tokenPolicy;
        this.sessionPolicy = sessionPolicy;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public Optional<OAuthError> authenticate(ClientCredentials credentials) {
        return client(credentials).isPresent() ? Optional.empty() : Optional.of(invalidClient());
    }

    /** The client when its credentials hold: a confidential client's secret compared in constant time; a public client sends none. */
    private Optional<OAuthClient> client(ClientCredentials credentials) {
        if (credentials == null || credentials.clientId() == null) {
            return Optional.empty();
        }
        Optional<OAuthClient> client = clients.find(credentials.clientId());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        if (!client.get().isConfidential()) {
            return credentials.secret() == null ? client : Optional.empty();
        }
        String secret = credentials.secret();
        if (secret == null || secret.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        boolean matches = MessageDigest.isEqual(SecretToken.TokenHash.sha256(secret).hex().getBytes(StandardCharsets.US_ASCII),
                client.get().secretHash().hex().getBytes(StandardCharsets.US_ASCII));
        return matches ? client : Optional.empty();
    }

    @Override
    public TokenEndpointOutcome exchangeCode(ClientCredentials credentials, String code, String redirectUri, String codeVerifier,
                                             ClientInfo caller) {
        Optional<OAuthClient> client = client(credentials);
        if (client.isEmpty()) {
            return invalidClient();
        }
        if (code == null || code.isEmpty() || code.length() > MAX_CODE) {
            return invalidGrant("the code is missing");
        }
        SecretToken.TokenHash hash = SecretToken.TokenHash.sha256(code);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> switch (codes.redeem(hash, now)) {
            case AuthorizationCodes.Unknown unknown -> invalidGrant("unknown or expired code");
            case AuthorizationCodes.AlreadyUsed used -> {
                // RFC 6749 4.1.2: the code leaked; what it issued must not outlive the replay.
                codes.familyOfCode(hash).ifPresent(family -> sessions.revoke(family.userId(), family.family(), now));
                yield invalidGrant("the code was already used; the tokens it issued are revoked");
            }
            case AuthorizationCodes.Taken taken -> exchange(client.get(), taken.grant(), redirectUri, codeVerifier, caller);
        });
    }

    private TokenEndpointOutcome exchange(OAuthClient client, AuthorizationGrant grant, String redirectUri, String codeVerifier,
                                          ClientInfo caller) {
        if (!grant.clientId().equals(client.clientId())) {
            return invalidGrant("the code was issued to another client");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return invalidGrant("redirect_uri is not the one the code was requested with");
        }
        if (codeVerifier == null || codeVerifier.length() < 43 || codeVerifier.length() > MAX_VERIFIER
                || !MessageDigest.isEqual(s256(codeVerifier).getBytes(StandardCharsets.US_ASCII), grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            return invalidGrant("the PKCE code_verifier does not match the code_challenge");
        }
        Optional<User> user = users.findById(grant.userId()).filter(User::isActive);
        if (user.isEmpty()) {
            return invalidGrant("the account is suspended or gone");
        }
        Session family = sessionIssuer.openTokenFamily(user.get(), grant.authMethod(), caller);
        ClientTokenFamily binding = new ClientTokenFamily(family.id(), client.clientId(), user.get().id(), grant.scopes(),
                grant.browserSession(), grant.authTime(), grant.codeHash());
        codes.insertFamily(binding);
        return tokens(user.get(), family, binding, grant.nonce());
    }

    @Override
    public TokenEndpointOutcome refresh(ClientCredentials credentials, String refreshToken, List<String> scopes, ClientInfo caller) {
        Optional<OAuthClient> client = client(credentials);
        if (client.isEmpty()) {
            return invalidClient();
        }
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_TOKEN_PREFIX) || refreshToken.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return invalidGrant("unknown refresh token");
        }
        Instant now = clock.instant();
        SecretToken.TokenHash hash = new SecretToken(refreshToken).hash();
        // RFC 6749 6: a refresh cannot widen the grant; said before the token is spent, so the client keeps its grant.
        boolean widens = refreshTokens.find(hash).flatMap(found -> codes.findFamily(found.sessionId()))
                .filter(family -> family.clientId().equals(client.get().clientId()))
                .map(family -> !family.scopes().containsAll(scopes)).orElse(false);
        if (widens) {
            return new OAuthError("invalid_scope", "a refresh cannot widen the scopes granted");
        }
        return transactions.inTransaction(() -> {
            RefreshToken token;
            switch (refreshTokens.consume(hash, now)) {
                case RefreshTokens.AlreadyUsed reused -> {
                    sessions.revoke(reused.token().userId(), reused.token().sessionId(), now);
                    return invalidGrant("the refresh token was already used; its family is revoked");
                }
                case RefreshTokens.Invalid invalid -> {
                    return invalidGrant("unknown or expired refresh token");
                }
                case RefreshTokens.Rotated rotated -> token = rotated.token();
            }
            Optional<ClientTokenFamily> binding = codes.findFamily(token.sessionId());
            if (binding.isEmpty() || !binding.get().clientId().equals(client.get().clientId())) {
                // Another client holds this client's token: it leaked.
                sessions.revoke(token.userId(), token.sessionId(), now);
                return invalidGrant("the refresh token was issued to another client");
            }
            Optional<Session> family = sessions.findUnrevokedOfActiveUser(token.sessionId()).filter(session -> session.isUsableAt(now, sessionPolicy));
            Optional<User> user = users.findById(token.userId()).filter(User::isActive);
            if (family.isEmpty() || user.isEmpty()) {
                return invalidGrant("the grant ended (signed out, expired, or the account is suspended)");
            }
            if (family.get().needsTouchAt(now, sessionPolicy)) {
                sessions.touch(family.get().id(), now);
            }
            return tokens(user.get(), family.get(), binding.get(), null);
        });
    }

    private OAuthTokens tokens(User user, Session family, ClientTokenFamily binding, String nonce) {
        Instant now = clock.instant();
        Instant expiry = now.plus(tokenPolicy.accessTokenLifetime());
        if (family.expiresAt().isBefore(expiry)) {
            expiry = family.expiresAt();
        }
        List<String> amr = List.of(family.authMethod().wireName());
        String access = accessTokens.sign(new AccessTokenClaims(issuer, binding.clientId(), user.id(), family.id(), amr, now, expiry,
                UUID.randomUUID().toString()));
        String idToken = jwts.signIdToken(new IdTokenClaims(issuer, user.id(), binding.clientId(), now, expiry, binding.authTime(), nonce,
                amr, binding.browserSession(), claims.of(user, binding.scopes())));
        SecretToken refresh = SecretToken.generate(random, REFRESH_TOKEN_PREFIX);
        refreshTokens.insert(new RefreshToken(refresh.hash(), family.id(), user.id(), now, family.expiresAt()));
        return new OAuthTokens(access, Duration.between(now, expiry).toSeconds(), idToken, refresh.value(),
                binding.scopes().stream().sorted().toList());
    }

    @Override
    public Optional<OAuthError> revoke(ClientCredentials credentials, String token) {
        Optional<OAuthClient> client = client(credentials);
        if (client.isEmpty()) {
            return Optional.of(invalidClient());
        }
        if (token == null || !token.startsWith(REFRESH_TOKEN_PREFIX) || token.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            // RFC 7009 2.2: an invalid or unknown token is not an error. Access tokens expire on their own (short lived).
            return Optional.empty();
        }
        refreshTokens.find(new SecretToken(token).hash())
                .filter(found -> codes.findFamily(found.sessionId()).map(family -> family.clientId().equals(client.get().clientId())).orElse(false))
                .ifPresent(found -> sessions.revoke(found.userId(), found.sessionId(), clock.instant()));
        return Optional.empty();
    }

    @Override
    public Optional<Map<String, Object>> userInfo(String accessToken) {
        return liveAccess(accessToken).flatMap(access -> users.findById(access.binding().userId()).filter(User::isActive).map(user -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("sub", user.id().toString());
            info.putAll(claims.of(user, access.binding().scopes()));
            return info;
        }));
    }

    @Override
    public IntrospectionOutcome introspect(ClientCredentials credentials, String token) {
        Optional<OAuthClient> client = client(credentials);
        if (client.isEmpty()) {
            return invalidClient();
        }
        Instant now = clock.instant();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (token != null && token.startsWith(REFRESH_TOKEN_PREFIX) && token.length() <= SecretToken.MAX_PRESENTED_LENGTH) {
            refreshTokens.find(new SecretToken(token).hash()).filter(found -> found.expiresAt().isAfter(now))
                    .flatMap(found -> codes.findFamily(found.sessionId()).filter(family -> live(family, now))
                            .map(family -> describe(answer, family, found.expiresAt(), found.issuedAt(), "refresh_token")));
        } else {
            liveAccess(token).ifPresent(access -> describe(answer, access.binding(), access.expiresAt(), access.issuedAt(), "access_token"));
        }
        // RFC 7662 2.2: a token of another client is, to this caller, not active.
        if (answer.isEmpty() || !client.get().clientId().equals(answer.get("client_id"))) {
            return new Introspection(Map.of("active", false));
        }
        return new Introspection(answer);
    }

    private static Map<String, Object> describe(Map<String, Object> answer, ClientTokenFamily family, Instant expiresAt, Instant issuedAt,
                                                String type) {
        answer.put("active", true);
        answer.put("client_id", family.clientId());
        answer.put("sub", family.userId().toString());
        answer.put("scope", String.join(" ", family.scopes().stream().sorted().toList()));
        answer.put("exp", expiresAt.getEpochSecond());
        answer.put("iat", issuedAt.getEpochSecond());
        answer.put("token_type", type);
        return answer;
    }

    /** A live access token: ours by signature and issuer, unexpired, for a client, from a live family bound to that client. */
    private Optional<LiveAccess> liveAccess(String token) {
        Instant now = clock.instant();
        return jwts.verifiedClaims(token).flatMap(jwt -> {
            Object audience = jwt.get("aud");
            String aud = audience instanceof String one ? one
                    : audience instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String one ? one : null;
            if (!issuer.equals(jwt.get("iss")) || aud == null || !(jwt.get("exp") instanceof Number exp) || !(jwt.get("iat") instanceof Number iat)
                    || !Instant.ofEpochSecond(exp.longValue()).plus(tokenPolicy.clockSkew()).isAfter(now) || !(jwt.get("sid") instanceof String sid)) {
                return Optional.empty();
            }
            SessionId family;
            try {
                family = new SessionId(UUID.fromString(sid));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return codes.findFamily(family).filter(binding -> binding.clientId().equals(aud)
                            && binding.userId().toString().equals(jwt.get("sub")) && live(binding, now))
                    .map(binding -> new LiveAccess(binding, Instant.ofEpochSecond(exp.longValue()), Instant.ofEpochSecond(iat.longValue())));
        });
    }

    private boolean live(ClientTokenFamily binding, Instant now) {
        return sessions.findUnrevokedOfActiveUser(binding.family()).filter(session -> session.isUsableAt(now, sessionPolicy)).isPresent();
    }

    private record LiveAccess(ClientTokenFamily binding, Instant expiresAt, Instant issuedAt) {
    }

    /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is available on every JDK", e);
        }
    }

    private static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    private static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "client authentication failed");
    }
}
