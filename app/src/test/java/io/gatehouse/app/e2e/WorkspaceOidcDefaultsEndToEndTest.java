package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.TestOpenIdProvider;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the default settings, a tenant cannot point its connection at Gatehouse's own network: an issuer on a
 * loopback (or private) address is refused before any call to it, and the workspace's admins see why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceOidcDefaultsEndToEndTest {

    private final TestOpenIdProvider op = new TestOpenIdProvider();
    private final TestGatehouse gatehouse = TestGatehouse.start();

    @AfterAll
    void stop() {
        gatehouse.close();
        op.close();
    }

    @Test
    void aConnectionToAPrivateAddressIsRefusedByDefault() {
        OidcWorkspace workspace = OidcWorkspace.create(gatehouse, op, Map.of());

        Map<String, Object> problem = gatehouse.get("/api/v1/auth/sso/login?email=" + workspace.person("x")).problem(502,
                "oidc_provider_unavailable");

        assertThat((String) problem.get("detail")).as("the reason is the admins'").doesNotContain("127.0.0.1").contains("sign-in events");
        assertThat(workspace.newestEvent()).containsEntry("code", "oidc_provider_unavailable");
        assertThat((String) workspace.newestEvent().get("detail")).contains("127.0.0.1")
                .contains("GATEHOUSE_OIDC_CONNECTIONS_ALLOW_PRIVATE_ADDRESSES");
        assertThat(gatehouse.count("SELECT COUNT(*) FROM oidc_logins")).as("no sign-in was started").isZero();
    }
}
