package io.gatehouse.persistence;

import io.gatehouse.domain.port.out.LoginFailures;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

@Singleton
class LoginFailurePersistenceAdapter implements LoginFailures {

    private final LoginFailureRepository repository;

    LoginFailurePersistenceAdapter(LoginFailureRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(String accountKey, String clientIp, Instant at) {
        repository.insert(accountKey, clientIp, at);
    }

    @Override
    public List<Instant> newestForAccount(String accountKey, Instant since, int limit) {
        return repository.newestForAccount(accountKey, since, limit);
    }

    @Override
    public List<Instant> newestForClient(String clientIp, Instant since, int limit) {
        return repository.newestForClient(clientIp, since, limit);
    }

    @Override
    public void clear(String accountKey, String clientIp) {
        repository.clear(accountKey, clientIp);
    }

    @Override
    public int purgeOlderThan(Instant before) {
        return repository.purgeOlderThan(before);
    }
}
