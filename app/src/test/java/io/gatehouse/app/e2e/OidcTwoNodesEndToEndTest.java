package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.oidc.TestOpenIdProvider;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two nodes behind one public URL: a sign-in started on one completes on the other, and its state is still spent once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcTwoNodesEndToEndTest {

    private final TestOpenIdProvider op = new TestOpenIdProvider();
    private final List<TestGatehouse> nodes = TestGatehouse.cluster(2, OidcSignIn.provider("test", op));

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
}
