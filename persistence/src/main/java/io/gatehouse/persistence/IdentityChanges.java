package io.gatehouse.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node that a user's identity rows changed (sessions revoked, status, password, profile,
 * memberships), so that their {@link IdentityCache} entries stop counting.
 *
 * <p>Changes are numbered on each node; a cache entry remembers the number reached before its rows
 * were read, and counts only while its user has no later change. A change is recorded three times
 * over: at once on this node; after the writing transaction commits (a reader that loaded between the
 * first record and the commit saw the old rows); and on every node through
 * PostgreSQL's {@code NOTIFY}, issued inside the writing transaction so that it is delivered at commit,
 * and never for a rolled-back change. Each node {@code LISTEN}s on a connection of its own; when that
 * connection is lost, the node forgets every entry (it may have missed changes) and reconnects. On H2,
 * which serves one process, the after-commit bump reaches every context of this JVM instead.
 */
@Singleton
final class IdentityChanges {

    static final String CHANNEL = "gatehouse_identity";
    /** The listener's connection, recognisable in {@code pg_stat_activity}. */
    static final String LISTENER_APPLICATION_NAME = "gatehouse-identity-listener";
    private static final Logger LOG = LoggerFactory.getLogger(IdentityChanges.class);
    private static final Set<IdentityChanges> IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    private static final int MAX_TRACKED_USERS = 200_000;

    /** The number of each user's latest change on this node. */
    private final ConcurrentHashMap<UUID, Long> lastChange = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    /** Bumped when everything is forgotten: entries stamped under an older epoch do not count. */
    private final AtomicLong epoch = new AtomicLong();
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;
    private final Duration reconnectDelay;
    private volatile boolean running = true;
    private volatile Connection listening;
    private final Thread listener;

    IdentityChanges(TransactionOperations<Connection> transactions, JdbcOperations jdbc,
                    @Value("${datasources.default.url}") String url,
                    @Value("${datasources.default.username:}") String user,
                    @Value("${datasources.default.password:}") String password,
                    @Value("${gatehouse.identity-cache.reconnect-delay:1s}") Duration reconnectDelay) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconnectDelay = reconnectDelay;
        this.postgres = url.startsWith("jdbc:postgresql:");
        IN_THIS_JVM.add(this);
        if (postgres) {
            listener = Thread.ofPlatform().daemon().name("gatehouse-identity-listener").unstarted(this::listen);
            listener.start();
        } else {
            listener = null;
        }
    }

    /** What a cache entry is stamped with; take it before reading the rows the entry will hold. */
    record Stamp(long epoch, long changesSeen) {
    }

    Stamp stamp() {
        return new Stamp(epoch.get(), changes.get());
    }

    /** Whether rows read after {@code stamp} was taken still stand for {@code user}: no change of theirs came later. */
    boolean isCurrent(UUID user, Stamp stamp) {
        return stamp.epoch() == epoch.get() && lastChange.getOrDefault(user, 0L) <= stamp.changesSeen();
    }

    /** Call in the transaction that changes the user's sessions, status, password, profile or memberships. */
    void userChanged(UUID userId) {
        bump(userId);
        var status = transactions.findTransactionStatus();
        if (postgres) {
            // In the writing transaction (or one of its own when there is none): delivered at commit to every
            // listening node, this one included, and never for a rollback.
            transactions.executeWrite(transaction -> jdbc.prepareStatement("SELECT pg_notify(?, ?)", statement -> {
                statement.setString(1, CHANNEL);
                statement.setString(2, userId.toString());
                statement.execute();
                return null;
            }));
        }
        if (status.isPresent()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterChange(userId);
                }
            });
        } else {
            afterChange(userId);
        }
    }

    /** Whether this node is connected to its notifications (always true without PostgreSQL). */
    boolean listening() {
        return !postgres || listening != null;
    }

    private void afterChange(UUID userId) {
        if (postgres) {
            bump(userId);
        } else {
            IN_THIS_JVM.forEach(node -> node.bump(userId));
        }
    }

    private void bump(UUID userId) {
        if (lastChange.size() >= MAX_TRACKED_USERS && !lastChange.containsKey(userId)) {
            forgetEverything(); // the record resets with the epoch, so no entry outlives the reset
        }
        lastChange.put(userId, changes.incrementAndGet());
    }

    void forgetEverything() {
        epoch.incrementAndGet();
        lastChange.clear();
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Changes made while no connection listened were missed: nothing loaded before now counts.
                forgetEverything();
                listening = connection;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(500);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        parse(notification.getParameter()).ifPresent(this::bump);
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                listening = null;
                forgetEverything();
                if (running) {
                    LOG.warn("Identity change notifications lost ({}); cache flushed, reconnecting in {}", lost.toString(), reconnectDelay);
                    sleep(reconnectDelay);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", LISTENER_APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static java.util.Optional<UUID> parse(String value) {
        try {
            return java.util.Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notOurs) {
            return java.util.Optional.empty();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        running = false;
        IN_THIS_JVM.remove(this);
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
    }
}
