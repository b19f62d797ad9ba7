package io.gatehouse.saml;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.SsoRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

/**
 * The assertion-level checks, written here rather than delegated to OpenSAML's
 * SAML20AssertionValidator, whose defaults pass a missing issuer, subject or conditions and whose
 * clock cannot be injected (SAML-NOTES 5 and 7). Each one names the clause it enforces.
 */
final class AssertionChecks {

    static final int MAX_NAME_ID_LENGTH = 512;

    private AssertionChecks() {
    }

    /** What the subject confirmation established. */
    record Confirmed(String nameId, String inResponseTo, Instant notOnOrAfter) {
    }

    /**
     * SAML profiles 4.1.4.2: a Subject with a NameID, and a bearer SubjectConfirmation whose data
     * names this ACS as Recipient, has a NotOnOrAfter in the future, no NotBefore, and an
     * InResponseTo equal to the Response's.
     */
    static Confirmed bearerSubject(Assertion assertion, String acsUrl, String responseInResponseTo, Instant now, Duration skew) {
        Subject subject = assertion.getSubject();
        NameID nameId = subject == null ? null : subject.getNameID();
        if (nameId == null || nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw new SsoRejection(ErrorCode.SAML_SUBJECT_INVALID, "the assertion has no Subject NameID (an EncryptedID is not supported)");
        }
        if (nameId.getValue().length() > MAX_NAME_ID_LENGTH) {
            throw new SsoRejection(ErrorCode.SAML_SUBJECT_INVALID, "the NameID is longer than " + MAX_NAME_ID_LENGTH + " characters");
        }
        List<String> problems = new ArrayList<>();
        for (SubjectConfirmation confirmation : subject.getSubjectConfirmations()) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                problems.add("method " + Quoted.of(confirmation.getMethod()) + " is not bearer");
                continue;
            }
            SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
            if (data == null) {
                problems.add("bearer confirmation without SubjectConfirmationData");
            } else if (!acsUrl.equals(data.getRecipient())) {
                throw new SsoRejection(ErrorCode.SAML_RECIPIENT_MISMATCH, "SubjectConfirmationData Recipient expected "
                        + Quoted.of(acsUrl) + ", got " + Quoted.of(data.getRecipient()));
            } else if (data.getNotOnOrAfter() == null) {
                problems.add("bearer confirmation without NotOnOrAfter");
            } else if (data.getNotBefore() != null) {
                problems.add("bearer confirmation with NotBefore (not allowed by the Web SSO profile)");
            } else if (responseInResponseTo != null && !responseInResponseTo.equals(data.getInResponseTo())) {
                problems.add("InResponseTo " + Quoted.of(data.getInResponseTo()) + " differs from the Response's "
                        + Quoted.of(responseInResponseTo));
            } else {
                notExpired(data.getNotOnOrAfter(), now, skew, "SubjectConfirmationData NotOnOrAfter");
                String inResponseTo = responseInResponseTo != null ? responseInResponseTo : data.getInResponseTo();
                return new Confirmed(nameId.getValue(), inResponseTo, data.getNotOnOrAfter());
            }
        }
        throw new SsoRejection(ErrorCode.SAML_SUBJECT_INVALID, problems.isEmpty()
                ? "no bearer SubjectConfirmation" : "no usable bearer SubjectConfirmation: " + String.join("; ", problems));
    }

    /**
     * SAML core 2.5.1: NotBefore and NotOnOrAfter bound the assertion's validity (with the configured
     * skew), and 2.5.1.4: an AudienceRestriction must name this SP. Profiles 4.1.4.2 require one, so a
     * missing Conditions or AudienceRestriction is a refusal here, not a pass.
     *
     * @return the end of the validity window, if Conditions give one
     */
    static Instant conditions(Assertion assertion, String spEntityId, Instant now, Duration skew) {
        Conditions conditions = assertion.getConditions();
        if (conditions == null) {
            throw new SsoRejection(ErrorCode.SAML_AUDIENCE_MISMATCH, "the assertion has no Conditions; expected an AudienceRestriction for "
                    + Quoted.of(spEntityId));
        }
        Instant notBefore = conditions.getNotBefore();
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            long seconds = Duration.between(now, notBefore).toSeconds();
            throw new SsoRejection(ErrorCode.SAML_NOT_YET_VALID, "Conditions NotBefore is " + notBefore + ", " + seconds
                    + " s ahead of our clock (" + now + "); tolerated skew is " + skew.toSeconds() + " s — check the IdP's clock");
        }
        if (conditions.getNotOnOrAfter() != null) {
            notExpired(conditions.getNotOnOrAfter(), now, skew, "Conditions NotOnOrAfter");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw new SsoRejection(ErrorCode.SAML_AUDIENCE_MISMATCH, "no AudienceRestriction; expected audience " + Quoted.of(spEntityId));
        }
        // Every AudienceRestriction must be satisfied (core 2.5.1.4: they are ANDed).
        for (AudienceRestriction restriction : restrictions) {
            List<String> audiences = restriction.getAudiences().stream().map(Audience::getURI).toList();
            if (!audiences.contains(spEntityId)) {
                throw new SsoRejection(ErrorCode.SAML_AUDIENCE_MISMATCH, "audience expected " + Quoted.of(spEntityId) + ", got "
                        + audiences.stream().map(Quoted::of).toList());
            }
        }
        return conditions.getNotOnOrAfter();
    }

    /** SAML profiles 4.1.4.2: a Web SSO assertion carries at least one AuthnStatement. */
    static void hasAuthnStatement(Assertion assertion) {
        if (assertion.getAuthnStatements().isEmpty()) {
            throw new SsoRejection(ErrorCode.SAML_SUBJECT_INVALID, "the assertion has no AuthnStatement");
        }
    }

    private static void notExpired(Instant notOnOrAfter, Instant now, Duration skew, String what) {
        if (!now.minus(skew).isBefore(notOnOrAfter)) {
            long seconds = Duration.between(notOnOrAfter, now).toSeconds();
            throw new SsoRejection(ErrorCode.SAML_EXPIRED, what + " is " + notOnOrAfter + "; our clock says " + now + ", "
                    + seconds + " s later (tolerated skew " + skew.toSeconds() + " s)");
        }
    }
}
