package io.gatehouse.app.pages;

import static io.gatehouse.app.e2e.TestGatehouse.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.saml.TestIdentityProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A workspace admin's settings in the browser: proving a domain through DNS, setting SAML SSO up from the IdP's
 * metadata, switching it on, a test sign-in through the IdP's own pages, and the events that say what happened;
 * members and invitations; and who may not see the page at all.
 */
class WorkspaceSettingsBrowserTest extends BrowserTestBase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestIdentityProvider idp = new TestIdentityProvider("Settings IdP");
    private final IdpLoginPages idpPages = IdpLoginPages.start(idp);

    @AfterAll
    void stopIdp() {
        idpPages.close();
    }

    @Test
    void anAdminProvesADomainSetsUpSsoFromMetadataSwitchesItOnTestsItAndReadsTheEvents() {
        String domain = uniqueDomain();
        String owner = "owner@" + domain;
        String workspace = workspaceOf(owner, "Rocket Labs");
        signIn(owner).go(settings(workspace));

        browser.type("domain", domain).submit("domain");
        assertThat(browser.text("#domains")).contains(domain).contains("pending").contains("_gatehouse-challenge." + domain);
        browser.click("#domains button[aria-label='Verify " + domain + "']");
        assertThat(browser.all("#domains-error[data-code=domain_not_verified]")).as("verified before the record is published").hasSize(1);
        assertThat(browser.text("#domains-error")).as("says what the resolvers found").contains(domain);

        String recordValue = browser.all("#domains code.record").get(1).getText();
        gatehouse.dns().txt("_gatehouse-challenge." + domain, recordValue);
        browser.click("#domains button[aria-label='Verify " + domain + "']");
        assertThat(browser.text("#notice")).contains(domain + " is verified");
        assertThat(browser.text("#domains")).contains("verified");

        browser.type("idp_metadata_xml", idp.metadataXml(idpPages.ssoUrl())).type("email_domains", domain).submit("idp_metadata_xml");
        assertThat(browser.text("#idp-entity-id")).isEqualTo(TestIdentityProvider.ENTITY_ID);
        String metadataUrl = browser.all("#sp-metadata").get(0).getDomAttribute("href");
        assertThat(gatehouse.get(metadataUrl.substring(origin().length())).expect(200).body()).contains(browser.text("#sp-acs-url"));
        idpPages.register(browser.text("#sp-entity-id"), browser.text("#sp-acs-url"));

        browser.click("#toggle-sso");
        assertThat(browser.text("#sso-status")).contains("on");
        browser.screenshot("workspace-settings");

        // The admin's own address is in the domain: the IdP's answer finds the password account, which links only with its password.
        browser.click("#test-sso").waitForUrl(idpPages.origin());
        browser.type("idp-username", owner).submit("idp-username");
        browser.click("#idp-continue");
        assertThat(browser.path()).startsWith("/link-account");
        browser.type("password", PASSWORD).submit("password");

        assertThat(browser.path()).isEqualTo(settings(workspace));
        assertThat(browser.text("#events")).contains("sso_link_confirmation_required").contains("success").contains(owner);
        browser.screenshot("workspace-settings-events");

        browser.click("#toggle-enforce");
        assertThat(browser.text("#sso-status")).contains("yes");
        assertThat(gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/sso").session(gatehouse.login(owner)).send().expect(200)
                .json()).containsEntry("enabled", true).containsEntry("enforce_sso", true);
    }

    @Test
    void metadataCanBeUploadedAsAFileAndBadMetadataIsRefusedNextToItsField() throws IOException {
        String owner = "owner@" + uniqueDomain();
        String workspace = workspaceOf(owner, "Upload Co");
        signIn(owner).go(settings(workspace));

        browser.type("idp_metadata_xml", "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>")
                .submit("idp_metadata_xml");
        assertThat(browser.all("#idp_metadata_xml-error")).hasSize(1);
        gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/sso").session(gatehouse.login(owner)).send().expect(404);

        Path file = Files.createTempFile("idp-metadata", ".xml");
        Files.writeString(file, idp.metadataXml(idpPages.ssoUrl()));
        browser.type("idp_metadata_xml", "").attach("metadata_file", file).submit("metadata_file");

        assertThat(browser.text("#idp-entity-id")).isEqualTo(TestIdentityProvider.ENTITY_ID);
        assertThat(browser.text("#idp")).contains(idpPages.ssoUrl());
    }

    @Test
    void anInvitationIsMailedAndWithdrawnAndTheLastOwnerCannotLeave() {
        String owner = "owner@" + uniqueDomain();
        String workspace = workspaceOf(owner, "Invite Co");
        String invitee = "newcomer@" + uniqueDomain();
        signIn(owner).go(settings(workspace));

        browser.type("invite_email", invitee).submit("invite_email");
        assertThat(browser.text("#invitations")).contains(invitee).contains("member");
        assertThat(gatehouse.mailsTo(invitee)).hasSize(1);

        browser.click("#invitations button[aria-label='Withdraw the invitation of " + invitee + "']");
        assertThat(browser.all("#invitations li")).isEmpty();

        browser.click("#members button[aria-label='Remove " + owner + " from the workspace']");
        assertThat(browser.all("[data-code=last_owner]")).hasSize(1);
        assertThat(browser.text("#members")).contains(owner);
    }

    @Test
    void aMemberIsRefusedAStrangerFindsNothingAndAHostileNameIsText() {
        String owner = "owner@" + uniqueDomain();
        String hostile = "<img src=x onerror=alert(1)>";
        String workspace = workspaceOf(owner, hostile);
        String member = "member@" + uniqueDomain();
        gatehouse.signUpVerified(member);
        gatehouse.addMember(workspace, gatehouse.login(owner), member, "member");
        String stranger = "stranger@" + uniqueDomain();
        gatehouse.signUpVerified(stranger);

        signIn(owner).go(settings(workspace));
        assertThat(browser.text("h1")).startsWith(hostile);
        assertThat(browser.all("h1 img")).isEmpty();

        assertThat(gatehouse.get(settings(workspace), "Cookie", "gatehouse_session=" + gatehouse.login(member)).status()).isEqualTo(403);
        assertThat(gatehouse.get(settings(workspace), "Cookie", "gatehouse_session=" + gatehouse.login(stranger)).status()).isEqualTo(404);
        assertThat(gatehouse.get(settings(workspace)).status()).as("signed out: to the sign-in page").isEqualTo(303);
    }

    /** A form post with another form's token (here, the domain form's token on the SSO switch) changes nothing. */
    @Test
    void aFormTokenIsGoodForItsOwnFormOnly() {
        String owner = "owner@" + uniqueDomain();
        String workspace = workspaceOf(owner, "Token Co");
        gatehouse.request("POST", "/api/v1/workspaces/" + workspace + "/sso").session(gatehouse.login(owner))
                .json("{\"idp_metadata_xml\":" + quoted(idp.metadataXml(idpPages.ssoUrl())) + "}").send().expect(201);
        signIn(owner).go(settings(workspace));
        String domainFormToken = browser.all("form[action$='/settings/domains'] input[name=csrf]").get(0).getDomAttribute("value");

        int status = gatehouse.request("POST", settings(workspace) + "/sso/switch").headers("Cookie", browser.cookieHeader(), "Origin", origin())
                .body("application/x-www-form-urlencoded", "csrf=" + domainFormToken + "&setting=enabled&value=true").send().status();

        assertThat(status).isEqualTo(403);
        assertThat(gatehouse.request("GET", "/api/v1/workspaces/" + workspace + "/sso").session(gatehouse.login(owner)).send().expect(200)
                .json()).containsEntry("enabled", false);
    }

    private String workspaceOf(String owner, String name) {
        Map<String, Object> created = gatehouse.postJson("/api/v1/signup", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspace_name\":" + quoted(name) + "}").expect(201).json();
        gatehouse.verifyEmail(owner);
        return (String) ((Map<?, ?>) created.get("workspace")).get("id");
    }

    private static String settings(String workspace) {
        return "/workspaces/" + workspace + "/settings";
    }

    private static String uniqueDomain() {
        return "ws" + COUNTER.incrementAndGet() + "-" + ProcessHandle.current().pid() + ".example.com";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

}
