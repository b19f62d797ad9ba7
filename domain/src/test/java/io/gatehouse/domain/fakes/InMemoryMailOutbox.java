package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.OutgoingMail;
import io.gatehouse.domain.model.QueuedMail;
import io.gatehouse.domain.port.out.MailOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outbox in memory, with the claim's compare-and-set; tests read what was queued. */
public final class InMemoryMailOutbox implements MailOutbox {

    public record Row(QueuedMail mail, String status, Instant nextAttempt, Instant claimedUntil, String error) {
    }

    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();
    private final List<OutgoingMail> queued = new ArrayList<>();

    @Override
    public synchronized UUID enqueue(OutgoingMail mail, Instant at) {
        UUID id = UUID.randomUUID();
        rows.put(id, new Row(new QueuedMail(id, mail, at, 0, 0), "pending", at, null, null));
        queued.add(mail);
        return id;
    }

    @Override
    public synchronized List<QueuedMail> due(Instant now, int limit) {
        return rows.values().stream().filter(r -> r.status().equals("pending") && !r.nextAttempt().isAfter(now)
                        && (r.claimedUntil() == null || !r.claimedUntil().isAfter(now)))
                .map(Row::mail).sorted(Comparator.comparing(QueuedMail::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<QueuedMail> claim(QueuedMail mail, Instant until) {
        Row row = rows.get(mail.id());
        if (row == null || row.mail().version() != mail.version() || !row.status().equals("pending")) {
            return Optional.empty();
        }
        QueuedMail claimed = new QueuedMail(mail.id(), row.mail().mail(), row.mail().createdAt(), row.mail().attempts(), mail.version() + 1);
        rows.put(mail.id(), new Row(claimed, "pending", row.nextAttempt(), until, row.error()));
        return Optional.of(claimed);
    }

    @Override
    public synchronized void sent(QueuedMail claimed, Instant at) {
        Row row = rows.get(claimed.id());
        if (row.mail().version() == claimed.version()) {
            rows.put(claimed.id(), new Row(row.mail(), "sent", row.nextAttempt(), null, row.error()));
        }
    }

    @Override
    public synchronized void failed(QueuedMail claimed, String error, Instant at, Optional<Instant> retryAt) {
        Row row = rows.get(claimed.id());
        if (row.mail().version() != claimed.version()) {
            return;
        }
        QueuedMail mail = new QueuedMail(claimed.id(), row.mail().mail(), row.mail().createdAt(), row.mail().attempts() + 1,
                row.mail().version());
        rows.put(claimed.id(), new Row(mail, retryAt.isPresent() ? "pending" : "given_up", retryAt.orElse(at), null, error));
    }

    @Override
    public synchronized Backlog backlog() {
        List<Row> pending = rows.values().stream().filter(r -> r.status().equals("pending")).toList();
        return new Backlog(pending.size(), pending.stream().map(r -> r.mail().createdAt()).min(Instant::compareTo));
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return 0;
    }

    public synchronized List<OutgoingMail> queued() {
        return List.copyOf(queued);
    }

    public synchronized Row row(UUID id) {
        return rows.get(id);
    }

    /** The last message queued to the address, and the token of the link it carries. */
    public synchronized Optional<String> lastToken(String address, OutgoingMail.Kind kind) {
        Pattern link = Pattern.compile("token=([A-Za-z0-9_-]+)");
        for (int i = queued.size() - 1; i >= 0; i--) {
            OutgoingMail mail = queued.get(i);
            if (mail.to().value().equals(address) && mail.kind() == kind) {
                Matcher matcher = link.matcher(mail.text());
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
