package io.gatehouse.domain.service;

import io.gatehouse.domain.model.User;
import java.util.Optional;

/**
 * What a verified federated login (a SAML assertion today, an OpenID Connect ID token next) does with
 * the account it names: a pure decision over facts already read, so every case is one line of a test
 * table. In order:
 * <ol>
 *   <li>a logged-in user asked to link this identity: link it to them;</li>
 *   <li>the identity is already linked: log its account in;</li>
 *   <li>an account has the asserted email and its owner verified the mailbox: never log in silently,
 *       ask for the account's password to confirm the link;</li>
 *   <li>that account never verified its email: it may be a squatter's, and the IdP's user owns the
 *       mailbox, so reclaim it (the account pre-hijacking defence);</li>
 *   <li>no account: provision one just in time when the workspace allows it, otherwise refuse.</li>
 * </ol>
 */
final class FederatedAccountPolicy {

    private FederatedAccountPolicy() {
    }

    /**
     * @param linkRequested a logged-in user started this login to link the identity
     * @param linkedAccount the account the identity is linked to, if any
     * @param accountWithEmail the account with the asserted email (only read when the identity is not linked)
     */
    static Decision decide(boolean linkRequested, Optional<User> linkedAccount, Optional<User> accountWithEmail, boolean jitProvisioning) {
        if (linkRequested) {
            return new LinkToRequester();
        }
        if (linkedAccount.isPresent()) {
            return new LogIn(linkedAccount.get());
        }
        if (accountWithEmail.isPresent()) {
            return accountWithEmail.get().emailVerified() ? new ConfirmWithPassword(accountWithEmail.get())
                    : new Reclaim(accountWithEmail.get());
        }
        return jitProvisioning ? new Provision() : new NotProvisioned();
    }

    sealed interface Decision permits LinkToRequester, LogIn, ConfirmWithPassword, Reclaim, Provision, NotProvisioned {
    }

    record LinkToRequester() implements Decision {
    }

    record LogIn(User account) implements Decision {
    }

    record ConfirmWithPassword(User account) implements Decision {
    }

    record Reclaim(User account) implements Decision {
    }

    record Provision() implements Decision {
    }

    record NotProvisioned() implements Decision {
    }
}
