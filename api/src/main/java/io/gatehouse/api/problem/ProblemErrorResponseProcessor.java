package io.gatehouse.api.problem;

import io.gatehouse.api.problem.ProblemDetails.FieldError;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error the framework produces (no route, wrong method, unreadable or oversized body,
 * failed validation, unexpected exception) into an RFC 9457 problem document with a stable code.
 *
 * <p>Framework exception messages are never passed through: they can carry class names or echo
 * the rejected value (a password sent as a number, say). Details are written here; only Bean
 * Validation messages, which are our own annotations' texts, reach the client.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemDetails> {

    /**
     * The one library message read here: micronaut-serde names an unknown property only in its text
     * ("Unknown property [is_admin] ..."). ErrorHandlingEndToEndTest expects the exact field back, so a
     * change of that wording fails a test instead of silently turning into malformed_request. Missing
     * fields need no parsing: every required request field is @NotNull, so Bean Validation names it.
     */
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]{1,64})]");

    @Override
    public MutableHttpResponse<ProblemDetails> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return response.body(null);
        }
        Throwable root = context.getRootCause().orElse(null);
        if (status.getCode() == 500 && databaseUnreachable(root)) {
            // Not our bug but an outage: 503 with Retry-After (RFC 9110 15.6.4), so clients and load
            // balancers back off and retry instead of reporting an internal error.
            return response.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER_SECONDS)
                    .contentType(Problems.PROBLEM_JSON_TYPE).body(forStatus(HttpStatus.SERVICE_UNAVAILABLE));
        }
        ProblemDetails problem = status.getCode() == 400 ? badRequest(root) : forStatus(status);
        return response.contentType(Problems.PROBLEM_JSON_TYPE).body(problem);
    }

    /**
     * No connection could be had or kept: the pool timed out waiting (SQLTransientConnectionException),
     * the connection broke (SQLRecoverableException, or SQLState class 08, "connection exception",
     * in SQL:2016 and PostgreSQL's error codes).
     */
    static boolean databaseUnreachable(Throwable root) {
        for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** A status the framework chose (no route, wrong method, ...), as a code and a detail that says nothing internal. */
    private record Generic(ErrorCode code, String detail) {
    }

    private static ProblemDetails forStatus(HttpStatus status) {
        Generic chosen = switch (status.getCode()) {
            case 401 -> new Generic(ErrorCode.UNAUTHENTICATED, "authentication is required");
            case 403 -> new Generic(ErrorCode.FORBIDDEN, "not allowed");
            case 404 -> new Generic(ErrorCode.NOT_FOUND, "no such resource");
            case 405 -> new Generic(ErrorCode.METHOD_NOT_ALLOWED, "this resource does not support the request method");
            case 413 -> new Generic(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than this server accepts");
            case 415 -> new Generic(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the request body as application/json");
            case 503 -> new Generic(ErrorCode.SERVICE_UNAVAILABLE, "the service is temporarily unavailable; retry later");
            default -> status.getCode() >= 500 ? new Generic(ErrorCode.INTERNAL_ERROR, "an unexpected error occurred")
                    : new Generic(ErrorCode.MALFORMED_REQUEST, "the request could not be processed");
        };
        // Keep the status the framework chose (e.g. 406, 502) even where our code table would differ.
        return new ProblemDetails(Problems.typeOf(chosen.code()), status.getReason(), status.getCode(), chosen.detail(),
                chosen.code().code(), null);
    }

    private static ProblemDetails badRequest(Throwable root) {
        ConstraintViolationException violations = find(root, ConstraintViolationException.class);
        if (violations != null) {
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
            }
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            return Problems.body(ErrorCode.VALIDATION_FAILED, "the request has invalid fields", errors);
        }
        String chain = messages(root);
        Matcher unknown = UNKNOWN_PROPERTY.matcher(chain);
        if (unknown.find()) {
            return Problems.body(ErrorCode.VALIDATION_FAILED, "the request has unknown fields",
                    List.of(new FieldError(unknown.group(1), "is not a known field")));
        }
        UnsatisfiedArgumentException unsatisfied = find(root, UnsatisfiedArgumentException.class);
        if (unsatisfied != null) {
            return Problems.body(ErrorCode.VALIDATION_FAILED, "the request lacks required input",
                    List.of(new FieldError(snakeCase(unsatisfied.getArgument().getName()), "is required")));
        }
        ConversionErrorException conversion = find(root, ConversionErrorException.class);
        if (conversion != null && !"body".equals(conversion.getArgument().getName()) && !chain.contains("Unexpected")) {
            return Problems.body(ErrorCode.VALIDATION_FAILED, "the request has a value of the wrong type",
                    List.of(new FieldError(snakeCase(conversion.getArgument().getName()), "has an invalid value")));
        }
        return Problems.body(ErrorCode.MALFORMED_REQUEST,
                "the request body is not well-formed JSON of the expected shape (check types and nesting)", null);
    }

    private static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            last = node.getName();
        }
        return last == null ? "body" : snakeCase(last);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String messages(Throwable root) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = root; t != null && all.length() < 8192; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static <T extends Throwable> T find(Throwable root, Class<T> type) {
        for (Throwable t = root; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
