package io.gatehouse.domain.port.out;

import io.gatehouse.domain.model.DeveloperApiKey;
import io.gatehouse.domain.model.UserId;
import java.util.Optional;

/** The one developer API key each user may have. */
public interface DeveloperApiKeys {

    Optional<DeveloperApiKey> findByUser(UserId userId);

    Optional<DeveloperApiKey> findByApiKey(String apiKey);

    /** Removes the user's previous key, if any, and stores this one: the old pair stops working at once. */
    void replace(DeveloperApiKey key);

    void deleteForUser(UserId userId);
}
