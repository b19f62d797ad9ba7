package io.gatehouse.domain.service;

import io.gatehouse.domain.model.User;
import io.gatehouse.domain.port.out.Memberships;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims a person's granted scopes allow (OpenID Connect Core 5.4): {@code email} gives {@code email} and
 * {@code email_verified}, {@code profile} gives {@code name}, and Gatehouse's {@code workspaces} gives the workspaces the
 * person belongs to with their role. The same claims go into the ID token and come from UserInfo.
 */
public final class ScopedClaims {

    private final Memberships memberships;

    public ScopedClaims(Memberships memberships) {
        this.memberships = memberships;
    }

    public Map<String, Object> of(User user, Set<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("email")) {
            claims.put("email", user.email().value());
            claims.put("email_verified", user.emailVerified());
        }
        if (scopes.contains("profile") && user.fullName() != null) {
            claims.put("name", user.fullName());
        }
        if (scopes.contains("workspaces")) {
            List<Map<String, Object>> workspaces = memberships.workspacesOf(user.id()).stream()
                    .map(role -> Map.<String, Object>of("id", role.workspace().id().toString(), "name", role.workspace().name(),
                            "role", role.role().wireName()))
                    .toList();
            claims.put("workspaces", workspaces);
        }
        return claims;
    }
}
