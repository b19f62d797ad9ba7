package io.gatehouse.app.wiring;

import io.gatehouse.app.config.OidcProperties;
import io.gatehouse.app.config.OidcProviderProperties;
import io.gatehouse.app.config.OidcProviderVariables;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.OpenIdProviders;
import io.gatehouse.domain.port.out.PendingOidcLogins;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.service.IdentityLinker;
import io.gatehouse.domain.service.OidcLoginService;
import io.gatehouse.domain.service.SessionIssuer;
import io.gatehouse.domain.service.SsoAttemptGuard;
import io.gatehouse.domain.service.UnverifiedAccountTakeover;
import io.gatehouse.oidc.NimbusOpenIdProviders;
import io.gatehouse.oidc.ProviderSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.gatehouse.domain.port.out.SecretSealer;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.service.FederatedLogin;
import io.gatehouse.domain.service.WorkspaceConnections;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The instance's external OpenID Connect providers, over the Nimbus adapter. */
@Factory
class OidcLoginFactory {

    /** Lower-case, as in the environment variable's part; never mistaken for {@code saml:{wid}} or {@code oidc:{wid}}. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** Built eagerly ({@code @Context}) so that a provider configured wrongly stops start-up instead of a sign-in. */
    @Context
    OpenIdProviders openIdProviders(List<OidcProviderProperties> providers, OidcProperties properties, PublicUrl publicUrl, Clock clock) {
        // Configuration files (and system properties) first; an environment variable of the same provider wins.
        Map<String, OidcProviderProperties> byName = new LinkedHashMap<>();
        providers.stream().filter(OidcLoginFactory::configured).forEach(provider -> byName.put(provider.name(), provider));
        OidcProviderVariables.read(System.getenv()).forEach(provider -> byName.put(provider.name(), provider));
        List<ProviderSettings> settings = byName.values().stream().map(OidcLoginFactory::settings).toList();
        NimbusOpenIdProviders.ConnectionRules rules = new NimbusOpenIdProviders.ConnectionRules(
                new HashSet<>(properties.connectionsAllowedHosts()), properties.connectionsAllowPrivateAddresses());
        return new NimbusOpenIdProviders(settings, rules, URI.create(publicUrl.resolve(io.gatehouse.domain.port.in.SsoConfigurationUseCase.OIDC_CALLBACK_PATH)), properties.connectTimeout(),
                properties.readTimeout(), properties.maxResponseBytes(), properties.clockSkew(), properties.metadataLifetime(), clock);
    }

    /** The service itself, for the protocol-neutral SSO start; everything else gets the metered one. */
    @Singleton
    OidcLoginService oidcLoginService(OpenIdProviders providers, PendingOidcLogins logins, ExternalIdentities identities, Users users,
                                      LinkConfirmations confirmations, IdentityLinker linker, UnverifiedAccountTakeover takeover,
                                      SessionIssuer sessions, SsoAttemptGuard guard, SsoConfigurations configurations, SecretSealer sealer,
                                      FederatedLogin federatedLogin, SsoEvents events, Transactions transactions, OidcProperties properties,
                                      SecureRandom random, Clock clock) {
        WorkspaceConnections workspaces = new WorkspaceConnections(configurations, sealer, federatedLogin, events, guard, transactions, clock);
        return new OidcLoginService(providers, logins, identities, users, confirmations, linker, takeover, sessions, guard, workspaces,
                transactions, properties.flowLifetime(), properties.confirmationLifetime(), random, clock);
    }

    @Singleton
    @Primary
    OidcLoginUseCase oidcLogin(OidcLoginService service, LoginMetrics loginMetrics, TokenMetrics tokenMetrics, SsoMetrics ssoMetrics) {
        return new MeteredOidcLogin(service, loginMetrics, tokenMetrics, ssoMetrics);
    }

    /**
     * Whether an entry is a provider someone configured, rather than a by-product of Micronaut's reading of environment
     * variables ({@code ..._CORP_OKTA_ISSUER} also reads as a provider {@code corp} with an {@code okta.issuer});
     * {@link OidcProviderVariables} reads the variables themselves.
     */
    private static boolean configured(OidcProviderProperties p) {
        return p.issuer() != null || p.clientId() != null || p.clientSecret() != null || p.authorizationEndpoint() != null;
    }

    /** A provider's settings, refused at start-up when incomplete: a typo must not leave a sign-in button that fails. */
    private static ProviderSettings settings(OidcProviderProperties p) {
        String where = "gatehouse.oidc.providers." + p.name();
        if (!NAME.matcher(p.name()).matches()) {
            throw new ConfigurationException(where + ": a provider name is 1 to 32 lower-case letters, digits and dashes");
        }
        if (!"oidc".equals(p.type()) && !"oauth2".equals(p.type())) {
            throw new ConfigurationException(where + ".type: 'oidc' or 'oauth2'");
        }
        boolean oauth2 = "oauth2".equals(p.type());
        if ((!oauth2 && p.issuer() == null) || p.clientId() == null || p.clientSecret() == null) {
            throw new ConfigurationException(where + ": " + (oauth2 ? "" : "issuer, ") + "client-id and client-secret are required");
        }
        if (oauth2 && (p.authorizationEndpoint() == null || p.tokenEndpoint() == null || p.userinfoEndpoint() == null)) {
            throw new ConfigurationException(where + ": an oauth2 provider needs authorization-endpoint, token-endpoint and userinfo-endpoint");
        }
        if (!p.tokenEndpointAuthMethod().equals("client_secret_basic") && !p.tokenEndpointAuthMethod().equals("client_secret_post")) {
            throw new ConfigurationException(where + ".token-endpoint-auth-method: client_secret_basic or client_secret_post");
        }
        try {
            ProviderSettings.OAuth2 endpoints = oauth2 ? new ProviderSettings.OAuth2(URI.create(p.authorizationEndpoint()),
                    URI.create(p.tokenEndpoint()), URI.create(p.userinfoEndpoint()), p.emailsEndpoint() == null ? null
                    : URI.create(p.emailsEndpoint()), p.idField(), p.emailField(), p.emailVerifiedField(),
                    p.tokenEndpointAuthMethod().equals("client_secret_post")) : null;
            return new ProviderSettings(p.name(), p.displayName(), p.issuer() == null ? null : URI.create(p.issuer()), p.clientId(),
                    p.clientSecret(), Arrays.stream(p.scopes().trim().split("[\\s,]+")).filter(scope -> !scope.isEmpty()).toList(),
                    new HashSet<>(p.allowedHosts() == null ? List.of() : p.allowedHosts()), endpoints);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + ": " + e.getMessage());
        }
    }
}
