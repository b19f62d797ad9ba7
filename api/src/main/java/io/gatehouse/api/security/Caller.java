package io.gatehouse.api.security;

import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase.ApiTokenPrincipal;
import io.gatehouse.domain.port.in.SessionPrincipal;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated caller as controllers see it, read back from Micronaut's {@link Authentication}.
 * {@code sessionId} is the browser session or JWT family; {@code workspaceScope} is set for an API
 * token scoped to one workspace, which may then reach nothing outside that workspace.
 */
public record Caller(UserId userId, Optional<SessionId> sessionId, Optional<WorkspaceId> workspaceScope) {

    static final String SESSION_ID = "gatehouse.session_id";
    static final String WORKSPACE_SCOPE = "gatehouse.workspace_scope";

    public static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return new Caller(new UserId(UUID.fromString(authentication.getName())),
                uuid(attributes, SESSION_ID).map(SessionId::new),
                uuid(attributes, WORKSPACE_SCOPE).map(WorkspaceId::new));
    }

    /**
     * Whether this caller may act in the workspace at all (a scoped token only in its own). Routes under
     * {@code /api/v1/workspaces/{wid}} need not ask: WorkspaceScopeFilter decided it before them.
     */
    public boolean mayReach(WorkspaceId workspace) {
        return workspaceScope.map(workspace::equals).orElse(true);
    }

    static Authentication fromSession(SessionPrincipal principal) {
        return Authentication.build(principal.user().id().toString(), List.of(),
                Map.of(SESSION_ID, principal.session().id().toString()));
    }

    static Authentication fromAccessToken(UUID subject, UUID family) {
        return Authentication.build(subject.toString(), List.of(), Map.of(SESSION_ID, family.toString()));
    }

    static Authentication fromApiToken(ApiTokenPrincipal principal) {
        Map<String, Object> attributes = principal.token().workspaceId() == null
                ? Map.of() : Map.of(WORKSPACE_SCOPE, principal.token().workspaceId().toString());
        return Authentication.build(principal.user().id().toString(), List.of(), attributes);
    }

    private static Optional<UUID> uuid(Map<String, Object> attributes, String key) {
        Object value = attributes.get(key);
        return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.toString()));
    }
}
