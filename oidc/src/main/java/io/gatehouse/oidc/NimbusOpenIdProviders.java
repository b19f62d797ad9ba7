package io.gatehouse.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.OpenIdIdentity;
import io.gatehouse.domain.model.OpenIdProviderInfo;
import io.gatehouse.domain.port.out.OpenIdProviders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instance's OpenID Connect providers (and plain OAuth 2.0 ones, see {@link PlainOAuth2}), spoken to with the Nimbus OAuth 2.0 SDK (OpenID Connect Core 1.0,
 * Discovery 1.0, RFC 7636, RFC 9207, RFC 9700). Discovery documents are fetched from the configured issuer and
 * cached; their issuer must be the configured one exactly (Discovery 4.3), and their endpoints must be on the
 * issuer's host or on a host the operator allowed, over https (or http on a loopback host). ID tokens are
 * checked by Nimbus's {@link IDTokenValidator}: signature by a key of the provider's JWKS (cached, refetched
 * when an unknown {@code kid} appears), asymmetric algorithms only (never {@code none}, never HMAC, whose key
 * would be the client secret), {@code iss}, {@code aud} (and {@code azp}), {@code exp}/{@code iat} with a skew,
 * {@code nonce}.
 */
public final class NimbusOpenIdProviders implements OpenIdProviders {

    /** JWS algorithms accepted on ID tokens: asymmetric ones. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    /** Workspace connections met so far, by name; an entry is replaced when its workspace's settings change. */
    private final Map<String, Provider> connections = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Provider> eldest) {
            return size() > MAX_CACHED_CONNECTIONS;
        }
    };
    private static final int MAX_CACHED_CONNECTIONS = 1000;
    private final Map<String, Provider> providers = new LinkedHashMap<>();
    private final ConnectionRules connectionRules;
    private final URI callback;
    private final BoundedHttp http;
    private final PlainOAuth2 oauth2;
    private final Duration clockSkew;
    private final Duration metadataLifetime;
    private final Clock clock;

    public NimbusOpenIdProviders(List<ProviderSettings> settings, URI callback, Duration connectTimeout, Duration readTimeout,
                                 int maxResponseBytes, Duration clockSkew, Duration metadataLifetime, Clock clock) {
        this(settings, ConnectionRules.STRICT, callback, connectTimeout, readTimeout, maxResponseBytes, clockSkew, metadataLifetime, clock);
    }

    public NimbusOpenIdProviders(List<ProviderSettings> settings, ConnectionRules connectionRules, URI callback, Duration connectTimeout,
                                 Duration readTimeout, int maxResponseBytes, Duration clockSkew, Duration metadataLifetime, Clock clock) {
        this.connectionRules = connectionRules;
        this.callback = callback;
        this.http = new BoundedHttp(connectTimeout, readTimeout, maxResponseBytes);
        this.oauth2 = new PlainOAuth2(http, callback);
        this.clockSkew = clockSkew;
        this.metadataLifetime = metadataLifetime;
        this.clock = clock;
        for (ProviderSettings provider : settings) {
            if (provider.issuer() != null) {
                requireSafe(provider.issuer(), "the issuer of provider '" + provider.name() + "'");
            }
            if (provider.oauth2() != null) {
                ProviderSettings.OAuth2 endpoints = provider.oauth2();
                for (URI endpoint : new URI[] {endpoints.authorization(), endpoints.token(), endpoints.userInfo(), endpoints.emails()}) {
                    if (endpoint != null) {
                        requireSafe(endpoint, "an endpoint of provider '" + provider.name() + "'");
                    }
                }
            }
            providers.put(provider.name(), new Provider(provider));
        }
    }

    @Override
    public List<OpenIdProviderInfo> list() {
        return providers.values().stream().map(provider -> info(provider.settings)).toList();
    }

    @Override
    public Optional<OpenIdProviderInfo> find(String name) {
        return Optional.ofNullable(name == null ? null : providers.get(name)).map(provider -> info(provider.settings));
    }

    @Override
    public AuthorizationOutcome authorizationUrl(String name, String state, String nonce, String codeVerifier) {
        Provider provider = providers.get(name);
        if (provider == null) {
            return new ProviderRefusal(ErrorCode.UNKNOWN_PROVIDER, "no provider named '" + name + "'");
        }
        return authorizationUrl(provider, state, nonce, codeVerifier);
    }

    @Override
    public AuthorizationOutcome authorizationUrl(Connection connection, String state, String nonce, String codeVerifier) {
        try {
            return authorizationUrl(connection(connection), state, nonce, codeVerifier);
        } catch (ProviderUnavailable e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }

    @Override
    public RedeemOutcome redeem(Connection connection, String code, String codeVerifier, String nonce, String responseIssuer) {
        try {
            return redeem(connection(connection), code, codeVerifier, nonce, responseIssuer);
        } catch (ProviderUnavailable e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * A workspace's connection, as a provider: its settings are a tenant's, so its issuer must be a valid https URL and
     * (unless the operator allowed it) its hosts must not resolve to a loopback, private or link-local address, which
     * would let a workspace admin make Gatehouse call into its own network (SSRF). Discovery documents and keys are
     * cached per connection as for instance providers, until its settings change.
     */
    private Provider connection(Connection connection) throws ProviderUnavailable {
        URI issuer;
        try {
            issuer = new URI(connection.issuer());
            requireSafe(issuer, "the issuer");
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ProviderUnavailable("the connection's issuer is not an https URL: " + clip(connection.issuer()));
        }
        ProviderSettings settings = new ProviderSettings(connection.name(), connection.name(), issuer, connection.clientId(),
                connection.clientSecret(), connection.scopes(), connectionRules.allowedHosts());
        if (!connectionRules.privateAddresses()) {
            requirePublicAddress(issuer.getHost());
        }
        synchronized (connections) {
            Provider known = connections.get(connection.name());
            if (known == null || !known.settings.equals(settings)) {
                known = new Provider(settings);
                connections.put(connection.name(), known);
            }
            return known;
        }
    }

    /** Refuses a host any of whose addresses is not on the public internet. */
    private static void requirePublicAddress(String host) throws ProviderUnavailable {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new ProviderUnavailable("the issuer's host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            boolean uniqueLocal = address instanceof java.net.Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || address.isMulticastAddress() || uniqueLocal) {
                throw new ProviderUnavailable("the issuer's host " + host + " resolves to " + address.getHostAddress() + ", which is not a "
                        + "public address; the operator allows such issuers with GATEHOUSE_OIDC_CONNECTIONS_ALLOW_PRIVATE_ADDRESSES");
            }
        }
    }

    private AuthorizationOutcome authorizationUrl(Provider provider, String state, String nonce, String codeVerifier) {
        if (provider.settings.oauth2() != null) {
            return new AuthorizationUrl(oauth2.authorizationUrl(provider.settings, state, codeVerifier));
        }
        try {
            Discovered discovered = provider.discovered();
            AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    new Scope(provider.settings.scopes().toArray(String[]::new)), new ClientID(provider.settings.clientId()), callback)
                    .endpointURI(discovered.metadata.getAuthorizationEndpointURI())
                    .state(new State(state))
                    .nonce(new Nonce(nonce))
                    .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                    .build();
            return new AuthorizationUrl(request.toURI().toString());
        } catch (ProviderUnavailable e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }

    @Override
    public RedeemOutcome redeem(String name, String code, String codeVerifier, String nonce, String responseIssuer) {
        Provider provider = providers.get(name);
        if (provider == null) {
            return new ProviderRefusal(ErrorCode.UNKNOWN_PROVIDER, "the provider '" + name + "' is no longer configured");
        }
        return redeem(provider, code, codeVerifier, nonce, responseIssuer);
    }

    private RedeemOutcome redeem(Provider provider, String code, String codeVerifier, String nonce, String responseIssuer) {
        String issuer = provider.settings.issuer() == null ? null : provider.settings.issuer().toString();
        // RFC 9207: a provider that names itself in the answer must name the provider the request went to.
        if (responseIssuer != null && issuer != null && !responseIssuer.equals(issuer)) {
            return new ProviderRefusal(ErrorCode.OIDC_ISSUER_MISMATCH,
                    "the authorization response came with iss=" + responseIssuer + ", but the request went to " + issuer);
        }
        if (provider.settings.oauth2() != null) {
            return oauth2.redeem(provider.settings, code, codeVerifier);
        }
        try {
            Discovered discovered = provider.discovered();
            TokenRequest request = new TokenRequest(discovered.metadata.getTokenEndpointURI(), clientAuthentication(provider, discovered),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), callback, new CodeVerifier(codeVerifier)));
            TokenResponse response = OIDCTokenResponseParser.parse(http.send(request.toHTTPRequest()));
            if (!response.indicatesSuccess()) {
                var error = response.toErrorResponse().getErrorObject();
                return new ProviderRefusal(ErrorCode.OIDC_CODE_REFUSED, "the token endpoint refused the code: " + error.getCode()
                        + (error.getDescription() == null ? "" : " (" + clip(error.getDescription()) + ")"));
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            if (idToken == null) {
                return new ProviderRefusal(ErrorCode.OIDC_ID_TOKEN_INVALID, "the token response carries no id_token");
            }
            IDTokenClaimsSet claims;
            try {
                claims = discovered.validator.validate(idToken, new Nonce(nonce));
            } catch (BadJOSEException | JOSEException e) {
                return classify(idToken, e, issuer, provider.settings.clientId(), nonce);
            }
            return new Redeemed(identity(claims, discovered, tokens.getOIDCTokens().getBearerAccessToken()));
        } catch (ProviderUnavailable e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, e.getMessage());
        } catch (IOException | ParseException | ClassCastException e) {
            return new ProviderRefusal(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, "the token endpoint's answer was unusable: " + clip(e.getMessage()));
        }
    }

    /**
     * The person's identity: the ID token's subject, and their email from the ID token or, when the provider keeps
     * such claims for the UserInfo endpoint (as OpenID Connect Core 5.4 allows), from there, whose {@code sub} must
     * then be the ID token's (Core 5.3.2: otherwise the answer must not be used).
     */
    private OpenIdIdentity identity(IDTokenClaimsSet claims, Discovered discovered, BearerAccessToken accessToken)
            throws IOException, ParseException, ProviderUnavailable {
        String subject = claims.getSubject().getValue();
        String email = claims.getStringClaim("email");
        Boolean verified = claims.getBooleanClaim("email_verified");
        String name = claims.getStringClaim("name");
        if (email == null && accessToken != null && discovered.metadata.getUserInfoEndpointURI() != null) {
            UserInfoResponse response = UserInfoResponse.parse(http.send(new UserInfoRequest(discovered.metadata.getUserInfoEndpointURI(),
                    accessToken).toHTTPRequest()));
            if (!response.indicatesSuccess()) {
                throw new ProviderUnavailable("the UserInfo endpoint refused: " + response.toErrorResponse().getErrorObject().getCode());
            }
            UserInfo info = response.toSuccessResponse().getUserInfo();
            if (!subject.equals(info.getSubject().getValue())) {
                throw new ProviderUnavailable("the UserInfo answer is about another subject than the ID token");
            }
            email = info.getEmailAddress();
            verified = info.getEmailVerified();
            name = name != null ? name : info.getName();
        }
        return new OpenIdIdentity(subject, email, Boolean.TRUE.equals(verified), name);
    }

    /** Which check failed, in the words of a stable code; Nimbus's message says the rest. */
    private ProviderRefusal classify(JWT idToken, Exception failure, String issuer, String clientId, String nonce) {
        String message = clip(failure.getMessage());
        if (message.startsWith("Signed JWT rejected") || message.startsWith("Unsecured") || message.contains("algorithm")
                || failure instanceof JOSEException) {
            return new ProviderRefusal(ErrorCode.OIDC_ID_TOKEN_INVALID, "the ID token's signature was not accepted: " + message);
        }
        try {
            JWTClaimsSet claims = idToken.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return new ProviderRefusal(ErrorCode.OIDC_ISSUER_MISMATCH, "the ID token's iss is " + claims.getIssuer() + ", expected " + issuer);
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
                return new ProviderRefusal(ErrorCode.OIDC_AUDIENCE_MISMATCH, "the ID token's aud " + claims.getAudience()
                        + " does not contain this client (" + clientId + ")");
            }
            Date expires = claims.getExpirationTime();
            if (expires != null && expires.toInstant().plus(clockSkew).isBefore(clock.instant())) {
                return new ProviderRefusal(ErrorCode.OIDC_TOKEN_EXPIRED, "the ID token expired at " + expires.toInstant());
            }
            if (!nonce.equals(claims.getStringClaim("nonce"))) {
                return new ProviderRefusal(ErrorCode.OIDC_NONCE_MISMATCH, "the ID token's nonce is not the one this sign-in sent");
            }
        } catch (java.text.ParseException e) {
            return new ProviderRefusal(ErrorCode.OIDC_ID_TOKEN_INVALID, "the ID token is not a JWT: " + clip(e.getMessage()));
        }
        return new ProviderRefusal(ErrorCode.OIDC_ID_TOKEN_INVALID, "the ID token was refused: " + message);
    }

    private static ClientAuthentication clientAuthentication(Provider provider, Discovered discovered) {
        Secret secret = new Secret(provider.settings.clientSecret());
        ClientID id = new ClientID(provider.settings.clientId());
        List<ClientAuthenticationMethod> supported = discovered.metadata.getTokenEndpointAuthMethods();
        // client_secret_basic is the default (OpenID Connect Discovery 3); post only for a provider that offers nothing else.
        boolean postOnly = supported != null && !supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        return postOnly ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
    }

    private static OpenIdProviderInfo info(ProviderSettings settings) {
        return new OpenIdProviderInfo(settings.name(), settings.displayName(), settings.type());
    }

    /** https, or http on a loopback host (the same rule as for SAML URLs). */
    static void requireSafe(URI uri, String what) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException(what + " must be an https URL (or http on a loopback host): " + uri);
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String clip(String text) {
        String clean = text == null ? "" : text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }

    /**
     * The rules for workspaces' connections, which tenants configure: hosts besides each issuer's that their discovery
     * documents may name (for IdPs whose endpoints live elsewhere), and whether issuers may resolve to non-public
     * addresses (a test or an intranet IdP; off by default).
     */
    public record ConnectionRules(Set<String> allowedHosts, boolean privateAddresses) {
        public static final ConnectionRules STRICT = new ConnectionRules(Set.of(), false);

        public ConnectionRules {
            allowedHosts = Set.copyOf(allowedHosts);
        }
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetchedAt) {
    }

    private static final class ProviderUnavailable extends Exception {
        ProviderUnavailable(String message) {
            super(message);
        }
    }

    /** One provider: its settings and, once fetched, its discovery document and the validator built on it. */
    private final class Provider {
        private final ProviderSettings settings;
        private Discovered discovered;

        Provider(ProviderSettings settings) {
            this.settings = settings;
        }

        synchronized Discovered discovered() throws ProviderUnavailable {
            Instant now = clock.instant();
            if (discovered != null && discovered.fetchedAt.plus(metadataLifetime).isAfter(now)) {
                return discovered;
            }
            try {
                discovered = discover(now);
            } catch (ProviderUnavailable e) {
                if (discovered == null) {
                    throw e;
                }
                // The last good document keeps working through a provider's short outage.
            }
            return discovered;
        }

        private Discovered discover(Instant now) throws ProviderUnavailable {
            String issuer = settings.issuer().toString();
            URI location = URI.create(issuer.endsWith("/") ? issuer + ".well-known/openid-configuration"
                    : issuer + "/.well-known/openid-configuration");
            OIDCProviderMetadata metadata;
            try {
                var response = http.get(location);
                if (response.getStatusCode() != 200) {
                    throw new ProviderUnavailable("the discovery document at " + location + " answered HTTP " + response.getStatusCode());
                }
                metadata = OIDCProviderMetadata.parse(response.getBody());
            } catch (IOException | ParseException e) {
                throw new ProviderUnavailable("the discovery document at " + location + " is unusable: " + clip(e.getMessage()));
            }
            if (!issuer.equals(metadata.getIssuer().getValue())) {
                throw new ProviderUnavailable("the discovery document names issuer " + metadata.getIssuer() + ", not the configured " + issuer);
            }
            Set<String> hosts = new HashSet<>(settings.allowedHosts());
            hosts.add(settings.issuer().getHost());
            for (URI endpoint : new URI[] {metadata.getAuthorizationEndpointURI(), metadata.getTokenEndpointURI(), metadata.getJWKSetURI()}) {
                if (endpoint == null) {
                    throw new ProviderUnavailable("the discovery document lacks the authorization, token or JWKS endpoint");
                }
                checkEndpoint(endpoint, hosts);
            }
            if (metadata.getUserInfoEndpointURI() != null) {
                checkEndpoint(metadata.getUserInfoEndpointURI(), hosts);
            }
            Set<JWSAlgorithm> algorithms = new HashSet<>(ASYMMETRIC);
            if (metadata.getIDTokenJWSAlgs() != null) {
                algorithms.retainAll(metadata.getIDTokenJWSAlgs());
            }
            if (algorithms.isEmpty()) {
                algorithms.add(JWSAlgorithm.RS256);
            }
            try {
                var keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(), http).build();
                IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID(settings.clientId()),
                        new JWSVerificationKeySelector<>(algorithms, keys), null);
                validator.setMaxClockSkew((int) clockSkew.toSeconds());
                return new Discovered(metadata, validator, now);
            } catch (java.net.MalformedURLException e) {
                throw new ProviderUnavailable("the JWKS URI is not a URL: " + metadata.getJWKSetURI());
            }
        }

        private static void checkEndpoint(URI endpoint, Set<String> hosts) throws ProviderUnavailable {
            try {
                requireSafe(endpoint, "an endpoint");
            } catch (IllegalArgumentException e) {
                throw new ProviderUnavailable("the discovery document points at " + endpoint + ": endpoints must be https (or http on loopback)");
            }
            if (!hosts.contains(endpoint.getHost())) {
                throw new ProviderUnavailable("the discovery document points at " + endpoint + ", which is not on the issuer's host; an "
                        + "operator may allow the host with allowed-hosts");
            }
        }
    }
}
