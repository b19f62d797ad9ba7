package io.gatehouse.api.pages;

import io.gatehouse.domain.model.ErrorCode;

/** What a page says, next to the field, for a problem code of the JSON API. */
final class Messages {

    private Messages() {
    }

    static String of(ErrorCode code) {
        return switch (code) {
            case INVALID_CREDENTIALS -> "That email and password do not match an account.";
            case TOO_MANY_ATTEMPTS -> "Too many attempts. Wait a little, then try again.";
            case ACCOUNT_SUSPENDED -> "This account is suspended. Ask your administrator.";
            case SSO_REQUIRED -> "Your organization requires signing in through its identity provider.";
            case INVALID_EMAIL -> "Enter a valid email address.";
            case INVALID_REDIRECT -> "The page that sent you here asked to return to an address Gatehouse does not trust.";
            case WEAK_PASSWORD -> "Choose a password of at least 10 characters.";
            case EMAIL_TAKEN -> "An account already uses this email address. Sign in instead.";
            case INVALID_TOKEN -> "The link was already used, replaced by a newer one, or has expired.";
            case EMAIL_NOT_VERIFIED -> "Confirm your email address first: open the link we mailed you, then accept.";
            case INVITATION_EXPIRED -> "This invitation has expired. Ask for a new one.";
            case NOT_FOUND -> "This invitation is not for you, or no longer exists.";
            default -> "Something went wrong (" + code.code() + "). Please try again.";
        };
    }
}
