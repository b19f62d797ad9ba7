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

    /**
     * @throws SsoRejection with the reason when any check fails. The ACS raises the same rejection for
     *         the checks that need the database, inside its transaction: the rejection is what rolls back
     *         the AuthnRequest taken, the assertion id recorded and any account provisioned for it.
     */
    SamlAssertion read(String encodedResponse, Expectations expected) throws SsoRejection;

    /**
     * What the response must match: the workspace's IdP, this SP's entity id and ACS URL, and how fresh
     * it must be (IssueInstant within {@code maxMessageAge}, AuthnInstant within {@code maxAuthenticationAge},
     * neither in the future; each with {@code clockSkew} of tolerance).
     */
    record Expectations(SsoConfiguration configuration, String spEntityId, String acsUrl, Duration clockSkew, Duration maxMessageAge,
                        Duration maxAuthenticationAge) {
    }
}
