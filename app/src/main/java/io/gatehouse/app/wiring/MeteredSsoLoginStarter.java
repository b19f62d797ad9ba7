package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSsoLoginUseCase;

/** Counts the protocol-neutral SSO starts refused by a limit, as the SAML starter's are. */
final class MeteredSsoLoginStarter implements StartSsoLoginUseCase {

    private final StartSsoLoginUseCase delegate;
    private final SsoMetrics sso;

    MeteredSsoLoginStarter(StartSsoLoginUseCase delegate, SsoMetrics sso) {
        this.delegate = delegate;
        this.sso = sso;
    }

    @Override
    public StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller, String browserSecret) {
        return counted(delegate.startLogin(email, client, state, redirect, caller, browserSecret));
    }

    @Override
    public StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller, String browserSecret) {
        return counted(delegate.startForWorkspace(workspace, redirect, caller, browserSecret));
    }

    private StartOutcome counted(StartOutcome outcome) {
        if (outcome instanceof SsoThrottled throttled) {
            sso.throttled(throttled.limit());
        }
        return outcome;
    }
}
