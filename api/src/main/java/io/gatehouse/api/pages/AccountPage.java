package io.gatehouse.api.pages;

import java.util.List;
import java.util.Map;

/**
 * The signed-in person's account page: profile, password, linked sign-ins, sessions, API tokens and the developer
 * API key. {@code newToken}, {@code newApiKey} and {@code newApiSecret} are secrets right after their creation,
 * shown this once (the page is never cached); {@code csrf} holds one token per form action. Rendered by account.jte.
 */
public record AccountPage(String name, String email, boolean emailVerified, boolean hasPassword, List<WorkspaceRow> workspaces,
                          List<SessionRow> sessions, List<TokenRow> tokens, List<LinkRow> links, List<LinkableRow> linkable,
                          String apiKey, String newToken, String newApiKey, String newApiSecret, FieldError error, String notice,
                          Map<String, String> csrf) {

    public record WorkspaceRow(String id, String name, String role, boolean admin) {
    }

    public record SessionRow(String id, String device, String signedInAt, String lastSeenAt, String method, boolean current) {
    }

    public record TokenRow(String id, String note, String prefix, String createdAt, String expiresAt, String lastUsedAt) {
    }

    public record LinkRow(String provider, String displayName, String email, String linkedAt) {
    }

    public record LinkableRow(String provider, String displayName) {
    }

    public String csrfFor(String action) {
        return csrf.get(action);
    }

    public boolean errorOn(String field) {
        return error != null && error.field().equals(field);
    }
}
