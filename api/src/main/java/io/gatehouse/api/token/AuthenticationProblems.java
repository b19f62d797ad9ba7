package io.gatehouse.api.token;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.micronaut.http.HttpResponse;

/** The HTTP answer to a failed credential check, the same on every entry point that takes credentials. */
public final class AuthenticationProblems {

    private AuthenticationProblems() {
    }

    public static HttpResponse<?> of(AuthenticationFailure failure) {
        if (failure instanceof AuthenticationFailure.Throttled throttled) {
            return Problems.throttled(throttled.retryAfter());
        }
        String detail = failure instanceof AuthenticationFailure.Suspended
                ? "this account is suspended"
                : "the credentials are wrong";
        return Problems.response(failure.code(), detail);
    }
}
