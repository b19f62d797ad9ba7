package io.gatehouse.app;

import io.gatehouse.app.config.LoginThrottleProperties;
import io.gatehouse.domain.port.out.LoginFailures;
import io.gatehouse.domain.port.out.Sessions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rows that can never matter again: login failures older than the throttle window, and
 * sessions that expired or were revoked more than a day ago (kept a day for support questions).
 * Idempotent, so it is harmless when several nodes run it.
 */
@Singleton
class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration ENDED_SESSION_RETENTION = Duration.ofDays(1);
    private final LoginFailures loginFailures;
    private final Sessions sessions;
    private final LoginThrottleProperties throttle;
    private final Clock clock;

    Housekeeping(LoginFailures loginFailures, Sessions sessions, LoginThrottleProperties throttle, Clock clock) {
        this.loginFailures = loginFailures;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${gatehouse.housekeeping.initial-delay:5m}", fixedDelay = "${gatehouse.housekeeping.interval:1h}")
    void purge() {
        var now = clock.instant();
        int failures = loginFailures.purgeOlderThan(now.minus(throttle.window()));
        int ended = sessions.purgeEndedBefore(now.minus(ENDED_SESSION_RETENTION));
        LOG.debug("Housekeeping removed {} login failures and {} ended sessions", failures, ended);
    }
}
