package io.gatehouse.app;

import io.gatehouse.domain.model.SamlPolicy;
import io.gatehouse.domain.port.out.AssertionReplayCache;
import io.gatehouse.domain.port.out.LinkConfirmations;
import io.gatehouse.domain.port.out.PendingOidcLogins;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SsoEvents;
import io.gatehouse.domain.service.SsoAttemptGuard;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes SSO state that can never matter again: unanswered AuthnRequests and OpenID Connect sign-ins past their lifetime,
 * assertion ids past their assertion's validity (a replay would fail the time check anyway), expired
 * link confirmations, SSO events older than the retention, and per-client attempt counts that left
 * their window. Idempotent across nodes.
 */
@Singleton
class SamlHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(SamlHousekeeping.class);
    private final PendingSamlRequests requests;
    private final PendingOidcLogins oidcLogins;
    private final AssertionReplayCache replayCache;
    private final LinkConfirmations confirmations;
    private final SsoEvents events;
    private final SsoAttemptGuard guard;
    private final SamlPolicy policy;
    private final Clock clock;

    SamlHousekeeping(PendingSamlRequests requests, PendingOidcLogins oidcLogins, AssertionReplayCache replayCache,
                     LinkConfirmations confirmations, SsoEvents events, SsoAttemptGuard guard, SamlPolicy policy, Clock clock) {
        this.oidcLogins = oidcLogins;
        this.guard = guard;
        this.requests = requests;
        this.replayCache = replayCache;
        this.confirmations = confirmations;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${gatehouse.housekeeping.initial-delay:5m}", fixedDelay = "${gatehouse.saml.purge-interval:10m}")
    void purge() {
        Instant now = clock.instant();
        int pending = requests.purgeExpired(now);
        int oidc = oidcLogins.purgeExpired(now);
        int ids = replayCache.purgeExpired(now);
        int codes = confirmations.purgeExpired(now);
        int old = events.purgeOlderThan(now.minus(policy.eventRetention()));
        int attempts = guard.purge();
        LOG.debug("SSO housekeeping removed {} expired AuthnRequests, {} OpenID Connect sign-ins, {} assertion ids, {} link "
                + "confirmations, {} SSO events and {} client attempts", pending, oidc, ids, codes, old, attempts);
    }
}
