package io.gatehouse.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A workspace's claim on an email domain. A claim does nothing until it is verified: by a DNS TXT
 * record that only the domain's owner can publish, or by an instance administrator who checked
 * ownership out of band. Several workspaces may hold pending claims on one domain; the first to
 * verify it owns it, and the others' claims are then {@link Status#TAKEN}.
 *
 * @param challenge the random value of this claim's TXT record (unique per claim, so one
 *                  workspace's record never verifies another's claim)
 * @param verifiedAt when this workspace proved ownership, or null
 */
public record DomainClaim(WorkspaceId workspaceId, String domain, String challenge, Instant createdAt, Status status,
                          Instant verifiedAt, VerificationMethod verifiedBy) {

    /** The TXT record's name is under the domain: only someone who controls its zone can publish it. */
    public static final String RECORD_PREFIX = "_gatehouse-challenge.";
    public static final String VALUE_PREFIX = "gatehouse-domain-verification=";

    public DomainClaim {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    public String recordName() {
        return RECORD_PREFIX + domain;
    }

    public String recordValue() {
        return VALUE_PREFIX + challenge;
    }

    public boolean isVerified() {
        return status == Status.VERIFIED;
    }

    public enum Status implements WireNamed {
        PENDING,
        VERIFIED,
        /** Another workspace verified the domain first; this claim can never be verified while it holds it. */
        TAKEN
    }

    public enum VerificationMethod implements WireNamed {
        /** The TXT record was found through the configured resolvers. */
        DNS_TXT,
        /** An instance administrator vouched for it. */
        OPERATOR
    }
}
