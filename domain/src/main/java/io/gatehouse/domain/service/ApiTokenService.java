package io.gatehouse.domain.service;

import io.gatehouse.domain.model.ApiToken;
import io.gatehouse.domain.model.ApiTokenId;
import io.gatehouse.domain.model.ErrorCode;
import io.gatehouse.domain.model.Role;
import io.gatehouse.domain.model.SecretToken;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.ApiTokenUseCase;
import io.gatehouse.domain.port.out.ApiTokens;
import io.gatehouse.domain.port.out.Memberships;
import io.gatehouse.domain.port.out.Transactions;
import io.gatehouse.domain.port.out.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

public final class ApiTokenService implements ApiTokenUseCase {

    /** Characters of the token shown back to people: the prefix plus a few random ones. */
    private static final int SHOWN_PREFIX_LENGTH = ApiToken.PREFIX.length() + 6;

    private final ApiTokens tokens;
    private final Users users;
    private final Memberships memberships;
    private final Transactions transactions;
    private final SecureRandom random;
    private final Clock clock;

    public ApiTokenService(ApiTokens tokens, Users users, Memberships memberships, Transactions transactions,
                           SecureRandom random, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.memberships = memberships;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public List<ApiToken> listMine(UserId caller) {
        return tokens.listByIssuer(caller);
    }

    @Override
    public CreateOutcome create(UserId caller, String note, Instant expiresAt, Optional<WorkspaceId> workspace) {
        Instant now = clock.instant();
        if (note != null && note.length() > ApiToken.MAX_NOTE_LENGTH) {
            return new CreateRejected(ErrorCode.VALIDATION_FAILED, "note", "at most " + ApiToken.MAX_NOTE_LENGTH + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return new CreateRejected(ErrorCode.VALIDATION_FAILED, "expires_at", "must be in the future");
        }
        if (workspace.isPresent() && memberships.roleOf(workspace.get(), caller).isEmpty()) {
            return new CreateRejected(ErrorCode.NOT_FOUND, null, "no such workspace");
        }
        return mint(caller, note, expiresAt, workspace.orElse(null), false, now);
    }

    @Override
    public UpdateOutcome update(UserId caller, ApiTokenId id, Optional<String> note, Optional<Boolean> enabled, int version) {
        Optional<ApiToken> current = tokens.findByIdAndIssuer(id, caller);
        if (current.isEmpty()) {
            return new UpdateRejected(ErrorCode.NOT_FOUND);
        }
        if (current.get().version() != version) {
            return new UpdateRejected(ErrorCode.VERSION_CONFLICT);
        }
        String newNote = note.orElse(current.get().note());
        if (newNote != null && newNote.length() > ApiToken.MAX_NOTE_LENGTH) {
            return new UpdateRejected(ErrorCode.VALIDATION_FAILED);
        }
        boolean newEnabled = enabled.orElse(current.get().enabled());
        // The version check is repeated in the UPDATE itself: a concurrent change between read and write wins.
        if (!tokens.update(id, caller, newNote, newEnabled, version, clock.instant())) {
            return new UpdateRejected(ErrorCode.VERSION_CONFLICT);
        }
        return new Updated(tokens.findByIdAndIssuer(id, caller).orElseThrow());
    }

    @Override
    public boolean delete(UserId caller, ApiTokenId id) {
        return tokens.delete(id, caller);
    }

    @Override
    public Optional<List<ApiToken>> listForWorkspace(UserId caller, WorkspaceId workspace) {
        return memberships.roleOf(workspace, caller)
                .map(role -> tokens.listByWorkspace(workspace, role.isWorkspaceAdmin() ? Optional.empty() : Optional.of(caller)));
    }

    @Override
    public Optional<BulkDeleteResult> deleteInWorkspace(UserId caller, WorkspaceId workspace, List<ApiTokenId> ids) {
        Optional<Role> role = memberships.roleOf(workspace, caller);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        List<ApiTokenId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        int deleted = tokens.deleteInWorkspace(workspace, distinct,
                role.get().isWorkspaceAdmin() ? Optional.empty() : Optional.of(caller));
        return Optional.of(new BulkDeleteResult(ids.size(), deleted));
    }

    @Override
    public String resetDefault(UserId caller) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            tokens.deleteDefault(caller);
            return ((Created) mint(caller, "default", null, null, true, now)).secret();
        });
    }

    @Override
    public Optional<ApiTokenPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(ApiToken.PREFIX) || presented.length() > SecretToken.MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByHash(new SecretToken(presented).hash()).filter(t -> t.isUsableAt(now));
        Optional<User> user = token.flatMap(t -> users.findById(t.issuer())).filter(User::isActive);
        if (token.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        Instant staleBefore = now.minus(ApiToken.LAST_USED_GRANULARITY);
        if (token.get().lastUsedAt() == null || token.get().lastUsedAt().isBefore(staleBefore)) {
            tokens.recordUse(token.get().id(), now, staleBefore);
        }
        return Optional.of(new ApiTokenPrincipal(user.get(), token.get()));
    }

    private CreateOutcome mint(UserId caller, String note, Instant expiresAt, WorkspaceId workspace, boolean isDefault, Instant now) {
        SecretToken secret = SecretToken.generate(random, ApiToken.PREFIX);
        ApiToken token = new ApiToken(ApiTokenId.random(), caller, workspace, note,
                secret.value().substring(0, SHOWN_PREFIX_LENGTH), secret.hash(), isDefault, true, 1, now, now, expiresAt, null);
        tokens.insert(token);
        return new Created(token, secret.value());
    }
}
