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
            case CONFIRMATION_EXPIRED -> "The confirmation expired. Sign in through your organization again to start over.";
            case ALREADY_MEMBER -> "This person is already a member of the workspace.";
            case LAST_OWNER -> "A workspace keeps at least one owner: make someone else an owner first.";
            case FORBIDDEN -> "Only a workspace owner can do this.";
            case INVALID_DOMAIN -> "Enter a domain name such as example.com.";
            case PUBLIC_DOMAIN -> "This is a public email domain (or a public suffix): nobody can own it for a workspace.";
            case DOMAIN_TAKEN -> "Another workspace has already proved that it owns this domain.";
            case DOMAIN_NOT_VERIFIED -> "The TXT record was not found yet.";
            case SSO_NOT_CONFIGURED -> "Set up single sign-on first.";
            case VALIDATION_FAILED -> "Check this field.";
            default -> "Something went wrong (" + code.code() + "). Please try again.";
        };
    }
}
