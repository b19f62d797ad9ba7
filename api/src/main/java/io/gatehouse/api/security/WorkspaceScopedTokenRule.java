package io.gatehouse.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A workspace-scoped API token is valid only for that workspace's resources: it may read who it
 * belongs to ({@code GET /api/v1/me}) and use {@code /api/v1/workspaces/...}; everything personal
 * (creating personal tokens, password change, developer keys, sessions, administration) is 403.
 * Another workspace's resources answer 404 in the controllers, as for any non-member.
 * Runs before the {@code @Secured} rule so it can refuse what that rule would allow.
 */
@Singleton
final class WorkspaceScopedTokenRule implements SecurityRule<HttpRequest<?>> {

    private static final String WORKSPACES = "/api/v1/workspaces/";

    @Override
    public int getOrder() {
        return -1000;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null || authentication == null || !authentication.getAttributes().containsKey(Caller.WORKSPACE_SCOPE)) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        String path = request.getPath();
        boolean allowed = path.startsWith(WORKSPACES)
                || (request.getMethod() == HttpMethod.GET && path.equals("/api/v1/me"));
        return Mono.just(allowed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
    }
}
