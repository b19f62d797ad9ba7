package io.gatehouse.api.sso;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.RedirectPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;

/** What every SSO start takes besides its own parameters ({@code client}, {@code state}, {@code redirect}): bounded, the redirect checked. */
record StartParameters(@Nullable String client, @Nullable String state, @Nullable String redirect) {

    static final int MAX_CLIENT_LENGTH = 200;
    static final int MAX_STATE_LENGTH = 1024;

    /** The problem to answer, or null when the parameters are fine. */
    @Nullable
    HttpResponse<?> problem(RedirectPolicy redirects) {
        if (client != null && client.length() > MAX_CLIENT_LENGTH) {
            return Problems.fieldProblem(ErrorCode.VALIDATION_FAILED, "client", "at most " + MAX_CLIENT_LENGTH + " characters");
        }
        if (state != null && state.length() > MAX_STATE_LENGTH) {
            return Problems.fieldProblem(ErrorCode.VALIDATION_FAILED, "state", "at most " + MAX_STATE_LENGTH + " characters");
        }
        if (redirect != null && redirects.check(redirect).isEmpty()) {
            return Problems.fieldProblem(ErrorCode.INVALID_REDIRECT, "redirect",
                    "redirect must be a relative path such as /home, or a URL on an allowed origin");
        }
        return null;
    }

    /** The redirect target, once {@link #problem} found none. */
    @Nullable
    String target(RedirectPolicy redirects) {
        return redirect == null ? null : redirects.check(redirect).orElseThrow();
    }
}
