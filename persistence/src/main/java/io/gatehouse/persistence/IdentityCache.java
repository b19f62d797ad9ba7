package io.gatehouse.persistence;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a request carrying an access JWT reads every time, kept in memory: the token's family (its
 * session, unrevoked, of an active user) and the user's profile with memberships. An entry counts while
 * {@link IdentityChanges} has recorded no change of its user since it was loaded, and for at most
 * {@code GATEHOUSE_IDENTITY_CACHE_TTL} (a bound on anything a notification could not say, such as a
 * session's last-seen time, which only moves towards "still usable"). Only found rows are kept: an absent
 * family is asked of the database each time. {@code GATEHOUSE_IDENTITY_CACHE_ENABLED=false} turns it off.
 */
@Singleton
final class IdentityCache {

    private final IdentityChanges changes;
    private final boolean enabled;
    private final Duration ttl;
    private final int maxEntries;
    private final ConcurrentHashMap<Object, Entry<?>> entries = new ConcurrentHashMap<>();

    IdentityCache(IdentityChanges changes,
                  @Value("${gatehouse.identity-cache.enabled:true}") boolean enabled,
                  @Value("${gatehouse.identity-cache.ttl:60s}") Duration ttl,
                  @Value("${gatehouse.identity-cache.max-entries:100000}") int maxEntries) {
        this.changes = changes;
        this.enabled = enabled;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** {@code loadedAt} in {@link System#nanoTime()}: the time-to-live is measured on the monotonic clock. */
    private record Entry<T>(UUID user, T value, IdentityChanges.Stamp stamp, long loadedAt) {
    }

    /** A session's family entry is keyed apart from a profile entry of the same id. */
    record FamilyKey(UUID sessionId) {
    }

    record ProfileKey(UUID userId) {
    }

    /**
     * The cached value under {@code key}, or what {@code load} reads now (kept if present). {@code owner}
     * names the user whose changes invalidate it; for a family, it is known only from the loaded row.
     */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Object key, Supplier<Optional<T>> load, Function<T, UUID> owner) {
        if (!enabled || !changes.listening()) {
            return load.get();
        }
        long now = System.nanoTime();
        Entry<T> cached = (Entry<T>) entries.get(key);
        if (cached != null && changes.isCurrent(cached.user(), cached.stamp()) && now - cached.loadedAt() < ttl.toNanos()) {
            return Optional.of(cached.value());
        }
        // The stamp is taken before the read: a change committed after it makes the entry stale at once.
        IdentityChanges.Stamp before = changes.stamp();
        Optional<T> loaded = load.get();
        if (loaded.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(owner.apply(loaded.get()), loaded.get(), before, now));
        } else {
            entries.remove(key);
        }
        return loaded;
    }
}
