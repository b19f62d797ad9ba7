package io.gatehouse.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoRejection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssertedProfileTest {

    private static SamlAssertion assertion(String nameId, Map<String, List<String>> attributes) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new SamlAssertion("_a", "https://idp.example", nameId, null, at, at, at, attributes);
    }

    @Test
    void theConfiguredAttributeNamesComeFirst() {
        var profile = AssertedProfile.of(new AttributeMapping("mail", "given", "family"), assertion("opaque-id",
                Map.of("mail", List.of("Ann@Corp.example"), "email", List.of("other@corp.example"), "given", List.of("Ann"),
                        "family", List.of("Lee"))));

        assertThat(profile.email().value()).isEqualTo("ann@corp.example");
        assertThat(profile.fullName()).isEqualTo("Ann Lee");
    }

    @Test
    void entraClaimUrisWorkWithTheDefaultMapping() {
        var profile = AssertedProfile.of(AttributeMapping.DEFAULT, assertion("f0c1d2-object-id", Map.of(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("bo@corp.example"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", List.of("Bo"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", List.of("Ek"))));

        assertThat(profile.email().value()).isEqualTo("bo@corp.example");
        assertThat(profile.fullName()).isEqualTo("Bo Ek");
    }

    @Test
    void theNameIdIsTheEmailOnlyWhenNoAttributeSaysOtherwiseAndItIsAnEmail() {
        assertThat(AssertedProfile.of(AttributeMapping.DEFAULT, assertion("cy@corp.example", Map.of())).email().value())
                .isEqualTo("cy@corp.example");
        assertThat(AssertedProfile.of(AttributeMapping.DEFAULT, assertion("cy@corp.example", Map.of())).fullName()).isNull();

        assertThatThrownBy(() -> AssertedProfile.of(AttributeMapping.DEFAULT, assertion("opaque-id", Map.of())))
                .isInstanceOfSatisfying(SsoRejection.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SAML_EMAIL_MISSING);
                    assertThat(e.detail()).contains("'email'").contains("opaque-id");
                });
        assertThatThrownBy(() -> AssertedProfile.of(AttributeMapping.DEFAULT, assertion("x@corp.example",
                Map.of("email", List.of("not an email")))))
                .isInstanceOfSatisfying(SsoRejection.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SAML_EMAIL_MISSING));
    }

    @Test
    void blankValuesAreSkippedAndLongNamesBounded() {
        var profile = AssertedProfile.of(AttributeMapping.DEFAULT, assertion("d@corp.example",
                Map.of("firstName", List.of(" ", "D".repeat(500)))));

        assertThat(profile.fullName()).hasSize(AssertedProfile.MAX_NAME_LENGTH);
    }
}
