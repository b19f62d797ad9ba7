package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ClientInfo;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.in.StartSamlLoginUseCase;

/** Counts SSO starts refused by a limit ({@code gatehouse_sso_throttled_total{limit}}). */
final class MeteredSamlLoginStarter implements StartSamlLoginUseCase {

    private final StartSamlLoginUseCase delegate;
    private final SsoMetrics sso;

    MeteredSamlLoginStarter(StartSamlLoginUseCase delegate, SsoMetrics sso) {
        this.delegate = delegate;
        this.sso = sso;
    }

    @Override
    public StartOutcome startLogin(String email, String client, String state, String redirect, ClientInfo caller) {
        return counted(delegate.startLogin(email, client, state, redirect, caller));
    }

    @Override
    public StartOutcome startLink(UserId user, String providerName, String redirect) {
        return counted(delegate.startLink(user, providerName, redirect));
    }

    @Override
    public StartOutcome startForWorkspace(WorkspaceId workspace, String redirect, ClientInfo caller) {
        return counted(delegate.startForWorkspace(workspace, redirect, caller));
    }

    private StartOutcome counted(StartOutcome outcome) {
        if (outcome instanceof SsoThrottled throttled) {
            sso.throttled(throttled.limit());
        }
        return outcome;
    }
}
