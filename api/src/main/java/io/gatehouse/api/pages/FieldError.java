package io.gatehouse.api.pages;

/** An error shown next to {@code field}, worded from the JSON API's problem {@code code}, which the page also carries. */
public record FieldError(String field, String code, String message) {
}
