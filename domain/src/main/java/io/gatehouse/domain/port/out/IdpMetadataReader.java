package io.gatehouse.domain.port.out;

import java.util.List;

/**
 * Reads an identity provider's SAML 2.0 metadata (SAML metadata 2.4.3 IDPSSODescriptor) into the
 * three things an SSO configuration needs from it. Parsing refuses DTDs and external entities.
 */
public interface IdpMetadataReader {

    IdpMetadataOutcome read(String metadataXml);

    sealed interface IdpMetadataOutcome {
    }

    /** {@code signingCertificates} are PEM X.509 certificates, in document order. */
    record IdpMetadata(String entityId, String singleSignOnUrl, List<String> signingCertificates) implements IdpMetadataOutcome {
    }

    /** {@code reason} says exactly what is wrong, for a field error on {@code idp_metadata_xml}. */
    record IdpMetadataRejected(String reason) implements IdpMetadataOutcome {
    }
}
