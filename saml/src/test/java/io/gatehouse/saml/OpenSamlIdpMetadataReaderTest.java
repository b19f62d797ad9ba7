package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadata;
import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadataOutcome;
import io.gatehouse.domain.port.out.IdpMetadataReader.IdpMetadataRejected;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenSamlIdpMetadataReaderTest {

    private final OpenSamlIdpMetadataReader reader = new OpenSamlIdpMetadataReader();

    @Test
    void keycloakRealmDescriptorGivesEntityIdRedirectEndpointAndSigningCertificate() {
        IdpMetadata idp = accepted(reader.read(fixture("keycloak.xml")));

        assertThat(idp.entityId()).isEqualTo("https://keycloak.fixture.example/realms/acme");
        assertThat(idp.singleSignOnUrl()).as("the HTTP-Redirect endpoint, not the POST one")
                .isEqualTo("https://keycloak.fixture.example/realms/acme/protocol/saml");
        assertThat(idp.signingCertificates()).containsExactly(normalised(fixture("keycloak.pem")));
    }

    @Test
    void theTestIdentityProvidersOwnMetadataIsRead() {
        TestIdentityProvider testIdp = new TestIdentityProvider("Metadata IdP");

        IdpMetadata idp = accepted(reader.read(testIdp.metadataXml("http://127.0.0.1:9/saml/sso")));

        assertThat(idp.entityId()).isEqualTo(TestIdentityProvider.ENTITY_ID);
        assertThat(idp.singleSignOnUrl()).isEqualTo("http://127.0.0.1:9/saml/sso");
        assertThat(idp.signingCertificates()).containsExactly(normalised(testIdp.certificatePem()));
    }

    @Test
    void oktaStyleMetadataOnOneLineIsRead() {
        IdpMetadata idp = accepted(reader.read(fixture("okta.xml")));

        assertThat(idp.entityId()).isEqualTo("http://www.okta.com/exk1fixture0abc");
        assertThat(idp.singleSignOnUrl()).isEqualTo("https://acme.okta.fixture.example/app/acme_gatehouse_1/exk1fixture0abc/sso/saml");
        assertThat(idp.signingCertificates()).containsExactly(normalised(fixture("okta.pem")));
    }

    @Test
    void entraStyleMetadataKeepsBothRotationCertificatesAndIgnoresWsFederationRoles() {
        IdpMetadata idp = accepted(reader.read(fixture("entra.xml")));

        assertThat(idp.entityId()).isEqualTo("https://sts.windows.net/00000000-1111-2222-3333-444444444444/");
        assertThat(idp.singleSignOnUrl()).endsWith("/saml2");
        assertThat(idp.signingCertificates()).containsExactly(normalised(fixture("entra1.pem")), normalised(fixture("entra2.pem")));
    }

    @Test
    void aggregateWithSeveralIdentityProvidersIsRefusedWithOneIsRead() {
        assertThat(rejected(reader.read(fixture("aggregate-two-idps.xml")))).contains("2 identity providers");

        assertThat(accepted(reader.read(fixture("aggregate-one-idp.xml"))).entityId()).isEqualTo("https://nested.fixture.example");
    }

    @Test
    void identityProviderWithoutHttpRedirectBindingIsRefused() {
        assertThat(rejected(reader.read(fixture("post-binding-only.xml")))).contains("HTTP-Redirect");
    }

    @Test
    void doctypeExternalEntityAndEntityExpansionAreRefusedBeforeAnythingIsResolved() {
        String xxe = rejected(reader.read(fixture("xxe.xml")));
        String laughs = rejected(reader.read(fixture("billion-laughs.xml")));

        assertThat(xxe).contains("DOCTYPE").doesNotContain("root:");
        assertThat(laughs).contains("DOCTYPE");
    }

    @Test
    void garbageOtherSamlDocumentsAndOversizedInputAreRefused() {
        assertThat(rejected(reader.read("not xml at all"))).contains("not well-formed");
        assertThat(rejected(reader.read(""))).contains("empty");
        assertThat(rejected(reader.read("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\" "
                + "Version=\"2.0\" IssueInstant=\"2026-01-01T00:00:00Z\"/>"))).contains("EntityDescriptor");
        assertThat(rejected(reader.read("<x>" + "a".repeat(OpenSaml.MAX_DOCUMENT_BYTES) + "</x>"))).contains("KiB");
        assertThat(rejected(reader.read("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://x.example\"/>")))
                .contains("no IDPSSODescriptor");
    }

    private static IdpMetadata accepted(IdpMetadataOutcome outcome) {
        assertThat(outcome).isInstanceOf(IdpMetadata.class);
        return (IdpMetadata) outcome;
    }

    private static String rejected(IdpMetadataOutcome outcome) {
        assertThat(outcome).isInstanceOf(IdpMetadataRejected.class);
        return ((IdpMetadataRejected) outcome).reason();
    }

    private static String normalised(String pem) {
        return Pem.fromBase64Der(Pem.toBase64Der(pem));
    }

    static String fixture(String name) {
        try (InputStream in = OpenSamlIdpMetadataReaderTest.class.getResourceAsStream("/metadata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
