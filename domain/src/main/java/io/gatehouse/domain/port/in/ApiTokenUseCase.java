package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens: one resource, personal or scoped to a workspace. */
public interface ApiTokenUseCase {

    List<ApiToken> listMine(UserId caller);

    /** With a workspace, the caller must belong to it (otherwise {@code not_found}). */
    CreateOutcome create(UserId caller, String note, Instant expiresAt, Optional<WorkspaceId> workspace);

    UpdateOutcome update(UserId caller, ApiTokenId id, Optional<String> note, Optional<Boolean> enabled, int version);

    boolean delete(UserId caller, ApiTokenId id);

    /** The caller's tokens for the workspace, or every member's for a workspace admin; empty when not a member. */
    Optional<List<ApiToken>> listForWorkspace(UserId caller, WorkspaceId workspace);

    /** Deletes the listed tokens of the workspace the caller may delete; empty when not a member. */
    Optional<BulkDeleteResult> deleteInWorkspace(UserId caller, WorkspaceId workspace, List<ApiTokenId> ids);

    /** Replaces the caller's default personal token; returns the new secret. */
    String resetDefault(UserId caller);

    /** The token and its active issuer when the presented value is a usable token. */
    Optional<ApiTokenPrincipal> authenticate(String presented);

    record ApiTokenPrincipal(User user, ApiToken token) {
    }

    record BulkDeleteResult(int requested, int deleted) {
    }

    sealed interface CreateOutcome {
    }

    record Created(ApiToken token, String secret) implements CreateOutcome {
        @Override
        public String toString() {
            return "Created[" + token.id() + ", secret=redacted]";
        }
    }

    record CreateRejected(ErrorCode code, String field, String detail) implements CreateOutcome {
    }

    sealed interface UpdateOutcome {
    }

    record Updated(ApiToken token) implements UpdateOutcome {
    }

    record UpdateRejected(ErrorCode code) implements UpdateOutcome {
    }
}
