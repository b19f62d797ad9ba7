package io.gatehouse.api.pages;

import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** What the one-form pages share: rendering a {@link FormPage} with its CSRF token, and refusing a post without one. */
@Singleton
final class PageForms {

    static final String CSRF_INVALID = "csrf_token_invalid";

    private final FormTokens tokens;

    PageForms(FormTokens tokens) {
        this.tokens = tokens;
    }

    HttpResponse<?> show(HttpRequest<?> http, String view, String action, Map<String, String> values, String token) {
        return render(http, HttpStatus.OK, view, action, values, token, null);
    }

    /** Runs {@code onValid} only for a post that carries this browser's token for this form. */
    HttpResponse<?> handle(HttpRequest<?> http, Map<String, String> form, String view, String action, Map<String, String> values,
                           String token, Supplier<HttpResponse<?>> onValid) {
        if (!tokens.isValid(http, action, form.get(FormTokens.FIELD))) {
            return render(http, HttpStatus.FORBIDDEN, view, action, values, token,
                    new FieldError("form", CSRF_INVALID, "This form expired. Please try again."));
        }
        return onValid.get();
    }

    MutableHttpResponse<?> refused(HttpRequest<?> http, String view, String action, Map<String, String> values, String token,
                                   HttpStatus status, FieldError error) {
        return render(http, status, view, action, values, token, error);
    }

    MutableHttpResponse<?> throttled(HttpRequest<?> http, String view, String action, Map<String, String> values, String token,
                                     String field, Duration retryAfter) {
        return refused(http, view, action, values, token, HttpStatus.TOO_MANY_REQUESTS,
                new FieldError(field, ErrorCode.TOO_MANY_ATTEMPTS.code(),
                        Messages.of(ErrorCode.TOO_MANY_ATTEMPTS)))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    MutableHttpResponse<?> notice(HttpStatus status, NoticePage page) {
        return HttpResponse.status(status).body(new ModelAndView<>("notice", Map.of("page", page)));
    }

    /** A form field, at most {@code max} characters (the JSON API's limits), never null. */
    static String field(Map<String, String> form, String name, int max) {
        @Nullable String value = form.get(name);
        return value == null ? "" : value.length() > max ? value.substring(0, max) : value;
    }

    private MutableHttpResponse<?> render(HttpRequest<?> http, HttpStatus status, String view, String action, Map<String, String> values,
                                          String token, @Nullable FieldError error) {
        FormTokens.Secret secret = tokens.secretFor(http);
        FormPage page = new FormPage(values, token, error, tokens.tokenFor(secret, action));
        return tokens.remember(HttpResponse.status(status).body(new ModelAndView<>(view, Map.of("page", page))), secret);
    }
}
