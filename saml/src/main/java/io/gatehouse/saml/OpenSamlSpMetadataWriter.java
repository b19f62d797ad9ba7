package io.gatehouse.saml;

import io.gatehouse.domain.port.out.SpMetadataWriter;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Certificate;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * Writes SP metadata (SAML metadata 2.4.4 SPSSODescriptor): entityID, the HTTP-POST
 * AssertionConsumerService, a signing and an encryption KeyDescriptor, AuthnRequestsSigned and
 * WantAssertionsSigned, and the email NameID format Gatehouse expects.
 */
public final class OpenSamlSpMetadataWriter implements SpMetadataWriter {

    @Override
    public String write(SpDescriptor descriptor) {
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(descriptor.entityId());
        SPSSODescriptor sp = OpenSaml.build(SPSSODescriptor.DEFAULT_ELEMENT_NAME);
        sp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        sp.setAuthnRequestsSigned(descriptor.authnRequestsSigned());
        sp.setWantAssertionsSigned(descriptor.wantAssertionsSigned());
        sp.getKeyDescriptors().add(keyDescriptor(UsageType.SIGNING, descriptor.signingCertificate()));
        sp.getKeyDescriptors().add(keyDescriptor(UsageType.ENCRYPTION, descriptor.encryptionCertificate()));
        NameIDFormat email = OpenSaml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
        email.setURI(NameIDType.EMAIL);
        sp.getNameIDFormats().add(email);
        AssertionConsumerService acs = OpenSaml.build(AssertionConsumerService.DEFAULT_ELEMENT_NAME);
        acs.setBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        acs.setLocation(descriptor.assertionConsumerServiceUrl());
        acs.setIndex(0);
        acs.setIsDefault(true);
        sp.getAssertionConsumerServices().add(acs);
        entity.getRoleDescriptors().add(sp);
        return OpenSaml.marshall(entity);
    }

    private static KeyDescriptor keyDescriptor(UsageType use, String pem) {
        X509Certificate certificate = OpenSaml.build(X509Certificate.DEFAULT_ELEMENT_NAME);
        certificate.setValue(Pem.toBase64Der(pem));
        X509Data data = OpenSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
        data.getX509Certificates().add(certificate);
        KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        keyInfo.getX509Datas().add(data);
        KeyDescriptor key = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(use);
        key.setKeyInfo(keyInfo);
        return key;
    }
}
