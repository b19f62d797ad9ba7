package io.gatehouse.api.security;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/** 401 {@code unauthenticated} and 403 {@code forbidden} as problem documents, never a redirect. */
@Singleton
@Produces
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class ProblemAuthorizationExceptionHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        return exception.isForbidden()
                ? Problems.response(ErrorCode.FORBIDDEN, "you are not allowed to do this")
                : Problems.response(ErrorCode.UNAUTHENTICATED, "sign in, or send a valid bearer token");
    }
}
