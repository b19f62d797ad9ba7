package io.gatehouse.api.pages;

import java.util.List;
import java.util.Map;

/**
 * A workspace's settings, for its admins: members and invitations, email domains with the TXT record to publish,
 * SAML single sign-on (the IdP's details, the SP's, the switches) and the recent SSO sign-in attempts.
 * {@code csrf} holds one token per form, keyed by the form's path below {@code /workspaces/{wid}/settings};
 * {@code values} what the person typed, when a form is shown again with an error. Rendered by
 * workspace-settings.jte.
 */
public record WorkspaceSettingsPage(String workspaceId, String workspaceName, List<MemberRow> members,
                                    List<InvitationRow> invitations, List<DomainRow> domains, Sso sso, List<EventRow> events,
                                    FieldError error, String notice, Map<String, String> csrf, Map<String, String> values) {

    public record MemberRow(String userId, String email, String name, String role, String joinedAt, boolean you) {
    }

    public record InvitationRow(String id, String email, String role, String expiresAt) {
    }

    public record DomainRow(String domain, String status, String recordName, String recordValue, String verifiedAt) {
    }

    /** {@code configured} false: nothing saved yet, only the SP's details (which the IdP needs first) are set. */
    public record Sso(boolean configured, boolean enabled, boolean enforced, String idpEntityId, String idpSsoUrl,
                      List<String> certificates, String emailDomains, String spEntityId, String acsUrl, String metadataUrl,
                      boolean oidc, String oidcIssuer, String oidcClientId, String oidcScopes, boolean oidcSecretSet, String oidcRedirectUri) {
    }

    public record EventRow(String at, String outcome, String code, String detail, String email, String ip, int count) {
    }

    public String action(String form) {
        return "/workspaces/" + workspaceId + "/settings" + form;
    }

    public String csrfFor(String form) {
        return csrf.get(form);
    }

    public boolean errorOn(String field) {
        return error != null && error.field().equals(field);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }
}
