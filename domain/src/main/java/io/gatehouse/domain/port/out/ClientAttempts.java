package io.gatehouse.domain.port.out;

import java.time.Instant;
import java.util.List;

/**
 * Attempts at rate-limited actions (starting an SSO login, a refused ACS post, a password-reset
 * request…), each counted under a key (a client IP, or a digest of the address it concerns), kept in
 * the database so that every node counts the same ones. Only admitted attempts are recorded, so the
 * table holds at most the limit per key and action within the window.
 */
public interface ClientAttempts {

    void record(String action, String key, Instant at);

    /** The times of the newest attempts at {@code action} under {@code key} since {@code since}, newest first, at most {@code limit}. */
    List<Instant> newest(String action, String key, Instant since, int limit);

    /** Forgets the attempts at {@code action} made before {@code before} (each action has its own window). */
    int purgeOlderThan(String action, Instant before);
}
