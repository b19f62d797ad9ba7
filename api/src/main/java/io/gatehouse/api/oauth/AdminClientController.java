package io.gatehouse.api.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatehouse.api.problem.ProblemDetails;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.Caller;
import io.gatehouse.api.security.CurrentCaller;
import io.gatehouse.domain.model.OAuthClient;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientDeleted;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientList;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientOutcome;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientRegistration;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientRejected;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.ClientView;
import io.gatehouse.domain.port.in.OAuthClientAdministrationUseCase.Registered;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Instance admins register the applications that sign people in with Gatehouse as their OpenID Provider. */
@Controller("/api/v1/admin/clients")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "OpenID Provider")
class AdminClientController {

    private final OAuthClientAdministrationUseCase clients;

    AdminClientController(OAuthClientAdministrationUseCase clients) {
        this.clients = clients;
    }

    @Serdeable
    record ClientBody(@Nullable @Size(max = OAuthClient.MAX_NAME_LENGTH) String name,
                      @Nullable @Size(max = OAuthClient.MAX_REDIRECT_URIS) List<@Size(max = OAuthClient.MAX_URI_LENGTH) String> redirectUris,
                      @Nullable @Size(max = OAuthClient.MAX_REDIRECT_URIS) List<@Size(max = OAuthClient.MAX_URI_LENGTH) String> postLogoutRedirectUris,
                      @Nullable @Size(max = 16) String type,
                      @Nullable @Size(max = 10) List<@Size(max = 32) String> allowedScopes) {
    }

    /** A client as the API shows it; {@code clientSecret} only in the answer that registered it. */
    @Serdeable
    record ClientResponse(String clientId, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String clientSecret, String name, String type, List<String> redirectUris,
                          List<String> postLogoutRedirectUris, List<String> allowedScopes, Instant createdAt) {

        static ClientResponse of(OAuthClient c, @Nullable String secret) {
            return new ClientResponse(c.clientId(), secret, c.name(), c.type().wireName(), c.redirectUris(), c.postLogoutRedirectUris(),
                    c.allowedScopes().stream().sorted().toList(), c.createdAt());
        }

        @Override
        public String toString() {
            return "ClientResponse[clientId=" + clientId + ", secret=redacted]";
        }
    }

    @Post
    @Operation(summary = "Register an application: 201 with client_id and, for a confidential client, client_secret (shown once)")
    HttpResponse<?> register(@CurrentCaller Caller caller, @Valid @Body ClientBody body) {
        return respond(clients.register(caller.userId(), new ClientRegistration(body.name(), body.redirectUris(), body.postLogoutRedirectUris(),
                body.type(), body.allowedScopes())));
    }

    @Get
    @Operation(summary = "The registered applications")
    HttpResponse<?> list(@CurrentCaller Caller caller) {
        return respond(clients.list(caller.userId()));
    }

    @Get("/{clientId}")
    HttpResponse<?> get(@CurrentCaller Caller caller, @PathVariable String clientId) {
        return respond(clients.get(caller.userId(), clientId));
    }

    @Delete("/{clientId}")
    @Operation(summary = "Remove an application: its codes and token families stop working at once")
    HttpResponse<?> delete(@CurrentCaller Caller caller, @PathVariable String clientId) {
        return respond(clients.delete(caller.userId(), clientId));
    }

    private static HttpResponse<?> respond(ClientOutcome outcome) {
        return switch (outcome) {
            case Registered registered -> HttpResponse.status(HttpStatus.CREATED).body(ClientResponse.of(registered.client(), registered.secret()));
            case ClientView view -> HttpResponse.ok(ClientResponse.of(view.client(), null));
            case ClientList list -> HttpResponse.ok(list.clients().stream().map(client -> ClientResponse.of(client, null)).toList());
            case ClientDeleted deleted -> HttpResponse.noContent();
            case ClientRejected rejected -> Problems.response(rejected.code(), rejected.detail(), rejected.fields().isEmpty() ? null
                    : rejected.fields().stream().map(problem -> new ProblemDetails.FieldError(problem.field(), problem.message())).toList());
        };
    }
}
