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
        String detail;
        if (failure instanceof AuthenticationFailure.Suspended) {
            detail = "this account is suspended";
        } else if (failure instanceof AuthenticationFailure.SsoRequired) {
            detail = "this email domain's workspace requires single sign-on: log in through GET /api/v1/auth/saml2/login";
        } else {
            detail = "the credentials are wrong";
        }
        return Problems.response(failure.code(), detail);
    }
}
