package io.gatehouse.api.pages;

/** A "Continue with …" button of the sign-in page: an instance provider, and the start of a sign-in with it. */
public record ProviderButton(String name, String displayName, String href) {
}
