package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.ClientAttempts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryClientAttempts implements ClientAttempts {

    private record Attempt(String action, String key, Instant at) {
    }

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void record(String action, String key, Instant at) {
        attempts.add(new Attempt(action, key, at));
    }

    @Override
    public List<Instant> newest(String action, String key, Instant since, int limit) {
        return attempts.stream().filter(a -> a.action().equals(action) && a.key().equals(key) && a.at().isAfter(since))
                .map(Attempt::at).sorted(Comparator.reverseOrder()).limit(limit).toList();
    }

    @Override
    public int purgeOlderThan(String action, Instant before) {
        int size = attempts.size();
        attempts.removeIf(a -> a.action().equals(action) && a.at().isBefore(before));
        return size - attempts.size();
    }

    public int size() {
        return attempts.size();
    }
}
