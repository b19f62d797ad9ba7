package io.gatehouse.api.session;

import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.Session;
import io.gatehouse.domain.model.SessionId;
import io.gatehouse.domain.port.in.ManageSessionsUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/me/sessions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sessions")
class MySessionsController {

    private final ManageSessionsUseCase sessions;

    MySessionsController(ManageSessionsUseCase sessions) {
        this.sessions = sessions;
    }

    @Serdeable
    record SessionResponse(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String ip,
                           String userAgent, String authMethod, boolean current) {
    }

    @Get
    @Operation(summary = "The caller's active sessions, newest first; `current` marks this one")
    List<SessionResponse> list(@CurrentCaller Caller caller) {
        return sessions.list(caller.userId(), caller.sessionId().orElse(null)).stream()
                .map(view -> toResponse(view.session(), view.current()))
                .toList();
    }

    @Delete("/{id}")
    @Operation(summary = "Revoke one of the caller's sessions; 204 also when it does not exist")
    HttpResponse<?> revoke(@CurrentCaller Caller caller, @PathVariable UUID id) {
        sessions.revoke(caller.userId(), new SessionId(id));
        return HttpResponse.noContent();
    }

    @Delete
    @Operation(summary = "Revoke the current session")
    HttpResponse<?> revokeCurrent(@CurrentCaller Caller caller) {
        caller.sessionId().ifPresent(current -> sessions.revoke(caller.userId(), current));
        return HttpResponse.noContent();
    }

    private static SessionResponse toResponse(Session session, boolean current) {
        return new SessionResponse(session.id().value(), session.createdAt(), session.lastSeenAt(), session.expiresAt(),
                session.ip(), session.userAgent(), session.authMethod().wireName(), current);
    }
}
