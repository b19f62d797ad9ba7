package io.gatehouse.api.pages;

/** The signed-in person's account page. Rendered by account.jte. */
public record AccountPage(String name, String email, boolean emailVerified, String logoutCsrf) {
}
