package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoRejection;
import java.time.Duration;

/**
 * Decodes, parses and verifies a SAML Response posted to the ACS (SAML bindings 3.5 HTTP-POST),
 * and returns the one assertion whose signature was verified. Everything that needs the XML is
 * checked here; what needs the database (InResponseTo, replay, accounts) is the caller's job.
 */
public interface SamlResponseReader {

    /** @throws SsoRejection with the reason when any check fails */
    SamlAssertion read(String encodedResponse, Expectations expected);

    /** What the response must match: the workspace's IdP, this SP's entity id and ACS URL. */
    record Expectations(SsoConfiguration configuration, String spEntityId, String acsUrl, Duration clockSkew) {
    }
}
