package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.DeveloperApiKey;
import io.gatehouse.domain.model.UserId;
import io.gatehouse.domain.port.out.DeveloperApiKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryDeveloperApiKeys implements DeveloperApiKeys {

    private final Map<UserId, DeveloperApiKey> keys = new HashMap<>();

    @Override
    public Optional<DeveloperApiKey> findByUser(UserId userId) {
        return Optional.ofNullable(keys.get(userId));
    }

    @Override
    public Optional<DeveloperApiKey> findByApiKey(String apiKey) {
        return keys.values().stream().filter(k -> k.apiKey().equals(apiKey)).findFirst();
    }

    @Override
    public void replace(DeveloperApiKey key) {
        keys.put(key.userId(), key);
    }

    @Override
    public void deleteForUser(UserId userId) {
        keys.remove(userId);
    }
}
