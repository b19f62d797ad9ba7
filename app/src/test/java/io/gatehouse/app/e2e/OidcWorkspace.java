package io.gatehouse.app.e2e;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;

import io.gatehouse.oidc.TestOpenIdProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workspace whose owner connected it to an OpenID Connect IdP (the in-test provider, or a real one) for a domain the
 * workspace verified, through the JSON API as an admin would.
 */
public final class OidcWorkspace {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final TestGatehouse gatehouse;
    public final String id;
    public final String domain;
    public final String ownerEmail;
    public final String ownerCookie;
    public final Map<String, Object> config;

    private OidcWorkspace(TestGatehouse gatehouse, String id, String domain, String ownerEmail, String ownerCookie, Map<String, Object> config) {
        this.gatehouse = gatehouse;
        this.id = id;
        this.domain = domain;
        this.ownerEmail = ownerEmail;
        this.ownerCookie = ownerCookie;
        this.config = config;
    }

    /** The owner, the workspace, its verified domain, and an enabled connection to {@code issuer} with {@code settings} on top. */
    public static OidcWorkspace create(TestGatehouse gatehouse, String issuer, String clientId, String clientSecret, Map<String, Object> settings) {
        String domain = "oidc" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid() + ".example.org";
        String owner = "owner@" + domain;
        var created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":\"" + domain + "\"}").expect(201).json();
        String id = (String) ((Map<?, ?>) created.get("workspace")).get("id");
        gatehouse.verifyEmail(owner);
        String cookie = gatehouse.login(owner);
        Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "protocol", "oidc", "oidc_issuer", issuer, "oidc_client_id", clientId,
                "oidc_client_secret", clientSecret, "email_domains", List.of(domain)));
        body.putAll(settings);
        var config = gatehouse.request("POST", "/api/v1/workspaces/" + id + "/sso").session(cookie).json(SsoWorkspace.json(gatehouse, body))
                .send().expect(201).json();
        OidcWorkspace workspace = new OidcWorkspace(gatehouse, id, domain, owner, cookie, config);
        workspace.verifyDomain(domain);
        return workspace;
    }

    public static OidcWorkspace create(TestGatehouse gatehouse, TestOpenIdProvider op, Map<String, Object> settings) {
        return create(gatehouse, op.issuer(), TestOpenIdProvider.CLIENT_ID, TestOpenIdProvider.CLIENT_SECRET, settings);
    }

    public String provider() {
        return "oidc:" + id;
    }

    /** Publishes the claim's TXT record on the test DNS server and verifies the domain, as its owner would. */
    void verifyDomain(String name) {
        gatehouse.verifyDomain(id, ownerCookie, name);
    }

    public TestGatehouse.Response patch(String json) {
        return gatehouse.request("PATCH", "/api/v1/workspaces/" + id + "/sso").session(ownerCookie).json(json).send();
    }

    /** The workspace's sign-in events, newest first. */
    public List<Map<String, Object>> events() {
        return gatehouse.request("GET", "/api/v1/workspaces/" + id + "/sso/events").session(ownerCookie).send().expect(200).jsonList();
    }

    public Map<String, Object> newestEvent() {
        return events().get(0);
    }

    /** A person of the workspace's domain, unique per call. */
    public String person(String name) {
        return name + COUNTER.incrementAndGet() + "@" + domain;
    }

    /** The role of {@code email}'s account in this workspace, or null when not a member. */
    public String roleOf(String email) {
        List<String> roles = gatehouse.column("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? "
                + "AND u.email = ?", java.util.UUID.fromString(id), email);
        return roles.isEmpty() ? null : roles.get(0);
    }

    OidcWorkspace on(TestGatehouse node) {
        return new OidcWorkspace(node, id, domain, ownerEmail, ownerCookie, config);
    }
}
