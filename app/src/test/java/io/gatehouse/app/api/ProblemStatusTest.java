package io.gatehouse.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.api.problem.Problems;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The code-to-status table. A code missing from it does not compile (the switch has no default);
 * this checks that what is there is coherent: every code is an error status, every ACS refusal 401.
 */
class ProblemStatusTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsAClientOrServerErrorAndAcsRefusalsAreUnauthorized(ErrorCode code) {
        HttpStatus status = Problems.statusOf(code);

        assertThat(status.getCode()).isBetween(400, 599);
        if (code.isSamlRejection()) {
            assertThat(status.getCode()).isEqualTo(401);
        }
        assertThat(Problems.body(code, "d", null).code()).isEqualTo(code.code());
        assertThat(Problems.body(code, "d", null).status()).isEqualTo(status.getCode());
    }
}
