package io.gatehouse.app.wiring;

import io.gatehouse.crypto.MasterKey;
import io.gatehouse.crypto.SealedSpPrivateKeys;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SsoLimits;
import io.gatehouse.domain.port.in.ConsumeSamlResponseUseCase;
import io.gatehouse.domain.port.in.EnableSsoUseCase;
import io.gatehouse.domain.port.in.ExternalAccountsUseCase;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.AuthnRequestEncoder;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.OpenIdProviders;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SamlResponseReader;
import io.gatehouse.domain.port.out.SpPrivateKeys;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.service.AssertionConsumer;
import io.gatehouse.domain.service.AttemptLimiter;
import io.gatehouse.domain.service.ExternalAccountService;
import io.gatehouse.domain.service.FederatedLogin;
import io.gatehouse.domain.service.IdentityLinker;
import io.gatehouse.domain.service.PasswordAuthenticator;
import io.gatehouse.domain.service.ResponseCorrelation;
import io.gatehouse.domain.service.SamlLoginStarter;
import io.gatehouse.domain.service.SessionIssuer;
import io.gatehouse.domain.service.SsoAttemptGuard;
import io.gatehouse.domain.service.SsoLinkConfirmationService;
import io.gatehouse.domain.service.UnverifiedAccountTakeover;
import io.gatehouse.saml.OpenSamlAuthnRequestEncoder;
import io.gatehouse.saml.OpenSamlResponseReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;
import io.gatehouse.domain.service.OidcLoginService;
import io.gatehouse.domain.service.SsoLoginRouter;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** SAML login (AuthnRequest, ACS, link confirmation) and external accounts, over the OpenSAML adapters. */
@Factory
class SamlLoginFactory {

    @Singleton
    SpPrivateKeys spPrivateKeys(MasterKey masterKey) {
        return new SealedSpPrivateKeys(masterKey);
    }

    @Singleton
    AuthnRequestEncoder authnRequestEncoder(SpPrivateKeys keys, Clock clock) {
        return new OpenSamlAuthnRequestEncoder(keys, clock);
    }

    @Singleton
    SamlResponseReader samlResponseReader(SpPrivateKeys keys, Clock clock) {
        return new OpenSamlResponseReader(keys, clock);
    }

    @Singleton
    SsoAttemptGuard ssoAttemptGuard(AttemptLimiter limiter, PendingSamlRequests pending, SsoEvents events, SsoLimits limits,
                                    MeterRegistry registry, Clock clock) {
        return new SsoAttemptGuard(limiter, pending, new MeteredSsoEvents(events, registry), limits, clock);
    }

    /** The starter itself, for the protocol-neutral {@link SsoLoginRouter}; everything else gets the metered one. */
    @Singleton
    SamlLoginStarter samlLoginStarter(SsoConfigurations configurations, PendingSamlRequests pending, ExternalIdentities identities,
                                      AuthnRequestEncoder encoder, SsoAttemptGuard guard, PublicUrl publicUrl, SamlPolicy policy,
                                      SecureRandom random, Clock clock) {
        return new SamlLoginStarter(configurations, pending, identities, encoder, guard, publicUrl, policy, random, clock);
    }

    @Singleton
    @Primary
    StartSamlLoginUseCase startSamlLogin(SamlLoginStarter starter, SsoMetrics sso) {
        return new MeteredSamlLoginStarter(starter, sso);
    }

    @Singleton
    StartSsoLoginUseCase startSsoLogin(SsoConfigurations configurations, SamlLoginStarter saml, OidcLoginService oidc, SsoAttemptGuard guard,
                                       SsoMetrics sso) {
        return new MeteredSsoLoginStarter(new SsoLoginRouter(configurations, saml, oidc, guard), sso);
    }

    @Singleton
    IdentityLinker identityLinker(ExternalIdentities identities, Memberships memberships, Users users, Clock clock) {
        return new IdentityLinker(identities, memberships, users, clock);
    }

    @Singleton
    ResponseCorrelation responseCorrelation(PendingSamlRequests pending, AssertionReplayCache replayCache, SamlPolicy policy, Clock clock) {
        return new ResponseCorrelation(pending, replayCache, policy, clock);
    }

    @Singleton
    FederatedLogin federatedLogin(ExternalIdentities identities, Users users, IdentityLinker linker, SessionIssuer sessions,
                                  LinkConfirmations confirmations, UnverifiedAccountTakeover takeover, SsoEvents events, SamlPolicy policy,
                                  SecureRandom random, Clock clock) {
        return new FederatedLogin(identities, users, linker, sessions, confirmations, takeover, events, policy, random, clock);
    }

    @Singleton
    ConsumeSamlResponseUseCase assertionConsumer(SsoConfigurations configurations, SamlResponseReader reader,
                                                 ResponseCorrelation correlation, FederatedLogin federatedLogin, SsoEvents events,
                                                 SsoAttemptGuard guard, Transactions transactions, PublicUrl publicUrl, SamlPolicy policy,
                                                 LoginMetrics logins, TokenMetrics tokens, SsoMetrics sso, Clock clock) {
        return new MeteredSamlLogin(new AssertionConsumer(configurations, reader, correlation, federatedLogin, events, guard, transactions,
                publicUrl, policy, clock), logins, tokens, sso);
    }

    @Singleton
    EnableSsoUseCase enableSso(LinkConfirmations confirmations, Users users, SsoConfigurations configurations,
                               ExternalIdentities identities, IdentityLinker linker, PasswordAuthenticator passwords,
                               SessionIssuer sessions, SsoEvents events, Transactions transactions, LoginMetrics logins,
                               TokenMetrics tokens, Clock clock) {
        return new MeteredEnableSso(new SsoLinkConfirmationService(confirmations, users, configurations, identities, linker,
                passwords, sessions, events, transactions, clock), logins, tokens);
    }

    @Singleton
    ExternalAccountsUseCase externalAccounts(ExternalIdentities identities, Users users, Transactions transactions, Memberships memberships,
                                             SsoConfigurations configurations, OpenIdProviders providers) {
        return new ExternalAccountService(identities, users, transactions, memberships, configurations, providers);
    }
}
