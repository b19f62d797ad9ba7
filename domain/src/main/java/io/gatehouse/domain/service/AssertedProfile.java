package io.gatehouse.domain.service;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SsoConfiguration.AttributeMapping;
import io.gatehouse.domain.model.SsoRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The email and name a verified assertion states, read through the workspace's attribute mapping.
 * After the configured name, well-known aliases are tried, so that the defaults work with Entra ID
 * (claim URIs), with LDAP-style OIDs (SAML V2.0 X.500/LDAP Attribute Profile) and with Okta, Google
 * and Keycloak. The NameID is the last resort for the email, and only when it is an email address.
 */
record AssertedProfile(Email email, String fullName) {

    static final int MAX_NAME_LENGTH = 200;

    private static final List<String> EMAIL_ALIASES = List.of(
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            "urn:oid:0.9.2342.19200300.100.1.3", "email", "mail", "emailAddress", "Email",
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
    private static final List<String> FIRST_NAME_ALIASES = List.of(
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "urn:oid:2.5.4.42", "firstName",
            "givenName", "first_name");
    private static final List<String> LAST_NAME_ALIASES = List.of(
            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "urn:oid:2.5.4.4", "lastName", "sn",
            "surname", "last_name");

    static AssertedProfile of(AttributeMapping mapping, SamlAssertion assertion) {
        Optional<String> asserted = assertion.firstValue(names(mapping.email(), EMAIL_ALIASES));
        String rawEmail = asserted.orElse(assertion.nameId());
        Email email = Email.parse(rawEmail).orElseThrow(() -> new SsoRejection(ErrorCode.SAML_EMAIL_MISSING, asserted.isPresent()
                ? "the email attribute is not a valid email address: '" + shorten(rawEmail) + "'"
                : "no email attribute (looked for '" + mapping.email() + "' and the usual aliases) and the NameID '"
                        + shorten(assertion.nameId()) + "' is not an email address"));
        String first = assertion.firstValue(names(mapping.firstName(), FIRST_NAME_ALIASES)).orElse("");
        String last = assertion.firstValue(names(mapping.lastName(), LAST_NAME_ALIASES)).orElse("");
        String full = (first + " " + last).strip();
        return new AssertedProfile(email, full.isEmpty() ? null : shorten(full));
    }

    private static List<String> names(String configured, List<String> aliases) {
        List<String> names = new ArrayList<>();
        names.add(configured);
        aliases.stream().filter(alias -> !alias.equals(configured)).forEach(names::add);
        return names;
    }

    private static String shorten(String value) {
        return value.length() <= MAX_NAME_LENGTH ? value : value.substring(0, MAX_NAME_LENGTH);
    }
}
