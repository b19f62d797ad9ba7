package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.SecretToken.TokenHash;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** API tokens. Every query on a workspace's tokens filters by that workspace. */
public interface ApiTokens {

    void insert(ApiToken token);

    Optional<ApiToken> findByHash(TokenHash hash);

    Optional<ApiToken> findByIdAndIssuer(ApiTokenId id, UserId issuer);

    /** Every token the user issued, personal and scoped, newest first. */
    List<ApiToken> listByIssuer(UserId issuer);

    /** Tokens scoped to the workspace; only the given issuer's when {@code issuer} is present. */
    List<ApiToken> listByWorkspace(WorkspaceId workspaceId, Optional<UserId> issuer);

    /** Applies the change only if the stored version is {@code expectedVersion}; true when it did. */
    boolean update(ApiTokenId id, UserId issuer, String note, boolean enabled, int expectedVersion, Instant at);

    boolean delete(ApiTokenId id, UserId issuer);

    /** Deletes those of {@code ids} that are scoped to the workspace (and issued by {@code issuer} when present). */
    int deleteInWorkspace(WorkspaceId workspaceId, Collection<ApiTokenId> ids, Optional<UserId> issuer);

    int deleteDefault(UserId issuer);

    /** Records a use unless one was recorded after {@code staleBefore}. */
    void recordUse(ApiTokenId id, Instant at, Instant staleBefore);

    int disableAll(UserId issuer, Instant at);
}
