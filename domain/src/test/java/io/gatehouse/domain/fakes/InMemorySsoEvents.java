package io.gatehouse.domain.fakes;

import io.gatehouse.domain.model.SsoEvent;
import io.gatehouse.domain.model.WorkspaceId;
import io.gatehouse.domain.port.out.SsoEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemorySsoEvents implements SsoEvents {

    private final List<SsoEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SsoEvent event) {
        events.add(event);
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
