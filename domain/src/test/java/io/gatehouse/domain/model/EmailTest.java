package io.gatehouse.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void parseCanonicalisesCaseAndSurroundingSpace() {
        assertThat(Email.parse("  Ada.Lovelace+x@Example.CO.uk ")).contains(new Email("ada.lovelace+x@example.co.uk"));
    }

    @Test
    void parseRefusesOverlongAndMalformedAddresses() {
        assertThat(Email.parse("a".repeat(65) + "@example.com")).isEmpty();
        assertThat(Email.parse("a@" + "b".repeat(250) + ".com")).isEmpty();
        assertThat(Email.parse("a@example..com")).isEmpty();
        assertThat(Email.parse("a\u0000@example.com")).isEmpty();
        assertThat(Email.parse(null)).isEmpty();
    }

    @Test
    void constructorRefusesNonCanonicalForm() {
        assertThatThrownBy(() -> new Email("Ada@example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
