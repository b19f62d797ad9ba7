package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.ExternalIdentity;
import io.gatehouse.domain.model.User;
import io.gatehouse.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/** Links between users and their identities at external providers. */
public interface ExternalIdentities {

    Optional<ExternalIdentity> find(String providerName, String externalId);

    /** The identity with the user it is linked to, in one lookup (the ACS's hot path). */
    Optional<LinkedAccount> findLinkedAccount(String providerName, String externalId);

    record LinkedAccount(ExternalIdentity identity, User user) {
    }

    Optional<ExternalIdentity> findForUser(UserId user, String providerName);

    List<ExternalIdentity> ofUser(UserId user);

    /** Stores the link unless this identity, or this user at this provider, is already linked. */
    boolean insertIfFree(ExternalIdentity identity);

    void updateEmail(String providerName, String externalId, String email);

    boolean delete(UserId user, String providerName);
}
