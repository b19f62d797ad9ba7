package io.gatehouse.api.security;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.in.TokenUseCase;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates {@code Authorization: Bearer} (RFC 6750 2.1): an opaque API token when it carries
 * the API-token prefix, otherwise an access JWT. Both checks consult the database (token state,
 * family revocation), so they run on the blocking executor.
 */
@Singleton
final class BearerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final int MAX_HEADER_LENGTH = 8192;
    private final TokenUseCase tokens;
    private final ApiTokenUseCase apiTokens;
    private final Scheduler blocking;

    BearerAuthenticationFetcher(TokenUseCase tokens, ApiTokenUseCase apiTokens,
                                @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.tokens = tokens;
        this.apiTokens = apiTokens;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() > MAX_HEADER_LENGTH || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Publishers.empty();
        }
        String token = header.substring(7).strip();
        return Mono.fromCallable(() -> authenticate(token)).subscribeOn(blocking);
    }

    private Authentication authenticate(String token) {
        if (token.startsWith(ApiToken.PREFIX)) {
            return apiTokens.authenticate(token).map(Caller::fromApiToken).orElse(null);
        }
        return tokens.verify(token).map(Caller::fromAccessToken).orElse(null);
    }
}
