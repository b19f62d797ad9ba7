package io.gatehouse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.Workspace;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.Workspaces;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Claims and the first-to-verify rule, kept by the database's keys. */
@MicronautTest(transactional = false)
class DomainClaimPersistenceAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    DomainClaims claims;
    @Inject
    Workspaces workspaces;
    @Inject
    io.gatehouse.domain.port.out.SsoConfigurations configurations;

    @Test
    void theConfigurationReadsItsWorkspacesVerifiedDomainsInTheSameQuery() {
        WorkspaceId workspace = workspace();
        claims.claim(workspace, "before.test", "c", NOW);
        claims.markVerified(workspace, "before.test", DomainClaim.VerificationMethod.DNS_TXT, NOW);
        configurations.upsert(configuration(workspace, java.util.Set.of()));
        assertThat(configurations.find(workspace).orElseThrow().verifiedDomains()).as("verified before the save").containsExactly("before.test");

        claims.claim(workspace, "after.test", "c", NOW);
        claims.markVerified(workspace, "after.test", DomainClaim.VerificationMethod.OPERATOR, NOW);
        assertThat(configurations.find(workspace).orElseThrow().verifiedDomains()).containsExactlyInAnyOrder("before.test", "after.test");
        assertThat(configurations.find(workspace).orElseThrow().vouchesFor("after.test")).isTrue();
        assertThat(configurations.findByVerifiedDomain("after.test")).isPresent();

        claims.delete(workspace, "after.test");
        assertThat(configurations.find(workspace).orElseThrow().verifiedDomains()).containsExactly("before.test");
        assertThat(configurations.findByVerifiedDomain("after.test")).isEmpty();
        configurations.upsert(configuration(workspace, java.util.Set.of("forged.test")));
        assertThat(configurations.find(workspace).orElseThrow().verifiedDomains()).as("never written through the configuration")
                .containsExactly("before.test");
    }

    /** An OpenID Connect configuration keeps its connection (the secret as sealed) and needs no SAML IdP. */
    @Test
    void anOpenIdConnectConfigurationRoundTripsWithoutSamlFields() {
        WorkspaceId workspace = workspace();
        var base = configuration(workspace, java.util.Set.of());
        var connection = new io.gatehouse.domain.model.SsoConfiguration.OidcConnection("https://idp.example/t", "client",
                "sealed-secret", List.of("openid", "email", "groups"));
        configurations.upsert(new io.gatehouse.domain.model.SsoConfiguration(workspace, true, null, null, List.of(), List.of("oidc.test"),
                true, false, false, true, io.gatehouse.domain.model.Role.ADMIN, false, false, base.attributeMapping(), base.spKeys(), NOW, NOW,
                java.util.Set.of(), io.gatehouse.domain.model.SsoProtocol.OIDC, connection));

        var found = configurations.find(workspace).orElseThrow();

        assertThat(found.protocol()).isEqualTo(io.gatehouse.domain.model.SsoProtocol.OIDC);
        assertThat(found.oidc()).isEqualTo(connection);
        assertThat(found.idpEntityId()).isNull();
        assertThat(found.providerName()).isEqualTo("oidc:" + workspace);
        assertThat(configurations.find(workspace()).isPresent()).isFalse();
        configurations.upsert(base);
        assertThat(configurations.find(workspace).orElseThrow().oidc()).as("a SAML save without a connection").isNull();
    }

    private static io.gatehouse.domain.model.SsoConfiguration configuration(WorkspaceId workspace, java.util.Set<String> verified) {
        return new io.gatehouse.domain.model.SsoConfiguration(workspace, true, "https://idp", "https://idp/sso", List.of(),
                List.of("before.test", "after.test", "forged.test"), true, false, false, true, io.gatehouse.domain.model.Role.MEMBER, false,
                false, io.gatehouse.domain.model.SsoConfiguration.AttributeMapping.DEFAULT,
                new io.gatehouse.domain.model.SsoConfiguration.SpKeys("c", "k", "c", "k"), NOW, NOW, verified);
    }

    @Test
    void aWorkspaceClaimsADomainOnceAndSeesItPendingUntilVerified() {
        WorkspaceId workspace = workspace();

        assertThat(claims.claim(workspace, "acme.test", "c1", NOW)).isTrue();
        assertThat(claims.claim(workspace, "acme.test", "c2", NOW.plusSeconds(1))).as("second claim").isFalse();
        DomainClaim pending = claims.find(workspace, "acme.test").orElseThrow();
        assertThat(pending.challenge()).isEqualTo("c1");
        assertThat(pending.status()).isEqualTo(DomainClaim.Status.PENDING);
        assertThat(pending.createdAt()).isEqualTo(NOW);

        assertThat(claims.markVerified(workspace, "acme.test", DomainClaim.VerificationMethod.DNS_TXT, NOW.plusSeconds(5))).isTrue();
        DomainClaim verified = claims.ofWorkspace(workspace).get(0);
        assertThat(verified.status()).isEqualTo(DomainClaim.Status.VERIFIED);
        assertThat(verified.verifiedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(verified.verifiedBy()).isEqualTo(DomainClaim.VerificationMethod.DNS_TXT);
        assertThat(claims.verifiedOwner("acme.test")).contains(workspace);
    }

    @Test
    void theFirstWorkspaceToVerifyOwnsTheDomainAndTheOthersSeeItTaken() {
        WorkspaceId first = workspace();
        WorkspaceId second = workspace();
        claims.claim(first, "contested.test", "a", NOW);
        claims.claim(second, "contested.test", "b", NOW);

        assertThat(claims.markVerified(first, "contested.test", DomainClaim.VerificationMethod.DNS_TXT, NOW)).isTrue();
        assertThat(claims.markVerified(second, "contested.test", DomainClaim.VerificationMethod.OPERATOR, NOW)).isFalse();

        assertThat(claims.find(second, "contested.test").orElseThrow().status()).isEqualTo(DomainClaim.Status.TAKEN);
        assertThat(claims.find(second, "contested.test").orElseThrow().verifiedAt()).isNull();
        assertThat(claims.verifiedElsewhere(second, List.of("contested.test", "free.test"))).containsExactly("contested.test");
        assertThat(claims.verifiedElsewhere(first, List.of("contested.test"))).isEmpty();
    }

    @Test
    void concurrentVerificationsOfOneDomainLeaveExactlyOneOwner() throws Exception {
        List<WorkspaceId> contenders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            WorkspaceId workspace = workspace();
            claims.claim(workspace, "race.test", "c" + i, NOW);
            contenders.add(workspace);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = contenders.stream().<Callable<Boolean>>map(w ->
                    () -> claims.markVerified(w, "race.test", DomainClaim.VerificationMethod.DNS_TXT, NOW)).toList();
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void deletingTheOwnersClaimFreesTheDomainButAnotherWorkspacesDeleteDoesNot() {
        WorkspaceId owner = workspace();
        WorkspaceId other = workspace();
        claims.claim(owner, "free-again.test", "a", NOW);
        claims.claim(other, "free-again.test", "b", NOW);
        claims.markVerified(owner, "free-again.test", DomainClaim.VerificationMethod.DNS_TXT, NOW);

        assertThat(claims.delete(other, "free-again.test")).isTrue();
        assertThat(claims.verifiedOwner("free-again.test")).contains(owner);
        assertThat(claims.delete(owner, "free-again.test")).isTrue();
        assertThat(claims.verifiedOwner("free-again.test")).isEmpty();
        assertThat(claims.delete(owner, "free-again.test")).isFalse();
    }

    /** Upgrading: the domains named by existing SSO configurations become pending claims, and sso_domains goes away. */
    @Test
    void theMigrationTurnsExistingSsoDomainsIntoPendingClaims() throws Exception {
        Map<String, Object> database = TestDatabase.freshDatabaseProperties();
        String url = (String) database.get("datasources.default.url");
        url = url.startsWith("jdbc:h2:") ? H2CompatibilityMode.withCompatibilityMode(url) : url;
        String user = (String) database.get("datasources.default.username");
        String password = (String) database.get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/common").target("8").load().migrate();
        UUID workspace = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO workspaces (id, name, created_at) VALUES ('" + workspace + "', 'Old', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO sso_configurations (workspace_id, enabled, idp_entity_id, idp_sso_url, idp_certificates, "
                    + "sign_authn_requests, want_assertions_encrypted, allow_idp_initiated, jit_provisioning, default_role, enforce_sso, "
                    + "attribute_email, attribute_first_name, attribute_last_name, sp_signing_certificate, sp_signing_key, "
                    + "sp_encryption_certificate, sp_encryption_key, created_at, updated_at, email_domains) VALUES ('" + workspace
                    + "', TRUE, 'idp', 'https://idp', 'pem', TRUE, FALSE, FALSE, TRUE, 'member', TRUE, 'email', 'f', 'l', 'c', 'k', 'c', "
                    + "'k', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'old.test,second.test')");
            sql.execute("INSERT INTO sso_domains (domain, workspace_id, position) VALUES ('old.test', '" + workspace + "', 0), "
                    + "('second.test', '" + workspace + "', 1)");

            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/common").load().migrate();

            List<String> challenges = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT domain, challenge FROM domain_claims WHERE workspace_id = '" + workspace
                    + "' ORDER BY domain")) {
                List<String> domains = new ArrayList<>();
                while (rows.next()) {
                    domains.add(rows.getString(1));
                    challenges.add(rows.getString(2));
                }
                assertThat(domains).containsExactly("old.test", "second.test");
            }
            assertThat(challenges).allSatisfy(c -> assertThat(c).matches("m[0-9]{3,}")).doesNotHaveDuplicates();
            try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM verified_domains")) {
                rows.next();
                assertThat(rows.getInt(1)).as("nothing is verified by the upgrade").isZero();
            }
        }
    }

    private WorkspaceId workspace() {
        Workspace workspace = new Workspace(WorkspaceId.random(), "W", NOW);
        workspaces.insert(workspace);
        return workspace.id();
    }
}
