package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SpEndpoints;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.out.AuthnRequestEncoder;
import io.gatehouse.domain.port.out.ExternalIdentities;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SsoConfigurations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a browser to its workspace's IdP with an AuthnRequest, and remembers the request in the
 * database: its id (which the response's InResponseTo must name), what the login was started with,
 * and the opaque RelayState (SAML bindings 3.4.3: at most 80 bytes, and never the redirect target
 * itself, which an attacker could then choose).
 */
public final class SamlLoginStarter implements StartSamlLoginUseCase {

    private final SsoConfigurations configurations;
    private final PendingSamlRequests pending;
    private final ExternalIdentities identities;
    private final AuthnRequestEncoder encoder;
    private final SsoAttemptGuard guard;
    private final PublicUrl publicUrl;
    private final SamlPolicy policy;
    private final SecureRandom random;
    private final Clock clock;

    public SamlLoginStarter(SsoConfigurations configurations, PendingSamlRequests pending, ExternalIdentities identities,
                            AuthnRequestEncoder encoder, SsoAttemptGuard guard, PublicUrl publicUrl, SamlPolicy policy,
                            SecureRandom random, Clock clock) {
        this.configurations = configurations;
        this.pending = pending;
        this.identities = identities;
        this.encoder = encoder;
        this.guard = guard;
        this.publicUrl = publicUrl;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller) {
        Optional<Email> parsed = Email.parse(email);
        if (parsed.isEmpty()) {
            return new SsoRefused(ErrorCode.INVALID_EMAIL, "email is not a valid email address");
        }
        // Counted whether or not the domain has SSO, so that the limit says nothing about which domains do.
        Optional<SsoThrottled> throttled = guard.admitStart(caller.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return configurations.findByVerifiedDomain(parsed.get().domain())
                .filter(SsoConfiguration::enabled).filter(SamlLoginStarter::speaksSaml)
                .<StartOutcome>map(configuration -> send(configuration, null, client, state, redirect))
                .orElseGet(() -> new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "no workspace has SSO enabled for this email domain (or its ownership is not verified)"));
    }

    @Override
    public StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller) {
        Optional<SsoThrottled> throttled = guard.admitStart(caller.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return configurations.find(workspace).filter(SsoConfiguration::enabled).filter(SamlLoginStarter::speaksSaml)
                .<StartOutcome>map(configuration -> send(configuration, null, null, null, redirect))
                .orElseGet(() -> new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "SSO is not enabled for this workspace"));
    }

    @Override
    public StartOutcome startLink(UserId user, String providerName, String redirect) {
        Optional<SsoConfiguration> configuration = samlWorkspace(providerName).flatMap(configurations::find)
                .filter(SsoConfiguration::enabled).filter(SamlLoginStarter::speaksSaml);
        if (configuration.isEmpty()) {
            return new SsoRefused(ErrorCode.UNKNOWN_PROVIDER, "no provider named '" + providerName + "' is available");
        }
        if (identities.findForUser(user, providerName).isPresent()) {
            return new SsoRefused(ErrorCode.ALREADY_LINKED, "this account is already linked to " + providerName);
        }
        return send(configuration.get(), user, null, null, redirect);
    }

    /** {@code saml:{workspace id}} names a workspace's IdP; anything else names no provider. */
    static Optional<WorkspaceId> samlWorkspace(String providerName) {
        if (providerName == null || !providerName.startsWith(ExternalIdentity.SAML_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkspaceId(UUID.fromString(providerName.substring(ExternalIdentity.SAML_PREFIX.length()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean speaksSaml(SsoConfiguration configuration) {
        return configuration.protocol() == SsoProtocol.SAML;
    }

    /** Sends the browser to the workspace's SAML IdP (found by the caller, who also limited the start). */
    StartOutcome send(SsoConfiguration configuration, UserId linkingUser, String client, String state, String redirect) {
        WorkspaceId workspace = configuration.workspaceId();
        Optional<SsoThrottled> full = guard.admitPendingRequest(workspace);
        if (full.isPresent()) {
            return full.get();
        }
        // SAML core 1.3.4: an ID must be unguessable (>= 128 bits) and an xs:ID, so it starts with a letter.
        byte[] idBytes = new byte[20];
        random.nextBytes(idBytes);
        String requestId = "id" + HexFormat.of().formatHex(idBytes);
        byte[] relayBytes = new byte[24];
        random.nextBytes(relayBytes);
        String relayState = Base64.getUrlEncoder().withoutPadding().encodeToString(relayBytes);
        Instant now = clock.instant();
        pending.insert(new PendingSamlRequest(requestId, workspace, relayState, linkingUser, client, state, redirect, now,
                now.plus(policy.requestLifetime())));
        SpEndpoints sp = SpEndpoints.of(publicUrl, workspace);
        return new SendToIdp(encoder.redirectUrl(configuration, requestId, relayState, sp.entityId(), sp.acsUrl()));
    }
}
