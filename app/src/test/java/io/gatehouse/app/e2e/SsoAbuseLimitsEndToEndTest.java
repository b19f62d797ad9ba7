package io.gatehouse.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A script from one address can no longer make Gatehouse store without bound: SSO starts and refused
 * ACS posts are limited per client address (429 with Retry-After), a workspace's outstanding
 * AuthnRequests are capped, and repeated identical failures fold into one event. Another address is
 * unaffected throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoAbuseLimitsEndToEndTest {

    private static final int MAX_STARTS = 6;
    private static final int MAX_FAILURES = 4;
    private static final int MAX_PENDING = 10;
    private static final String ATTACKER = "203.0.113.66";
    private static final String COLLEAGUE = "198.51.100.20";
    private static final TestIdentityProvider IDP = new TestIdentityProvider("Limits IdP");
    // The test plays several clients through a trusted proxy header, as an operator behind a load balancer would configure.
    private final TestGatehouse gatehouse = TestGatehouse.start(Map.of(
            "micronaut.server.client-address-header", "X-Forwarded-For",
            "gatehouse.sso-limits.max-starts-per-ip", MAX_STARTS,
            "gatehouse.sso-limits.max-failures-per-ip", MAX_FAILURES,
            "gatehouse.sso-limits.max-pending-per-workspace", MAX_PENDING));

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @Test
    void aBurstOfLoginStartsFromOneAddressIsRefusedAndStoresNoMoreRequests() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        for (int i = 0; i < MAX_STARTS + 5; i++) {
            int status = start(sso, "user" + i + "@" + sso.domain, ATTACKER).status();
            assertThat(status).as("start %d", i).isEqualTo(i < MAX_STARTS ? 200 : 429);
        }
        TestGatehouse.Response refused = start(sso, "one-more@" + sso.domain, ATTACKER);
        refused.problem(429, "too_many_attempts");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
        // Unknown domains count too, so the limit tells nothing about which domains have SSO.
        start(sso, "someone@unknown-" + UUID.randomUUID() + ".example", ATTACKER).problem(429, "too_many_attempts");

        assertThat(start(sso, "colleague@" + sso.domain, COLLEAGUE).status()).isEqualTo(200);
        assertThat(pendingRequests(sso)).isEqualTo(MAX_STARTS + 1);
        assertThat(gatehouse.count("SELECT COUNT(*) FROM client_attempts WHERE action = 'sso_start' AND attempt_key = ?", ATTACKER))
                .isEqualTo(MAX_STARTS);
        assertThat(gatehouse.get("/metrics").body()).containsPattern("gatehouse_sso_throttled_total\\{limit=\"starts_per_ip\"[^}]*} [1-9]");
    }

    @Test
    void aWorkspaceHasAtMostItsCapOfOutstandingRequestsWhateverTheAddresses() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        for (int i = 0; i < MAX_PENDING; i++) {
            assertThat(start(sso, "u" + i + "@" + sso.domain, "192.0.2." + (i + 1)).status()).isEqualTo(200);
        }

        TestGatehouse.Response full = start(sso, "late@" + sso.domain, "192.0.2.200");
        assertThat(full.problem(429, "too_many_attempts").get("detail").toString()).contains("too many SSO logins in progress");
        assertThat(full.header("Retry-After")).isNotNull();
        assertThat(pendingRequests(sso)).isEqualTo(MAX_PENDING);
        // Another workspace is not affected by this one's flood.
        SsoWorkspace other = SsoWorkspace.create(gatehouse, IDP, Map.of());
        assertThat(start(other, "fine@" + other.domain, "192.0.2.201").status()).isEqualTo(200);
    }

    @Test
    void junkPostsToAnAcsAreLimitedPerAddressAndFoldedIntoOneEvent() {
        SsoWorkspace sso = SsoWorkspace.create(gatehouse, IDP, Map.of());
        for (int i = 0; i < MAX_FAILURES; i++) {
            post(sso, "junk-" + i, ATTACKER).problem(401, "saml_malformed");
        }
        TestGatehouse.Response throttled = post(sso, "junk-more", ATTACKER);
        throttled.problem(429, "too_many_attempts");
        assertThat(throttled.header("Retry-After")).isNotNull();
        // Even a correct response from that address waits: the limit is checked before any parsing.
        String email = "late@" + sso.domain;
        TestIdentityProvider.ReceivedRequest request = sso.start(email, "");
        post(sso, sso.answer(request, email).encoded(), request.relayState(), ATTACKER).problem(429, "too_many_attempts");

        post(sso, "junk-colleague", COLLEAGUE).problem(401, "saml_malformed");
        post(sso, sso.answer(request, email).encoded(), request.relayState(), COLLEAGUE).expect(200);

        List<Map<String, Object>> failures = sso.events().stream().filter(e -> "failure".equals(e.get("outcome"))).toList();
        assertThat(failures).hasSize(2);
        assertThat(failures).filteredOn(e -> ATTACKER.equals(e.get("ip"))).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("code", "saml_malformed").containsEntry("count", MAX_FAILURES);
            assertThat(e.get("first_at")).isNotNull().isNotEqualTo(e.get("at"));
        });
        assertThat(failures).filteredOn(e -> COLLEAGUE.equals(e.get("ip"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("count", 1));
        assertThat(gatehouse.count("SELECT COUNT(*) FROM sso_events WHERE workspace_id = ? AND outcome = 'failure'",
                UUID.fromString(sso.id))).isEqualTo(2);
        String metrics = gatehouse.get("/metrics").body();
        assertThat(metrics).containsPattern("gatehouse_sso_event_failures_total\\{stored=\"folded\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("gatehouse_sso_throttled_total\\{limit=\"failures_per_ip\"[^}]*} [1-9]");
    }

    private TestGatehouse.Response start(SsoWorkspace sso, String email, String ip) {
        return gatehouse.request("GET", "/api/v1/auth/saml2/login?email=" + SsoWorkspace.encode(email)).headers("X-Forwarded-For", ip).send();
    }

    private TestGatehouse.Response post(SsoWorkspace sso, String encoded, String ip) {
        return post(sso, encoded, null, ip);
    }

    private TestGatehouse.Response post(SsoWorkspace sso, String encoded, String relayState, String ip) {
        String form = "SAMLResponse=" + SsoWorkspace.encode(encoded) + (relayState == null ? "" : "&RelayState=" + SsoWorkspace.encode(relayState));
        return gatehouse.request("POST", "/api/v1/auth/saml2/login/" + sso.id).headers("X-Forwarded-For", ip)
                .body("application/x-www-form-urlencoded", form).send();
    }

    private long pendingRequests(SsoWorkspace sso) {
        return gatehouse.count("SELECT COUNT(*) FROM saml_requests WHERE workspace_id = ?", UUID.fromString(sso.id));
    }
}
