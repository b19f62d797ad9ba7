package io.gatehouse.api.security;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.UUID;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The workspace scope of an API token, decided once for every route: a token scoped to one workspace
 * that names another in {@code /api/v1/workspaces/{wid}/...} gets 404, as a non-member would (API.md: a
 * resource in another tenant is 404, never 403), before any controller runs. Runs after the security
 * filter, which has authenticated the request; {@link WorkspaceScopedTokenRule} keeps such a token
 * out of everything personal.
 */
@Filter("/api/v1/workspaces/**")
final class WorkspaceScopeFilter implements HttpServerFilter {

    private static final String PREFIX = "/api/v1/workspaces/";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Object> scope = request.getUserPrincipal(Authentication.class).map(a -> a.getAttributes().get(Caller.WORKSPACE_SCOPE));
        if (scope.isPresent() && !workspaceOf(request.getPath()).map(scope.get().toString()::equals).orElse(true)) {
            return Mono.just(Problems.response(ErrorCode.NOT_FOUND, "no such workspace"));
        }
        return chain.proceed(request);
    }

    /** The {@code wid} a path names, when it is a workspace's resource. */
    static Optional<String> workspaceOf(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String wid = slash < 0 ? rest : rest.substring(0, slash);
        try {
            return Optional.of(UUID.fromString(wid).toString());
        } catch (IllegalArgumentException e) {
            return Optional.of(wid);
        }
    }
}
