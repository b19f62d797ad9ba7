package io.gatehouse.api.workspace;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A workspace's email domain. {@code status} is {@code pending} or {@code verified}; a pending claim
 * on a domain another workspace verified first carries {@code problem: "domain_taken"} and can never
 * be verified while that workspace holds it.
 */
@Serdeable
record DomainResponse(String domain, String status, @Nullable String problem, Verification verification, @Nullable Instant verifiedAt,
                      @Nullable String verifiedBy, Instant createdAt) {

    /** The DNS TXT record to publish: {@code record_name TXT "record_value"}. */
    @Serdeable
    record Verification(String method, String recordName, String recordValue) {
    }

    static DomainResponse of(DomainClaim claim) {
        String status = claim.isVerified() ? DomainClaim.Status.VERIFIED.wireName() : DomainClaim.Status.PENDING.wireName();
        return new DomainResponse(claim.domain(), status, claim.status() == DomainClaim.Status.TAKEN ? ErrorCode.DOMAIN_TAKEN.code() : null,
                new Verification(DomainClaim.VerificationMethod.DNS_TXT.wireName(), claim.recordName(), claim.recordValue()),
                claim.verifiedAt(), claim.verifiedBy() == null ? null : claim.verifiedBy().wireName(), claim.createdAt());
    }
}
