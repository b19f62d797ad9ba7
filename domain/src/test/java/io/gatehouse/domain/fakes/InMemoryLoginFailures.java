package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.LoginFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

public final class InMemoryLoginFailures implements LoginFailures {

    private record Failure(String accountKey, String clientIp, Instant at) {
    }

    private final List<Failure> failures = new ArrayList<>();

    @Override
    public void record(String accountKey, String clientIp, Instant at) {
        failures.add(new Failure(accountKey, clientIp, at));
    }

    @Override
    public List<Instant> newestForAccount(String accountKey, Instant since, int limit) {
        return newest(f -> f.accountKey().equals(accountKey), since, limit);
    }

    @Override
    public List<Instant> newestForClient(String clientIp, Instant since, int limit) {
        return newest(f -> f.clientIp().equals(clientIp), since, limit);
    }

    @Override
    public void clear(String accountKey, String clientIp) {
        failures.removeIf(f -> f.accountKey().equals(accountKey) && f.clientIp().equals(clientIp));
    }

    @Override
    public int purgeOlderThan(Instant before) {
        int size = failures.size();
        failures.removeIf(f -> f.at().isBefore(before));
        return size - failures.size();
    }

    private List<Instant> newest(Predicate<Failure> match, Instant since, int limit) {
        return failures.stream().filter(match).filter(f -> f.at().isAfter(since)).map(Failure::at)
                .sorted(Comparator.reverseOrder()).limit(limit).toList();
    }
}
