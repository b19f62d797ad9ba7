package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.PendingSamlRequest;
import io.gatehouse.domain.model.SamlAssertion;
import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.model.SsoConfiguration;
import io.gatehouse.domain.model.SsoRejection;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which AuthnRequest a SAML response answers, and that it is answered once: the ACS's checks that
 * need the database's memory of what was sent and what was accepted. Runs inside the ACS's
 * transaction; a rejection thrown here rolls back the request it took and the assertion id it
 * recorded ({@code SamlResponseReader} and this class throw {@link SsoRejection}).
 */
public final class ResponseCorrelation {

    private final PendingSamlRequests pending;
    private final AssertionReplayCache replayCache;
    private final SamlPolicy policy;
    private final Clock clock;

    public ResponseCorrelation(PendingSamlRequests pending, AssertionReplayCache replayCache, SamlPolicy policy, Clock clock) {
        this.pending = pending;
        this.replayCache = replayCache;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The outstanding request this response answers (taken, so it is answered once), or empty for an
     * allowed IdP-initiated response; the assertion id is recorded as used (SAML profiles 4.1.4.5).
     */
    Optional<PendingSamlRequest> answeredRequest(SsoConfiguration configuration, SamlAssertion assertion, String relayState) {
        Optional<PendingSamlRequest> request = correlate(configuration, assertion, relayState);
        if (!replayCache.firstUse(configuration.workspaceId(), assertion.assertionId(), assertion.validUntil().plus(policy.clockSkew()))) {
            throw new SsoRejection(ErrorCode.SAML_REPLAYED, "assertion '" + assertion.assertionId()
                    + "' was already used to log in; each assertion is accepted once");
        }
        return request;
    }

    /** SAML profiles 4.1.4.3 and 4.1.5: solicited responses must answer our request; unsolicited ones must be allowed. */
    private Optional<PendingSamlRequest> correlate(SsoConfiguration configuration, SamlAssertion assertion, String relayState) {
        if (assertion.inResponse().isEmpty()) {
            if (!configuration.allowIdpInitiated()) {
                throw new SsoRejection(ErrorCode.SAML_UNSOLICITED_NOT_ALLOWED,
                        "the response has no InResponseTo (IdP-initiated login) and allow_idp_initiated is off");
            }
            return Optional.empty();
        }
        String requestId = assertion.inResponseTo();
        PendingSamlRequest request = pending.take(configuration.workspaceId(), requestId)
                .orElseThrow(() -> new SsoRejection(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN, "InResponseTo '" + requestId
                        + "' is not an outstanding AuthnRequest of this workspace (unknown, already answered, or from another workspace)"));
        Instant now = clock.instant();
        if (!now.isBefore(request.expiresAt())) {
            throw new SsoRejection(ErrorCode.SAML_IN_RESPONSE_TO_UNKNOWN, "AuthnRequest '" + requestId + "' expired at "
                    + request.expiresAt() + " (" + (now.getEpochSecond() - request.expiresAt().getEpochSecond()) + " s ago)");
        }
        // SAML profiles 4.1.4.3: the response answers this request, so it cannot have been issued before it was sent.
        Instant earliest = request.createdAt().minus(policy.clockSkew());
        if (assertion.issuedAt().isBefore(earliest)) {
            throw new SsoRejection(ErrorCode.SAML_EXPIRED, "IssueInstant " + assertion.issuedAt() + " is "
                    + Duration.between(assertion.issuedAt(), request.createdAt()).toSeconds() + " s before AuthnRequest '" + requestId
                    + "' was sent (" + request.createdAt() + "); tolerated skew is " + policy.clockSkew().toSeconds()
                    + " s — a response cannot predate its request");
        }
        if (!Objects.equals(request.relayState(), relayState)) {
            throw new SsoRejection(ErrorCode.SAML_RELAY_STATE_MISMATCH,
                    "RelayState does not match the one sent with AuthnRequest '" + requestId + "'");
        }
        return Optional.of(request);
    }
}
