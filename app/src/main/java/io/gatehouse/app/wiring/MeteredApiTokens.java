package io.gatehouse.app.wiring;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Counts API tokens issued (created or reset) and revoked (deleted, one by one or in bulk). */
final class MeteredApiTokens implements ApiTokenUseCase {

    private final ApiTokenUseCase delegate;
    private final TokenMetrics tokens;

    MeteredApiTokens(ApiTokenUseCase delegate, TokenMetrics tokens) {
        this.delegate = delegate;
        this.tokens = tokens;
    }

    @Override
    public List<ApiToken> listMine(UserId caller) {
        return delegate.listMine(caller);
    }

    @Override
    public CreateOutcome create(UserId caller, String note, Instant expiresAt, Optional<WorkspaceId> workspace) {
        CreateOutcome outcome = delegate.create(caller, note, expiresAt, workspace);
        if (outcome instanceof Created) {
            tokens.issued(TokenMetrics.Kind.API_TOKEN);
        }
        return outcome;
    }

    @Override
    public UpdateOutcome update(UserId caller, ApiTokenId id, Optional<String> note, Optional<Boolean> enabled, int version) {
        return delegate.update(caller, id, note, enabled, version);
    }

    @Override
    public boolean delete(UserId caller, ApiTokenId id) {
        boolean deleted = delegate.delete(caller, id);
        if (deleted) {
            tokens.revoked(TokenMetrics.Kind.API_TOKEN, 1);
        }
        return deleted;
    }

    @Override
    public Optional<List<ApiToken>> listForWorkspace(UserId caller, WorkspaceId workspace) {
        return delegate.listForWorkspace(caller, workspace);
    }

    @Override
    public Optional<BulkDeleteResult> deleteInWorkspace(UserId caller, WorkspaceId workspace, List<ApiTokenId> ids) {
        Optional<BulkDeleteResult> result = delegate.deleteInWorkspace(caller, workspace, ids);
        result.ifPresent(deleted -> tokens.revoked(TokenMetrics.Kind.API_TOKEN, deleted.deleted()));
        return result;
    }

    @Override
    public String resetDefault(UserId caller) {
        String secret = delegate.resetDefault(caller);
        tokens.issued(TokenMetrics.Kind.API_TOKEN);
        return secret;
    }

    @Override
    public Optional<ApiTokenPrincipal> authenticate(String presented) {
        return delegate.authenticate(presented);
    }
}
