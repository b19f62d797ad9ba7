package io.gatehouse.domain.port.in;

import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.UserId;
import java.util.List;

/** A user's links to external identity providers. Linking starts with {@link StartSamlLoginUseCase#startLink}. */
public interface ExternalAccountsUseCase {

    List<ExternalIdentity> list(UserId user);

    UnlinkOutcome unlink(UserId user, String providerName);

    /** The providers the user could link now: the instance's providers and the enabled SAML IdPs of the user's workspaces, not linked yet. */
    List<LinkableProvider> linkable(UserId user);

    /** {@code displayName} is what a person recognises: a provider's display name, the workspace's name for its IdP. */
    record LinkableProvider(String providerName, String displayName) {
    }

    sealed interface UnlinkOutcome permits Unlinked, SsoRefused {
    }

    record Unlinked() implements UnlinkOutcome {
    }
}
