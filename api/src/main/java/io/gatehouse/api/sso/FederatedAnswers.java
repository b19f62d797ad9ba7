package io.gatehouse.api.sso;

import io.gatehouse.api.pages.NoticePage;
import io.gatehouse.api.problem.Problems;
import io.gatehouse.api.security.LinkConfirmationCookie;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the SAML ACS and the OpenID Connect callback answer alike: a browser is sent on (a redirect, the link
 * confirmation page, a page naming a refusal), a script gets JSON or an RFC 9457 problem.
 */
final class FederatedAnswers {

    /** The hosted page where a browser sign-in confirms a link with the account's password. */
    static final String LINK_ACCOUNT_PAGE = "/link-account";

    private FederatedAnswers() {
    }

    /** RFC 9457 problem with the extension members a link confirmation needs. */
    @Serdeable
    record ConfirmationProblem(String type, String title, int status, String detail, String code, String confirmationCode,
                               Instant expiresAt) {
    }

    /** A browser navigating names text/html itself; a script's {@code Accept: *}{@code /*} keeps the problem document. */
    static boolean isBrowser(HttpRequest<?> http) {
        return http.accept().stream().anyMatch(type -> type.getName().equals(MediaType.TEXT_HTML));
    }

    static MutableHttpResponse<?> found(String target) {
        return HttpResponse.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target);
    }

    /** A sign-in started with a redirect (a browser's) confirms the link on the hosted page; the code travels in an HttpOnly cookie. */
    static MutableHttpResponse<?> toLinkAccountPage(LinkConfirmationCookie cookie, String redirect, String code, Instant expiresAt) {
        return cookie.set(HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, LINK_ACCOUNT_PAGE + "?continue="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8)), code, expiresAt);
    }

    static HttpResponse<?> confirmationRequired(String code, Instant expiresAt) {
        HttpStatus status = Problems.statusOf(ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED);
        return HttpResponse.status(status).contentType(Problems.PROBLEM_JSON_TYPE).body(new ConfirmationProblem(
                Problems.typeOf(ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED), status.getReason(), status.getCode(),
                "an account with this email already exists: confirm with its password at POST /api/v1/me/enable_sso",
                ErrorCode.SSO_LINK_CONFIRMATION_REQUIRED.code(), code, expiresAt));
    }

    /** A person's browser gets a page saying which code, and where the reason is; never a problem document. */
    static MutableHttpResponse<?> refusedPage(HttpStatus status, String message) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("notice", Map.of("page", new NoticePage("Sign-in refused", message, "/login", "Back to sign in"))));
    }

    static MutableHttpResponse<?> throttledPage(Duration retryAfter) {
        return refusedPage(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ins were refused from this address. Wait a little, then try again.")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
