package io.gatehouse.api.pages;

/** A page that says what happened and where to go next (after sign-up, a verified email, a reset, a dead link). */
public record NoticePage(String title, String message, String linkHref, String linkText) {
}
