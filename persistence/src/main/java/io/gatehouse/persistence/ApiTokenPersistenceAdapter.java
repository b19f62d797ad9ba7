package io.gatehouse.persistence;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.ApiTokens;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class ApiTokenPersistenceAdapter implements ApiTokens {

    private final ApiTokenRepository repository;

    ApiTokenPersistenceAdapter(ApiTokenRepository repository) {
        this.repository = repository;
    }

    @Override
    public void insert(ApiToken token) {
        repository.save(new ApiTokenRow(token.id().value(), token.issuer().value(),
                token.workspaceId() == null ? null : token.workspaceId().value(), token.note(), token.tokenPrefix(),
                token.tokenHash().hex(), token.isDefault(), token.enabled(), token.version(), token.createdAt(),
                token.updatedAt(), token.expiresAt(), token.lastUsedAt()));
    }

    @Override
    public Optional<ApiToken> findByHash(TokenHash hash) {
        return repository.findByTokenHash(hash.hex()).map(ApiTokenPersistenceAdapter::toToken);
    }

    @Override
    public Optional<ApiToken> findByIdAndIssuer(ApiTokenId id, UserId issuer) {
        return repository.findByIdAndUserId(id.value(), issuer.value()).map(ApiTokenPersistenceAdapter::toToken);
    }

    @Override
    public List<ApiToken> listByIssuer(UserId issuer) {
        return repository.findByIssuer(issuer.value()).stream().map(ApiTokenPersistenceAdapter::toToken).toList();
    }

    @Override
    public List<ApiToken> listByWorkspace(WorkspaceId workspaceId, Optional<UserId> issuer) {
        List<ApiTokenRow> rows = issuer.isPresent()
                ? repository.findByWorkspaceAndIssuer(workspaceId.value(), issuer.get().value())
                : repository.findByWorkspace(workspaceId.value());
        return rows.stream().map(ApiTokenPersistenceAdapter::toToken).toList();
    }

    @Override
    public boolean update(ApiTokenId id, UserId issuer, String note, boolean enabled, int expectedVersion, Instant at) {
        return repository.update(id.value(), issuer.value(), note, enabled, expectedVersion, at) == 1;
    }

    @Override
    public boolean delete(ApiTokenId id, UserId issuer) {
        return repository.delete(id.value(), issuer.value()) == 1;
    }

    @Override
    public int deleteInWorkspace(WorkspaceId workspaceId, Collection<ApiTokenId> ids, Optional<UserId> issuer) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<UUID> raw = ids.stream().map(ApiTokenId::value).toList();
        return issuer.isPresent()
                ? repository.deleteInWorkspaceByIssuer(workspaceId.value(), issuer.get().value(), raw)
                : repository.deleteInWorkspace(workspaceId.value(), raw);
    }

    @Override
    public int deleteDefault(UserId issuer) {
        return repository.deleteDefault(issuer.value());
    }

    @Override
    public void recordUse(ApiTokenId id, Instant at, Instant staleBefore) {
        repository.recordUse(id.value(), at, staleBefore);
    }

    @Override
    public int disableAll(UserId issuer, Instant at) {
        return repository.disableAll(issuer.value(), at);
    }

    private static ApiToken toToken(ApiTokenRow row) {
        return new ApiToken(new ApiTokenId(row.id()), new UserId(row.userId()),
                row.workspaceId() == null ? null : new WorkspaceId(row.workspaceId()), row.note(), row.tokenPrefix(),
                new TokenHash(row.tokenHash()), row.isDefault(), row.enabled(), row.version(), row.createdAt(),
                row.updatedAt(), row.expiresAt(), row.lastUsedAt());
    }
}
