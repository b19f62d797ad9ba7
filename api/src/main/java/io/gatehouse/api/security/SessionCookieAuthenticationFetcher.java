package io.gatehouse.api.security;

import io.gatehouse.domain.port.in.AuthenticateSessionUseCase;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates a request by its session cookie. A request that carries an {@code Authorization}
 * header is never authenticated by cookie: it says which credential it means, and mixing the two
 * would let a cookie stand in for a rejected bearer token.
 *
 * <p>The lookup hits the database, so it runs on the blocking executor, off the event loop.
 */
@Singleton
final class SessionCookieAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final AuthenticateSessionUseCase sessions;
    private final Scheduler blocking;

    SessionCookieAuthenticationFetcher(AuthenticateSessionUseCase sessions,
                                       @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor) {
        this.sessions = sessions;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Publishers.empty();
        }
        Optional<String> secret = SessionCookies.read(request);
        if (secret.isEmpty()) {
            return Publishers.empty();
        }
        return Mono.fromCallable(() -> sessions.authenticate(secret.get()).map(Caller::fromSession).orElse(null))
                .subscribeOn(blocking);
    }
}
