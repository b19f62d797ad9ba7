package io.gatehouse.app;

import io.gatehouse.api.problem.Problems;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A database connection could not be had or broke under the request (pool timeout, connection cut
 * mid-flight): that is an outage, answered 503 with Retry-After, never a 500 with a stack trace. The
 * pool recovers by itself once the database is back. Other SQL connection failures that reach the
 * error processor are mapped the same way there.
 */
@Produces
@Singleton
@Requires(classes = {ConnectionException.class, ExceptionHandler.class})
class DatabaseUnavailableHandler implements ExceptionHandler<ConnectionException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConnectionException exception) {
        return Problems.unavailable();
    }
}
