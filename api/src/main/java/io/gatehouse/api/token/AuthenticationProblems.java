package io.gatehouse.api.token;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.port.in.AuthenticationFailure;
import io.micronaut.http.HttpResponse;

/** The HTTP answer to a failed credential check, the same on every entry point that takes credentials. */
public final class AuthenticationProblems {

    private AuthenticationProblems() {
    }

    public static HttpResponse<?> of(AuthenticationFailure failure) {
        return switch (failure) {
            case AuthenticationFailure.Throttled throttled -> Problems.throttled(throttled.retryAfter());
            case AuthenticationFailure.Suspended suspended -> Problems.response(failure.code(), "this account is suspended");
            case AuthenticationFailure.SsoRequired required -> Problems.response(failure.code(),
                    "this email domain's workspace requires single sign-on: log in through GET /api/v1/auth/saml2/login");
            case AuthenticationFailure.InvalidCredentials invalid -> Problems.response(failure.code(), "the credentials are wrong");
        };
    }
}
