package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.ApiTokens;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class InMemoryApiTokens implements ApiTokens {

    private final Map<ApiTokenId, ApiToken> tokens = new LinkedHashMap<>();
    private int recordedUses;

    public int recordedUses() {
        return recordedUses;
    }

    @Override
    public void insert(ApiToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public Optional<ApiToken> findByHash(TokenHash hash) {
        return tokens.values().stream().filter(t -> t.tokenHash().equals(hash)).findFirst();
    }

    @Override
    public Optional<ApiToken> findByIdAndIssuer(ApiTokenId id, UserId issuer) {
        return Optional.ofNullable(tokens.get(id)).filter(t -> t.issuer().equals(issuer));
    }

    @Override
    public List<ApiToken> listByIssuer(UserId issuer) {
        return tokens.values().stream().filter(t -> t.issuer().equals(issuer)).toList();
    }

    @Override
    public List<ApiToken> listByWorkspace(WorkspaceId workspaceId, Optional<UserId> issuer) {
        return tokens.values().stream().filter(t -> workspaceId.equals(t.workspaceId()))
                .filter(t -> issuer.isEmpty() || issuer.get().equals(t.issuer())).toList();
    }

    @Override
    public boolean update(ApiTokenId id, UserId issuer, String note, boolean enabled, int expectedVersion, Instant at) {
        ApiToken t = tokens.get(id);
        if (t == null || !t.issuer().equals(issuer) || t.version() != expectedVersion) {
            return false;
        }
        tokens.put(id, new ApiToken(t.id(), t.issuer(), t.workspaceId(), note, t.tokenPrefix(), t.tokenHash(), t.isDefault(),
                enabled, t.version() + 1, t.createdAt(), at, t.expiresAt(), t.lastUsedAt()));
        return true;
    }

    @Override
    public boolean delete(ApiTokenId id, UserId issuer) {
        return findByIdAndIssuer(id, issuer).map(t -> tokens.remove(id) != null).orElse(false);
    }

    @Override
    public int deleteInWorkspace(WorkspaceId workspaceId, Collection<ApiTokenId> ids, Optional<UserId> issuer) {
        List<ApiTokenId> doomed = listByWorkspace(workspaceId, issuer).stream().map(ApiToken::id).filter(ids::contains).toList();
        doomed.forEach(tokens::remove);
        return doomed.size();
    }

    @Override
    public int deleteDefault(UserId issuer) {
        List<ApiTokenId> doomed = listByIssuer(issuer).stream().filter(ApiToken::isDefault).map(ApiToken::id).toList();
        doomed.forEach(tokens::remove);
        return doomed.size();
    }

    @Override
    public void recordUse(ApiTokenId id, Instant at, Instant staleBefore) {
        recordedUses++;
        tokens.computeIfPresent(id, (key, t) -> new ApiToken(t.id(), t.issuer(), t.workspaceId(), t.note(), t.tokenPrefix(),
                t.tokenHash(), t.isDefault(), t.enabled(), t.version(), t.createdAt(), t.updatedAt(), t.expiresAt(), at));
    }

    @Override
    public int disableAll(UserId issuer, Instant at) {
        List<ApiToken> mine = listByIssuer(issuer);
        mine.forEach(t -> update(t.id(), issuer, t.note(), false, t.version(), at));
        return (int) mine.stream().filter(Objects::nonNull).count();
    }
}
