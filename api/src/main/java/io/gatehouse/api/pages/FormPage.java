package io.gatehouse.api.pages;

import java.util.Map;

/**
 * The pages of one form each (sign-up, the mailed links, password recovery): what the fields hold when the
 * page is shown again, a {@code token} carried over from a mailed link, an error next to its field, and
 * the CSRF token of the form. Rendered by the template of the same name.
 */
public record FormPage(Map<String, String> values, String token, FieldError error, String csrf) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean errorOn(String field) {
        return error != null && error.field().equals(field);
    }
}
