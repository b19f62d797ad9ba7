package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.DomainClaim;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import java.util.List;

/** Workspace admins prove that their workspace owns an email domain; instance admins may vouch for one. */
public interface DomainOwnershipUseCase {

    DomainOutcome list(UserId caller, WorkspaceId workspace);

    /** Claims a domain for the workspace: pending, with the TXT record to publish. */
    DomainOutcome claim(UserId caller, WorkspaceId workspace, String domain);

    /** Looks the claim's TXT record up and, when it is there, verifies the domain for the workspace. */
    DomainOutcome verify(UserId caller, WorkspaceId workspace, String domain);

    DomainOutcome delete(UserId caller, WorkspaceId workspace, String domain);

    /** An instance administrator checked ownership out of band and verifies the domain for the workspace. */
    DomainOutcome vouch(UserId instanceAdmin, WorkspaceId workspace, String domain);

    sealed interface DomainOutcome {
    }

    record DomainList(List<DomainClaim> claims) implements DomainOutcome {
    }

    /** @param created whether the claim was new (201) rather than already there (200) */
    record DomainView(DomainClaim claim, boolean created) implements DomainOutcome {
    }

    record DomainDeleted() implements DomainOutcome {
    }

    record DomainRefused(ErrorCode code, String detail) implements DomainOutcome {
    }
}
