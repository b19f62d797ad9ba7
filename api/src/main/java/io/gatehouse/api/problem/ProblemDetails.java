package io.gatehouse.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code code} is Gatehouse's stable machine-readable error code;
 * {@code errors} lists the offending fields of a validation failure.
 */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable `code`")
public record ProblemDetails(
        String type,
        String title,
        int status,
        String detail,
        String code,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<FieldError> errors) {

    @Serdeable
    public record FieldError(String field, String message) {
    }
}
