package io.gatehouse.domain.service;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.SsoLimits;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.in.SsoThrottled;
import io.gatehouse.domain.port.out.PendingSamlRequests;
import io.gatehouse.domain.port.out.SsoEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds what anonymous callers can make Gatehouse store through its SSO endpoints: pending requests
 * (per client IP and per workspace) and failure events (per client IP, and folded when identical).
 * Counters live in the database ({@link AttemptLimiter}) so that every node enforces the same budget.
 */
public final class SsoAttemptGuard {

    static final String START = "sso_start";
    static final String FAILURE = "sso_failure";

    private final AttemptLimiter limiter;
    private final PendingSamlRequests pending;
    private final SsoEvents events;
    private final SsoLimits limits;
    private final Clock clock;
    /**
     * Client addresses this node found over their failure budget, until when. A post from one of them is
     * refused without any work; every other post costs no extra read, since the budget is checked when a
     * post is refused (the counts themselves are in the database, so each node learns at the address's
     * next refusal there).
     */
    private final Map<String, Instant> overBudget = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    public SsoAttemptGuard(AttemptLimiter limiter, PendingSamlRequests pending, SsoEvents events, SsoLimits limits, Clock clock) {
        this.limiter = limiter;
        this.pending = pending;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts a login start from {@code ip}, or refuses it when the client started too many within the window. */
    public Optional<SsoThrottled> admitStart(String ip) {
        return limiter.admit(START, ip, limits.maxStartsPerIp(), limits.window())
                .map(wait -> new SsoThrottled(wait, SsoThrottled.Limit.STARTS_PER_IP));
    }

    /** Refuses a new AuthnRequest while the workspace already has as many outstanding as it may. */
    public Optional<SsoThrottled> admitPendingRequest(WorkspaceId workspace) {
        Instant now = clock.instant();
        if (pending.countOutstanding(workspace, now, limits.maxPendingPerWorkspace()) < limits.maxPendingPerWorkspace()) {
            return Optional.empty();
        }
        Duration wait = pending.firstExpiry(workspace, now).map(first -> Duration.between(now, first)).orElse(Duration.ZERO);
        return Optional.of(new SsoThrottled(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait,
                SsoThrottled.Limit.PENDING_PER_WORKSPACE));
    }

    /** Refuses a post to an ACS or callback from a client that had too many refused within the window. */
    public Optional<SsoThrottled> admitPost(String ip) {
        Instant until = overBudget.get(ip);
        if (until == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), until);
        if (wait.isNegative() || wait.isZero()) {
            overBudget.remove(ip, until);
            return Optional.empty();
        }
        return Optional.of(new SsoThrottled(wait, SsoThrottled.Limit.FAILURES_PER_IP));
    }

    /**
     * A post was refused: it counts against the client's failure budget (a client that reached it is
     * refused before any work from then on, until its window frees up), and goes to the workspace's
     * events, folded into the newest identical failure of the fold window.
     *
     * @return true when the event was folded into an earlier one
     */
    public boolean refused(SsoEvent failure) {
        limiter.record(FAILURE, failure.ip());
        limiter.check(FAILURE, failure.ip(), limits.maxFailuresPerIp(), limits.window()).ifPresent(wait -> {
            if (overBudget.size() >= MAX_REMEMBERED) {
                overBudget.clear();
            }
            overBudget.put(failure.ip(), clock.instant().plus(wait));
        });
        return events.recordFailure(failure, failure.at().minus(limits.eventFoldWindow()));
    }

    /** Forgets attempts that left every window. */
    public int purge() {
        return limiter.purge(START, limits.window()) + limiter.purge(FAILURE, limits.window());
    }
}
