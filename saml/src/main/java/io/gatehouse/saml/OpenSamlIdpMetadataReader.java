package io.gatehouse.saml;

import io.gatehouse.domain.port.out.IdpMetadataReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.X509Certificate;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * Reads IdP metadata (SAML metadata 2.3.2 EntityDescriptor / 2.3.1 EntitiesDescriptor, 2.4.3
 * IDPSSODescriptor): the entityID, the HTTP-Redirect SingleSignOnService, and every certificate of
 * a KeyDescriptor whose use is signing or unspecified (2.4.1.1: no use means both). Several signing
 * certificates are kept, for rotation. An aggregate with several IdPs is refused: which one is
 * meant is the administrator's decision, not ours.
 */
public final class OpenSamlIdpMetadataReader implements IdpMetadataReader {

    @Override
    public IdpMetadataOutcome read(String metadataXml) {
        if (metadataXml == null || metadataXml.isBlank()) {
            return new IdpMetadataRejected("metadata is empty");
        }
        XMLObject root;
        try {
            root = OpenSaml.unmarshall(metadataXml);
        } catch (XMLParserException e) {
            return new IdpMetadataRejected(metadataXml.contains("<!DOCTYPE")
                    ? "metadata must not contain a DOCTYPE: DTDs and entities are refused"
                    : "metadata is not well-formed XML (or is larger than " + OpenSaml.MAX_DOCUMENT_BYTES / 1024 + " KiB)");
        } catch (UnmarshallingException e) {
            return new IdpMetadataRejected("the document is not SAML 2.0 metadata");
        }
        Optional<EntityDescriptor> entity;
        if (root instanceof EntityDescriptor descriptor) {
            entity = Optional.of(descriptor);
        } else if (root instanceof EntitiesDescriptor aggregate) {
            List<EntityDescriptor> idps = new ArrayList<>();
            collectIdps(aggregate, idps);
            if (idps.size() > 1) {
                return new IdpMetadataRejected("the metadata describes " + idps.size()
                        + " identity providers; paste the EntityDescriptor of the one to use");
            }
            entity = idps.stream().findFirst();
        } else {
            return new IdpMetadataRejected("the root element must be md:EntityDescriptor or md:EntitiesDescriptor");
        }
        if (entity.isEmpty()) {
            return new IdpMetadataRejected("the metadata describes no identity provider");
        }
        return read(entity.get());
    }

    private static IdpMetadataOutcome read(EntityDescriptor entity) {
        String entityId = entity.getEntityID();
        if (entityId == null || entityId.isBlank()) {
            return new IdpMetadataRejected("the EntityDescriptor has no entityID");
        }
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (idp == null) {
            return new IdpMetadataRejected("entity " + entityId + " has no IDPSSODescriptor for SAML 2.0");
        }
        Optional<String> redirect = idp.getSingleSignOnServices().stream()
                .filter(service -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(service.getBinding()))
                .map(SingleSignOnService::getLocation)
                .filter(location -> location != null && !location.isBlank())
                .findFirst();
        if (redirect.isEmpty()) {
            return new IdpMetadataRejected("entity " + entityId + " offers no HTTP-Redirect SingleSignOnService, "
                    + "which Gatehouse uses to send AuthnRequests");
        }
        List<String> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() != null && key.getUse() != UsageType.SIGNING && key.getUse() != UsageType.UNSPECIFIED) {
                continue;
            }
            if (key.getKeyInfo() == null) {
                continue;
            }
            for (X509Data data : key.getKeyInfo().getX509Datas()) {
                for (X509Certificate certificate : data.getX509Certificates()) {
                    if (certificate.getValue() != null && !certificate.getValue().isBlank()) {
                        try {
                            String pem = Pem.fromBase64Der(certificate.getValue());
                            if (!certificates.contains(pem)) {
                                certificates.add(pem);
                            }
                        } catch (IllegalArgumentException notBase64) {
                            return new IdpMetadataRejected("a signing certificate of " + entityId + " is not base64");
                        }
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            return new IdpMetadataRejected("entity " + entityId + " publishes no signing certificate");
        }
        return new IdpMetadata(entityId, redirect.get(), certificates);
    }

    private static void collectIdps(EntitiesDescriptor aggregate, List<EntityDescriptor> into) {
        for (EntityDescriptor entity : aggregate.getEntityDescriptors()) {
            if (entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null) {
                into.add(entity);
            }
        }
        for (EntitiesDescriptor nested : aggregate.getEntitiesDescriptors()) {
            collectIdps(nested, into);
        }
    }
}
