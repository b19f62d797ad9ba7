package io.gatehouse.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase.SsoSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a save (no base) and a partial update (over the stored configuration) resolve every field. */
class SsoSettingsTest {

    private static final SsoConfiguration STORED = new SsoConfiguration(WorkspaceId.random(), true, "https://idp/entity", "https://idp/sso",
            List.of("pem"), List.of("acme.test"), false, true, true, false, Role.ADMIN, true, true,
            new AttributeMapping("mail", "given", "family"), new SpKeys("c", "k", "c", "k"), Instant.EPOCH, Instant.EPOCH, Set.of());

    @Test
    void aPartialUpdateChangesOnlyWhatItGivesAndAnExplicitFalseIsAChange() {
        SsoSettings patch = new SsoSettings(false, null, null, null, null, List.of("acme.test", "acme.io"), null, null, null, null, null,
                null, null, null);

        SsoSettings merged = patch.over(Optional.of(STORED));

        assertThat(merged.enabled()).as("explicit false").isFalse();
        assertThat(merged.emailDomains()).containsExactly("acme.test", "acme.io");
        assertThat(merged.idpEntityId()).isEqualTo("https://idp/entity");
        assertThat(merged.idpSsoUrl()).isEqualTo("https://idp/sso");
        assertThat(merged.idpCertificates()).containsExactly("pem");
        assertThat(merged.signAuthnRequests()).isFalse();
        assertThat(merged.wantAssertionsEncrypted()).isTrue();
        assertThat(merged.allowIdpInitiated()).isTrue();
        assertThat(merged.jitProvisioning()).isFalse();
        assertThat(merged.defaultRole()).isEqualTo(Role.ADMIN);
        assertThat(merged.enforceSso()).isTrue();
        assertThat(merged.allowLegacyAlgorithms()).isTrue();
        assertThat(merged.attributeMapping()).isEqualTo(new AttributeMapping("mail", "given", "family"));
    }

    @Test
    void aSaveWithoutBaseTakesTheDocumentedDefaultsForWhatItLeavesOut() {
        SsoSettings merged = new SsoSettings(null, null, "https://idp/entity", null, null, null, null, null, null, null, null, null, null,
                null).over(Optional.empty());

        assertThat(merged.enabled()).isFalse();
        assertThat(merged.idpEntityId()).isEqualTo("https://idp/entity");
        assertThat(merged.idpSsoUrl()).isNull();
        assertThat(merged.idpCertificates()).isEmpty();
        assertThat(merged.emailDomains()).isEmpty();
        assertThat(merged.signAuthnRequests()).isTrue();
        assertThat(merged.wantAssertionsEncrypted()).isFalse();
        assertThat(merged.allowIdpInitiated()).isFalse();
        assertThat(merged.jitProvisioning()).isTrue();
        assertThat(merged.defaultRole()).isEqualTo(Role.MEMBER);
        assertThat(merged.enforceSso()).isFalse();
        assertThat(merged.allowLegacyAlgorithms()).isFalse();
        assertThat(merged.attributeMapping()).isEqualTo(AttributeMapping.DEFAULT);
    }
}
