package io.gatehouse.persistence;

import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoConfiguration.OidcConnection;
import io.gatehouse.domain.model.SsoConfiguration.SpKeys;
import io.gatehouse.domain.model.SsoProtocol;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoConfigurations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class SsoConfigurationPersistenceAdapter implements SsoConfigurations {

    private static final String PEM_END = "-----END CERTIFICATE-----";
    private final SsoConfigurationRepository repository;

    SsoConfigurationPersistenceAdapter(SsoConfigurationRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<SsoConfiguration> find(WorkspaceId workspaceId) {
        return repository.findById(workspaceId.value()).map(SsoConfigurationPersistenceAdapter::toConfiguration);
    }

    @Override
    public Optional<SsoConfiguration> findByVerifiedDomain(String domain) {
        return repository.findWorkspaceOfVerifiedDomain(domain).flatMap(id -> find(new WorkspaceId(id)))
                .filter(configuration -> configuration.vouchesFor(domain));
    }

    @Override
    public void upsert(SsoConfiguration c) {
        UUID id = c.workspaceId().value();
        SsoConfigurationRow row = new SsoConfigurationRow(id, c.enabled(), c.idpEntityId(), c.idpSsoUrl(),
                String.join("", c.idpCertificates()), c.signAuthnRequests(), c.wantAssertionsEncrypted(), c.allowIdpInitiated(),
                c.jitProvisioning(), c.defaultRole().wireName(), c.enforceSso(), c.allowLegacyAlgorithms(), String.join(",", c.emailDomains()),
                "", c.attributeMapping().email(),
                c.attributeMapping().firstName(), c.attributeMapping().lastName(), c.spKeys().signingCertificate(),
                c.spKeys().encryptedSigningKey(), c.spKeys().encryptionCertificate(), c.spKeys().encryptedEncryptionKey(),
                c.createdAt(), c.updatedAt(), c.protocol().wireName(), c.oidc() == null ? null : c.oidc().issuer(),
                c.oidc() == null ? null : c.oidc().clientId(), c.oidc() == null ? null : c.oidc().sealedClientSecret(),
                c.oidc() == null ? null : String.join(" ", c.oidc().scopes()));
        if (repository.existsById(id)) {
            repository.update(row);
        } else {
            repository.save(row);
        }
        repository.refreshVerifiedDomains(id);
    }

    @Override
    public boolean delete(WorkspaceId workspaceId) {
        if (!repository.existsById(workspaceId.value())) {
            return false;
        }
        repository.deleteById(workspaceId.value());
        return true;
    }

    private static SsoConfiguration toConfiguration(SsoConfigurationRow row) {
        List<String> domains = List.copyOf(split(row.emailDomains()));
        return new SsoConfiguration(new WorkspaceId(row.workspaceId()), row.enabled(), row.idpEntityId(), row.idpSsoUrl(),
                splitPems(row.idpCertificates()), domains, row.signAuthnRequests(), row.wantAssertionsEncrypted(),
                row.allowIdpInitiated(), row.jitProvisioning(), WireNamed.parse(Role.class, row.defaultRole()).orElseThrow(),
                row.enforceSso(), row.allowLegacyAlgorithms(), new AttributeMapping(row.attributeEmail(), row.attributeFirstName(), row.attributeLastName()),
                new SpKeys(row.spSigningCertificate(), row.spSigningKey(), row.spEncryptionCertificate(), row.spEncryptionKey()),
                row.createdAt(), row.updatedAt(), split(row.verifiedDomains()), WireNamed.parse(SsoProtocol.class, row.protocol()).orElseThrow(),
                row.oidcIssuer() == null ? null : new OidcConnection(row.oidcIssuer(), row.oidcClientId(), row.oidcClientSecret(),
                        List.of(row.oidcScopes().split(" "))));
    }

    private static java.util.LinkedHashSet<String> split(String joined) {
        return joined.isEmpty() ? new java.util.LinkedHashSet<>() : new java.util.LinkedHashSet<>(List.of(joined.split(",")));
    }

    private static List<String> splitPems(String joined) {
        List<String> pems = new ArrayList<>();
        int start = 0;
        for (int end = joined.indexOf(PEM_END); end >= 0; end = joined.indexOf(PEM_END, start)) {
            pems.add(joined.substring(start, end + PEM_END.length()).strip() + "\n");
            start = end + PEM_END.length();
        }
        return pems;
    }
}
