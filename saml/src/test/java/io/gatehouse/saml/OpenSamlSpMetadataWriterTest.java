package io.gatehouse.saml;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.port.out.SpMetadataWriter.SpDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;

class OpenSamlSpMetadataWriterTest {

    private static final String SIGNING = OpenSamlIdpMetadataReaderTest.fixture("keycloak.pem");
    private static final String ENCRYPTION = OpenSamlIdpMetadataReaderTest.fixture("okta.pem");

    @Test
    void writtenSpMetadataParsesBackWithTheSameEntityAcsAndCertificates() throws Exception {
        String xml = new OpenSamlSpMetadataWriter().write(new SpDescriptor(
                "https://login.example.com/api/v1/workspaces/w1/sso/metadata", "https://login.example.com/api/v1/auth/saml2/login/w1",
                SIGNING, ENCRYPTION, true, true));

        EntityDescriptor entity = (EntityDescriptor) OpenSaml.unmarshall(xml);
        SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);

        assertThat(entity.getEntityID()).isEqualTo("https://login.example.com/api/v1/workspaces/w1/sso/metadata");
        assertThat(sp.isAuthnRequestsSigned()).isTrue();
        assertThat(sp.getWantAssertionsSigned()).isTrue();
        assertThat(sp.getAssertionConsumerServices()).singleElement().satisfies(acs -> {
            assertThat(acs.getBinding()).isEqualTo(SAMLConstants.SAML2_POST_BINDING_URI);
            assertThat(acs.getLocation()).isEqualTo("https://login.example.com/api/v1/auth/saml2/login/w1");
        });
        assertThat(certificateOf(sp.getKeyDescriptors(), UsageType.SIGNING)).isEqualTo(Pem.toBase64Der(SIGNING));
        assertThat(certificateOf(sp.getKeyDescriptors(), UsageType.ENCRYPTION)).isEqualTo(Pem.toBase64Der(ENCRYPTION));
    }

    @Test
    void unsignedRequestsAreAdvertisedAsSuch() throws Exception {
        String xml = new OpenSamlSpMetadataWriter().write(new SpDescriptor("https://sp.example/m", "https://sp.example/acs",
                SIGNING, ENCRYPTION, false, true));

        assertThat(((EntityDescriptor) OpenSaml.unmarshall(xml)).getSPSSODescriptor(SAMLConstants.SAML20P_NS).isAuthnRequestsSigned())
                .isFalse();
    }

    private static String certificateOf(List<KeyDescriptor> keys, UsageType use) {
        return keys.stream().filter(key -> key.getUse() == use).findFirst().orElseThrow()
                .getKeyInfo().getX509Datas().get(0).getX509Certificates().get(0).getValue().replaceAll("\\s", "");
    }
}
