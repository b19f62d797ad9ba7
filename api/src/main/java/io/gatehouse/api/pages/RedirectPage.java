package io.gatehouse.api.pages;

/**
 * A page that sends the browser on to {@code url} (an IdP's sign-in) without script: a meta refresh and a
 * link. A 303 would do the same, but a redirect that follows a form post must pass the CSP's
 * {@code form-action 'self'}, which an IdP's origin does not.
 */
public record RedirectPage(String url) {
}
