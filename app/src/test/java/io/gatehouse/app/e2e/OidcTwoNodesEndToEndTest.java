package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.TestOpenIdProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two nodes behind one public URL: a sign-in started on one completes on the other, and its state is still spent once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcTwoNodesEndToEndTest {

    private final TestOpenIdProvider op = new TestOpenIdProvider();
    private final List<TestGatehouse> nodes = TestGatehouse.cluster(2, settings());

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(OidcSignIn.provider("test", op));
        settings.put("gatehouse.oidc.connections-allow-private-addresses", true);
        return settings;
    }

    @AfterAll
    void stop() {
        nodes.forEach(TestGatehouse::close);
        op.close();
    }

    @Test
    void aSignInStartedOnOneNodeCompletesOnTheOtherOnce() {
        String email = "two-nodes-" + ProcessHandle.current().pid() + "@oidc.example";
        op.signsIn("sub-two-nodes", email, true);
        OidcSignIn onA = new OidcSignIn(nodes.get(0));
        String callback = OidcSignIn.authorize(onA.start("test", ""));

        TestGatehouse.Response onB = new OidcSignIn(nodes.get(1)).callback(callback, onA.flowCookie());

        onB.expect(200);
        assertThat(nodes.get(0).request("GET", "/api/v1/me").session(onB.cookie("gatehouse_session")).send().expect(200).json())
                .containsEntry("email", email);
        new OidcSignIn(nodes.get(0)).callback(callback, onA.flowCookie()).problem(401, "oidc_state_invalid");
    }

    /** A workspace's connection: saved through A (its secret sealed under the shared master key), used through both. */
    @Test
    void aWorkspaceConnectionSignInStartedOnOneNodeCompletesOnTheOther() {
        OidcWorkspace workspace = OidcWorkspace.create(nodes.get(0), op, Map.of());
        String email = workspace.person("two-nodes");
        op.signsIn("sub-ws-two-nodes", email, true);
        OidcSignIn onA = new OidcSignIn(nodes.get(0));
        String callback = OidcSignIn.authorize(onA.startSso(email, ""));

        TestGatehouse.Response onB = new OidcSignIn(nodes.get(1)).callback(callback, onA.flowCookie());

        onB.expect(200);
        assertThat(workspace.roleOf(email)).isEqualTo("member");
        assertThat(workspace.on(nodes.get(1)).newestEvent()).containsEntry("outcome", "success").containsEntry("email", email);
        new OidcSignIn(nodes.get(1)).callback(callback, onA.flowCookie()).problem(401, "oidc_state_invalid");
    }
}
