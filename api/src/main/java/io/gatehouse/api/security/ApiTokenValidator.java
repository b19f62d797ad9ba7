package io.gatehouse.api.security;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Opaque API tokens as a micronaut-security token validator, next to micronaut-security-jwt's: the
 * framework's bearer reader takes the token from {@code Authorization: Bearer} (RFC 6750 2.1) and asks
 * every validator. A token with the API-token prefix is ours (never a JWT); anything else is left to
 * the JWT validator. The check reads the database, so it runs on the blocking executor.
 */
@Singleton
final class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiTokenUseCase apiTokens;
    private final Scheduler blocking;

    ApiTokenValidator(ApiTokenUseCase apiTokens, @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.apiTokens = apiTokens;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!token.startsWith(ApiToken.PREFIX)) {
            return Publishers.empty();
        }
        return Mono.fromCallable(() -> apiTokens.authenticate(token).map(Caller::fromApiToken).orElse(null)).subscribeOn(blocking);
    }
}
