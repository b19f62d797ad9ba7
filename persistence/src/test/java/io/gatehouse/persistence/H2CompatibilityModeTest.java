package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2CompatibilityModeTest {

    @Test
    void plainH2UrlsGetPostgresqlCompatibilityOthersAreLeftAlone() {
        assertThat(H2CompatibilityMode.withCompatibilityMode("jdbc:h2:mem:scratch"))
                .isEqualTo("jdbc:h2:mem:scratch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        assertThat(H2CompatibilityMode.withCompatibilityMode("jdbc:h2:file:./x;mode=MySQL")).isEqualTo("jdbc:h2:file:./x;mode=MySQL");
        assertThat(H2CompatibilityMode.withCompatibilityMode("jdbc:postgresql://db/test")).isEqualTo("jdbc:postgresql://db/test");
    }
}
