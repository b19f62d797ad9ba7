package io.gatehouse.domain.service;

import io.gatehouse.domain.model.AuditEvent;
import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.DomainClaim.VerificationMethod;
import io.gatehouse.domain.model.EmailDomain;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.DomainOwnershipUseCase;
import io.gatehouse.domain.port.out.AuditLog;
import io.gatehouse.domain.port.out.DnsTxtResolver;
import io.gatehouse.domain.port.out.DnsTxtResolver.NoSuchName;
import io.gatehouse.domain.port.out.DnsTxtResolver.NoTxtRecord;
import io.gatehouse.domain.port.out.DnsTxtResolver.ResolverFailure;
import io.gatehouse.domain.port.out.DnsTxtResolver.TxtRecords;
import io.gatehouse.domain.port.out.DomainClaims;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Users;
import io.gatehouse.domain.port.out.Workspaces;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Proof of domain ownership (the control WorkOS and Zitadel apply before a domain routes SSO): a
 * workspace claims a domain, publishes {@code _gatehouse-challenge.<domain> TXT
 * "gatehouse-domain-verification=<random>"}, and asks for verification. Only verified domains take
 * effect anywhere: discovery by email, JIT provisioning, {@code enforce_sso}, the ACS's domain check
 * and the takeover of unverified accounts. Every claim, verification attempt and removal is audited.
 */
public final class DomainOwnershipService implements DomainOwnershipUseCase {

    /** 256 random bits: a claim's record can be neither guessed nor reused by another claim. */
    private static final int CHALLENGE_BYTES = 32;
    private static final int MAX_REPORTED_VALUES = 5;
    private static final int MAX_REPORTED_VALUE_LENGTH = 100;

    private final DomainClaims claims;
    private final DnsTxtResolver dns;
    private final WorkspaceAdmins admins;
    private final Users users;
    private final Workspaces workspaces;
    private final AuditLog audit;
    private final SecureRandom random;
    private final Clock clock;

    public DomainOwnershipService(DomainClaims claims, DnsTxtResolver dns, Memberships memberships, Users users, Workspaces workspaces,
                                  AuditLog audit, SecureRandom random, Clock clock) {
        this.claims = claims;
        this.dns = dns;
        this.admins = new WorkspaceAdmins(memberships);
        this.users = users;
        this.workspaces = workspaces;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public DomainOutcome list(UserId caller, WorkspaceId workspace) {
        return asAdmin(caller, workspace, () -> new DomainList(claims.ofWorkspace(workspace)));
    }

    @Override
    public DomainOutcome claim(UserId caller, WorkspaceId workspace, String raw) {
        return asAdmin(caller, workspace, () -> {
            EmailDomain.Result checked = EmailDomain.check(raw);
            if (checked.domain().isEmpty()) {
                return new DomainRefused(checked.code(), "domain " + checked.problem());
            }
            String domain = checked.domain().get();
            if (!claims.verifiedElsewhere(workspace, List.of(domain)).isEmpty()) {
                return taken(domain);
            }
            boolean created = claimFor(caller, workspace, domain);
            return new DomainView(claims.find(workspace, domain).orElseThrow(), created);
        });
    }

    /**
     * Adds a pending claim (used by the SSO configuration too: naming a domain there claims it).
     *
     * @return whether the claim is new
     */
    boolean claimFor(UserId actor, WorkspaceId workspace, String domain) {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        boolean created = claims.claim(workspace, domain, challenge, now);
        if (created) {
            audit.record(new AuditEvent(workspace, actor, "domain.claimed", domain, "pending: publish TXT "
                    + DomainClaim.RECORD_PREFIX + domain, now));
        }
        return created;
    }

    @Override
    public DomainOutcome verify(UserId caller, WorkspaceId workspace, String raw) {
        return asAdmin(caller, workspace, () -> {
            Optional<DomainClaim> found = findClaim(workspace, raw);
            if (found.isEmpty()) {
                return noClaim();
            }
            DomainClaim claim = found.get();
            if (claim.isVerified()) {
                return new DomainView(claim, false);
            }
            if (claim.status() == DomainClaim.Status.TAKEN) {
                return taken(claim.domain());
            }
            Optional<String> missing = missingRecord(claim);
            if (missing.isPresent()) {
                audit.record(new AuditEvent(workspace, caller, "domain.verification_failed", claim.domain(), missing.get(),
                        clock.instant()));
                return new DomainRefused(ErrorCode.DOMAIN_NOT_VERIFIED, missing.get());
            }
            return markVerified(caller, workspace, claim.domain(), VerificationMethod.DNS_TXT);
        });
    }

    @Override
    public DomainOutcome delete(UserId caller, WorkspaceId workspace, String raw) {
        return asAdmin(caller, workspace, () -> {
            Optional<DomainClaim> found = findClaim(workspace, raw);
            if (found.isEmpty() || !claims.delete(workspace, found.get().domain())) {
                return noClaim();
            }
            audit.record(new AuditEvent(workspace, caller, "domain.deleted", found.get().domain(),
                    "was " + found.get().status().wireName(), clock.instant()));
            return new DomainDeleted();
        });
    }

    @Override
    public DomainOutcome vouch(UserId instanceAdmin, WorkspaceId workspace, String raw) {
        if (!users.findById(instanceAdmin).map(User::isActiveInstanceAdmin).orElse(false)) {
            return new DomainRefused(ErrorCode.FORBIDDEN, "only instance administrators vouch for domains");
        }
        if (workspaces.findById(workspace).isEmpty()) {
            return new DomainRefused(ErrorCode.NOT_FOUND, "no such workspace");
        }
        EmailDomain.Result checked = EmailDomain.check(raw);
        if (checked.domain().isEmpty()) {
            return new DomainRefused(checked.code(), "domain " + checked.problem());
        }
        String domain = checked.domain().get();
        if (!claims.verifiedElsewhere(workspace, List.of(domain)).isEmpty()) {
            return taken(domain);
        }
        claimFor(instanceAdmin, workspace, domain);
        return markVerified(instanceAdmin, workspace, domain, VerificationMethod.OPERATOR);
    }

    private DomainOutcome markVerified(UserId actor, WorkspaceId workspace, String domain, VerificationMethod method) {
        Instant now = clock.instant();
        if (!claims.markVerified(workspace, domain, method, now)) {
            // Another workspace verified it between our check and now: the database's unique key decided.
            return taken(domain);
        }
        audit.record(new AuditEvent(workspace, actor, "domain.verified", domain, "by " + method.wireName(), now));
        return new DomainView(claims.find(workspace, domain).orElseThrow(), false);
    }

    /** What is wrong with the claim's DNS record, in words a domain admin can act on; empty when it is there. */
    private Optional<String> missingRecord(DomainClaim claim) {
        String where = "TXT " + claim.recordName();
        return switch (dns.lookup(claim.recordName())) {
            case TxtRecords records when records.values().contains(claim.recordValue()) -> Optional.empty();
            case TxtRecords records -> {
                List<String> shown = records.values().stream().limit(MAX_REPORTED_VALUES)
                        .map(v -> "'" + (v.length() > MAX_REPORTED_VALUE_LENGTH ? v.substring(0, MAX_REPORTED_VALUE_LENGTH) + "…" : v) + "'")
                        .toList();
                yield Optional.of(where + " has " + records.values().size() + " value(s) " + shown + " but not '" + claim.recordValue()
                        + "' (values of another claim, or an old record?)");
            }
            case NoTxtRecord none ->
                    Optional.of("no " + where + " record was found; publish '" + claim.recordValue() + "' and retry once it has propagated");
            case NoSuchName nxdomain ->
                    Optional.of(claim.recordName() + " does not exist (NXDOMAIN); publish TXT '" + claim.recordValue() + "' there");
            case ResolverFailure failure -> Optional.of("the DNS lookup of " + where + " failed: " + failure.reason() + "; retry later");
        };
    }

    private Optional<DomainClaim> findClaim(WorkspaceId workspace, String raw) {
        return EmailDomain.check(raw).domain().flatMap(domain -> claims.find(workspace, domain));
    }

    private DomainOutcome asAdmin(UserId caller, WorkspaceId workspace, Supplier<DomainOutcome> action) {
        return admins.run(caller, workspace, "manage domains", DomainRefused::new, action);
    }

    private static DomainRefused noClaim() {
        return new DomainRefused(ErrorCode.NOT_FOUND, "this workspace has no claim on that domain");
    }

    private static DomainRefused taken(String domain) {
        return new DomainRefused(ErrorCode.DOMAIN_TAKEN, "the email domain " + domain + " is verified by another workspace");
    }
}
