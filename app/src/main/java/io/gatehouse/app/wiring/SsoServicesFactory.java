package io.gatehouse.app.wiring;

import io.gatehouse.crypto.JdkCertificateInspector;
import io.gatehouse.crypto.MasterKey;
import io.gatehouse.crypto.SelfSignedSpKeyGenerator;
import io.gatehouse.domain.model.PublicUrl;
import io.gatehouse.domain.port.in.SsoConfigurationUseCase;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.CertificateInspector;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.IdpMetadataReader;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.SpKeyGenerator;
import io.gatehouse.domain.port.out.SpMetadataWriter;
import io.gatehouse.domain.port.out.SsoConfigurations;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.service.DomainOwnershipService;
import io.gatehouse.domain.service.SsoConfigurationService;
import io.gatehouse.saml.OpenSamlIdpMetadataReader;
import io.gatehouse.saml.OpenSamlSpMetadataWriter;
import io.micronaut.context.annotation.Factory;
import io.gatehouse.crypto.MasterKeySecretSealer;
import io.gatehouse.domain.port.out.SecretSealer;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** Workspace SAML SSO configuration and the OpenSAML adapters behind it. */
@Factory
class SsoServicesFactory {

    @Singleton
    IdpMetadataReader idpMetadataReader() {
        return new OpenSamlIdpMetadataReader();
    }

    @Singleton
    SpMetadataWriter spMetadataWriter() {
        return new OpenSamlSpMetadataWriter();
    }

    @Singleton
    SpKeyGenerator spKeyGenerator(MasterKey masterKey, SecureRandom random, Clock clock) {
        return new SelfSignedSpKeyGenerator(masterKey, random, clock);
    }

    @Singleton
    SecretSealer secretSealer(MasterKey masterKey) {
        return new MasterKeySecretSealer(masterKey);
    }

    @Singleton
    CertificateInspector certificateInspector() {
        return new JdkCertificateInspector();
    }

    @Singleton
    SsoConfigurationUseCase ssoConfiguration(Memberships memberships, SsoConfigurations configurations,
                                             IdpMetadataReader reader, SpMetadataWriter writer, SpKeyGenerator keys,
                                             CertificateInspector certificates, AuditLog audit, SsoEvents events,
                                             DomainClaims domainClaims, DomainOwnershipService domains, Transactions transactions,
                                             SecretSealer sealer, PublicUrl publicUrl, Clock clock) {
        return new SsoConfigurationService(memberships, configurations, reader, writer, keys, certificates, audit, events, domainClaims,
                domains, transactions, sealer, publicUrl, clock);
    }
}
