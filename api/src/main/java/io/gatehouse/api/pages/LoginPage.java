package io.gatehouse.api.pages;

/**
 * What the sign-in page shows: the email step ({@code askPassword} false) or the password step for
 * {@code email}, an error next to its field, and where to go afterwards. Rendered by login.jte.
 */
public record LoginPage(String email, boolean askPassword, FieldError error, String continueTo, String csrf) {

    public boolean errorOn(String field) {
        return error != null && error.field().equals(field);
    }
}
