package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.UserId;
import java.util.List;

/** A user's links to external identity providers. Linking starts with {@link StartSamlLoginUseCase#startLink}. */
public interface ExternalAccountsUseCase {

    List<ExternalIdentity> list(UserId user);

    UnlinkOutcome unlink(UserId user, String providerName);

    sealed interface UnlinkOutcome permits Unlinked, SsoRefused {
    }

    record Unlinked() implements UnlinkOutcome {
    }
}
