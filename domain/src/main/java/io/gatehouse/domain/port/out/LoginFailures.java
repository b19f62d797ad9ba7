package io.gatehouse.domain.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Failed login attempts, kept in the database so that every node counts the same attempts.
 * {@code accountKey} is a digest of the identifier that was tried (never the raw input, which is
 * sometimes a password typed into the wrong field).
 */
public interface LoginFailures {

    void record(String accountKey, String clientIp, Instant at);

    /** The times of the newest failures for an account key since {@code since}, newest first. */
    List<Instant> newestForAccount(String accountKey, Instant since, int limit);

    /** The times of the newest failures from a client IP since {@code since}, newest first. */
    List<Instant> newestForClient(String clientIp, Instant since, int limit);

    /** Forgets the failures this client made on this account (after it logged in to it). */
    void clear(String accountKey, String clientIp);

    int purgeOlderThan(Instant before);
}
