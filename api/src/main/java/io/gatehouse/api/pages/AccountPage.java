package io.gatehouse.api.pages;

import java.util.List;
import java.util.Map;

/**
 * The signed-in person's account page: profile, sessions, API tokens. {@code newToken} is a token's secret
 * right after its creation, shown this once (the page is never cached); {@code csrf} holds one token per
 * form action. Rendered by account.jte.
 */
public record AccountPage(String name, String email, boolean emailVerified, List<SessionRow> sessions, List<TokenRow> tokens,
                          String newToken, FieldError error, Map<String, String> csrf) {

    public record SessionRow(String id, String device, String signedInAt, String lastSeenAt, String method, boolean current) {
    }

    public record TokenRow(String id, String note, String prefix, String createdAt, String expiresAt, String lastUsedAt) {
    }

    public String csrfFor(String action) {
        return csrf.get(action);
    }

    public boolean errorOn(String field) {
        return error != null && error.field().equals(field);
    }
}
