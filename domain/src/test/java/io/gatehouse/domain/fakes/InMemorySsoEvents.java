package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemorySsoEvents implements SsoEvents {

    private final List<SsoEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SsoEvent event) {
        events.add(event);
    }

    @Override
    public synchronized boolean recordFailure(SsoEvent failure, Instant foldSince) {
        for (int i = events.size() - 1; i >= 0; i--) {
            SsoEvent e = events.get(i);
            if (e.workspaceId().equals(failure.workspaceId()) && e.outcome() == failure.outcome() && e.code().equals(failure.code())
                    && Objects.equals(e.email(), failure.email()) && Objects.equals(e.ip(), failure.ip()) && !e.at().isBefore(foldSince)) {
                events.set(i, new SsoEvent(e.workspaceId(), failure.at(), e.outcome(), e.code(), failure.detail(), e.email(), e.ip(),
                        e.count() + 1, e.firstAt()));
                return true;
            }
        }
        events.add(failure);
        return false;
    }

    @Override
    public List<SsoEvent> recent(WorkspaceId workspace, int limit) {
        List<SsoEvent> mine = new ArrayList<>(events.stream().filter(e -> e.workspaceId().equals(workspace)).toList());
        mine.sort(Comparator.comparing(SsoEvent::at).reversed());
        return mine.subList(0, Math.min(limit, mine.size()));
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        int before = events.size();
        events.removeIf(e -> e.at().isBefore(cutoff));
        return before - events.size();
    }
}
