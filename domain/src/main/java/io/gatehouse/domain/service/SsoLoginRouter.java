package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.OidcLoginUseCase;
import io.gatehouse.domain.port.in.SsoRefused;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;
import io.gatehouse.domain.port.out.SsoConfigurations;
import java.util.Optional;

/**
 * Email-first SSO for both protocols: finds the workspace by the email's verified domain (as the SAML start always
 * did), then hands the start to {@link SamlLoginStarter} or to {@link OidcLoginService} by the workspace's protocol.
 */
public final class SsoLoginRouter implements StartSsoLoginUseCase {

    private final SsoConfigurations configurations;
    private final SamlLoginStarter saml;
    private final OidcLoginService oidc;
    private final SsoAttemptGuard guard;

    public SsoLoginRouter(SsoConfigurations configurations, SamlLoginStarter saml, OidcLoginService oidc, SsoAttemptGuard guard) {
        this.configurations = configurations;
        this.saml = saml;
        this.oidc = oidc;
        this.guard = guard;
    }

    @Override
    public StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller, String browserSecret) {
        Optional<Email> parsed = Email.parse(email);
        if (parsed.isEmpty()) {
            return new SsoRefused(ErrorCode.INVALID_EMAIL, "email is not a valid email address");
        }
        // Counted whether or not the domain has SSO, so that the limit says nothing about which domains do.
        Optional<SsoThrottled> throttled = guard.admitStart(caller.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return configurations.findByVerifiedDomain(parsed.get().domain()).filter(SsoConfiguration::enabled)
                .map(configuration -> send(configuration, client, state, redirect, browserSecret, caller))
                .orElseGet(() -> new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED,
                        "no workspace has SSO enabled for this email domain (or its ownership is not verified)"));
    }

    @Override
    public StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller, String browserSecret) {
        Optional<SsoThrottled> throttled = guard.admitStart(caller.ip());
        if (throttled.isPresent()) {
            return throttled.get();
        }
        return configurations.find(workspace).filter(SsoConfiguration::enabled)
                .map(configuration -> send(configuration, null, null, redirect, browserSecret, caller))
                .orElseGet(() -> new SsoRefused(ErrorCode.SSO_NOT_CONFIGURED, "SSO is not enabled for this workspace"));
    }

    private StartOutcome send(SsoConfiguration configuration, String client, String state, String redirect, String browserSecret,
                              ClientInfo caller) {
        return switch (configuration.protocol()) {
            case SAML -> switch (saml.send(configuration, null, client, state, redirect)) {
                case StartSamlLoginUseCase.SendToIdp idp -> new SendToSso(idp.url(), null);
                case SsoRefused refused -> refused;
                case SsoThrottled throttled -> throttled;
            };
            case OIDC -> switch ((OidcLoginUseCase.StartOutcome) oidc.sendToWorkspace(configuration, null, client, state, redirect,
                    browserSecret, caller)) {
                case OidcLoginUseCase.SendToProvider provider -> new SendToSso(provider.url(), provider.browserSecret());
                case SsoRefused refused -> refused;
                case SsoThrottled throttled -> throttled;
            };
        };
    }
}
