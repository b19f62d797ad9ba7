package io.gatehouse.domain.port.out;

/** Writes a workspace's service-provider metadata (SAML metadata 2.4.4 SPSSODescriptor). */
public interface SpMetadataWriter {

    String write(SpDescriptor descriptor);

    /** Certificates are PEM X.509. The ACS takes the HTTP-POST binding. */
    record SpDescriptor(String entityId, String assertionConsumerServiceUrl, String signingCertificate,
                        String encryptionCertificate, boolean authnRequestsSigned, boolean wantAssertionsSigned) {
    }
}
