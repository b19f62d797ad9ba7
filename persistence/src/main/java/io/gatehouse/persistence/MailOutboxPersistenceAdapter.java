package io.gatehouse.persistence;

import io.gatehouse.domain.model.Email;
import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.model.WireNamed;
import io.gatehouse.domain.port.out.MailOutbox;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class MailOutboxPersistenceAdapter implements MailOutbox {

    private static final int MAX_ERROR_LENGTH = 500;
    private final MailOutboxRepository repository;

    MailOutboxPersistenceAdapter(MailOutboxRepository repository) {
        this.repository = repository;
    }

    @Override
    public UUID enqueue(OutgoingMail mail, Instant at) {
        UUID id = UUID.randomUUID();
        repository.insert(id, mail.kind().wireName(), mail.to().value(), mail.subject(), mail.text(), mail.html(), at);
        return id;
    }

    @Override
    public List<QueuedMail> due(Instant now, int limit) {
        return repository.due(now, limit).stream().map(row -> new QueuedMail(row.id(),
                new OutgoingMail(WireNamed.parse(OutgoingMail.Kind.class, row.kind()).orElseThrow(), new Email(row.recipient()),
                        row.subject(), row.textBody(), row.htmlBody()),
                row.createdAt(), row.attempts(), row.version())).toList();
    }

    /**
     * Compare-and-set on the version read: when two nodes claim one message, the second UPDATE waits for
     * the first's row lock, then finds the version moved and changes nothing. Plain SQL that behaves the
     * same on PostgreSQL and H2 (where FOR UPDATE SKIP LOCKED would be PostgreSQL-only).
     */
    @Override
    public Optional<QueuedMail> claim(QueuedMail mail, Instant until) {
        if (repository.claim(mail.id(), mail.version(), until) != 1) {
            return Optional.empty();
        }
        return Optional.of(new QueuedMail(mail.id(), mail.mail(), mail.createdAt(), mail.attempts(), mail.version() + 1));
    }

    @Override
    public void sent(QueuedMail claimed, Instant at) {
        repository.finish(claimed.id(), claimed.version(), "sent", at);
    }

    @Override
    public void failed(QueuedMail claimed, String error, Instant at, Optional<Instant> retryAt) {
        String reason = error == null ? "" : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        int attempts = claimed.attempts() + 1;
        if (retryAt.isPresent()) {
            repository.retryLater(claimed.id(), claimed.version(), attempts, retryAt.get(), reason);
        } else {
            repository.giveUp(claimed.id(), claimed.version(), attempts, reason, at);
        }
    }

    @Override
    public Backlog backlog() {
        BacklogRow row = repository.backlog();
        return new Backlog(row.pending(), Optional.ofNullable(row.oldest()));
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return repository.purge(cutoff);
    }

    @MappedEntity("mail_outbox")
    record MailRow(@Id UUID id, String kind, String recipient, String subject, String textBody, String htmlBody, Instant createdAt,
                   int attempts, long version) {
    }

    @Introspected
    record BacklogRow(long pending, @Nullable Instant oldest) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface MailOutboxRepository extends GenericRepository<MailRow, UUID> {

        @Query("""
                INSERT INTO mail_outbox (id, kind, recipient, subject, text_body, html_body, status, created_at, next_attempt_at, attempts,
                                         version)
                VALUES (:id, :kind, :recipient, :subject, :textBody, :htmlBody, 'pending', :at, :at, 0, 0)""")
        int insert(UUID id, String kind, String recipient, String subject, String textBody, String htmlBody, Instant at);

        @Query(value = """
                SELECT id, kind, recipient, subject, text_body, html_body, created_at, attempts, version FROM mail_outbox
                WHERE status = 'pending' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)
                ORDER BY created_at LIMIT :limit""", readOnly = true)
        List<MailRow> due(Instant now, int limit);

        @Query("""
                UPDATE mail_outbox SET version = version + 1, claimed_until = :until
                WHERE id = :id AND version = :version AND status = 'pending'""")
        int claim(UUID id, long version, Instant until);

        @Query("""
                UPDATE mail_outbox SET status = :status, finished_at = :at, claimed_until = NULL, text_body = '', html_body = ''
                WHERE id = :id AND version = :version""")
        int finish(UUID id, long version, String status, Instant at);

        @Query("""
                UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :nextAttempt, last_error = :error, claimed_until = NULL
                WHERE id = :id AND version = :version""")
        int retryLater(UUID id, long version, int attempts, Instant nextAttempt, String error);

        @Query("""
                UPDATE mail_outbox SET status = 'given_up', attempts = :attempts, last_error = :error, finished_at = :at,
                                       claimed_until = NULL, text_body = '', html_body = ''
                WHERE id = :id AND version = :version""")
        int giveUp(UUID id, long version, int attempts, String error, Instant at);

        @Query(value = "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM mail_outbox WHERE status = 'pending'", readOnly = true)
        BacklogRow backlog();

        @Query("DELETE FROM mail_outbox WHERE status <> 'pending' AND finished_at < :cutoff")
        int purge(Instant cutoff);
    }
}
