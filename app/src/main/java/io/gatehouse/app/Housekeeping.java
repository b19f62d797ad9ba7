package io.gatehouse.app;

import io.gatehouse.app.config.JwtProperties;
import io.gatehouse.app.config.LoginThrottleProperties;
import io.gatehouse.crypto.jwt.SigningKeyRing;
import io.gatehouse.domain.port.out.LoginFailures;
import io.gatehouse.domain.port.out.AuthorizationCodes;
import io.gatehouse.domain.port.out.RefreshTokens;
import io.gatehouse.domain.port.out.Sessions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rows that can never matter again (login failures older than the throttle window, expired
 * refresh tokens, sessions that ended more than a day ago) and rotates the JWT signing key when it
 * is older than the rotation interval.
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

    private final RefreshTokens refreshTokens;
    private final SigningKeyRing keyRing;
    private final JwtProperties jwt;
    private final AccountMailHousekeeping accountMail;
    private final AuthorizationCodes codes;

    Housekeeping(LoginFailures loginFailures, Sessions sessions, LoginThrottleProperties throttle, Clock clock,
                 RefreshTokens refreshTokens, SigningKeyRing keyRing, JwtProperties jwt, AccountMailHousekeeping accountMail,
                 AuthorizationCodes codes) {
        this.codes = codes;
        this.accountMail = accountMail;
        this.loginFailures = loginFailures;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
        this.refreshTokens = refreshTokens;
        this.keyRing = keyRing;
        this.jwt = jwt;
    }

    @Scheduled(initialDelay = "${gatehouse.housekeeping.initial-delay:5m}", fixedDelay = "${gatehouse.housekeeping.interval:1h}")
    void purge() {
        var now = clock.instant();
        int failures = loginFailures.purgeOlderThan(now.minus(throttle.window()));
        int refreshes = refreshTokens.purgeExpiredBefore(now);
        int authorizationCodes = codes.purgeExpiredBefore(now);
        int ended = sessions.purgeEndedBefore(now.minus(ENDED_SESSION_RETENTION));
        keyRing.maintain(jwt.keyRotationInterval());
        accountMail.purge(now);
        LOG.debug("Housekeeping removed {} login failures, {} refresh tokens, {} authorization codes and {} ended sessions", failures,
                refreshes, authorizationCodes, ended);
    }
}
