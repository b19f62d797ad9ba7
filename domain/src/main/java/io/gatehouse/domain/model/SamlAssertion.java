package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a SAML response said once the SAML adapter verified it: its signature over exactly this
 * assertion, issuer, destination, recipient, audience, validity window, freshness and bearer
 * confirmation. The domain never sees an unverified assertion.
 *
 * @param inResponseTo the AuthnRequest this answers, or null for an IdP-initiated response
 * @param issuedAt the earlier of the Response's and the Assertion's IssueInstant
 * @param authnInstant when the IdP authenticated the user (the AuthnStatement's AuthnInstant)
 * @param validUntil the end of the assertion's validity window; its id is remembered until then
 * @param attributes attribute name to values, in document order
 */
public record SamlAssertion(String assertionId, String issuer, String nameId, String inResponseTo, Instant issuedAt,
                            Instant authnInstant, Instant validUntil, Map<String, List<String>> attributes) {

    public SamlAssertion {
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(authnInstant, "authnInstant");
        Objects.requireNonNull(validUntil, "validUntil");
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> inResponse() {
        return Optional.ofNullable(inResponseTo);
    }

    /** The first non-blank value of the first of {@code names} that the assertion carries. */
    public Optional<String> firstValue(List<String> names) {
        for (String name : names) {
            List<String> values = attributes.get(name);
            if (values != null) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        return Optional.of(value.strip());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
