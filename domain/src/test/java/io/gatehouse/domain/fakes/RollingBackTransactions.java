package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions over in-memory fakes that really roll back: the state of every registered fake is
 * copied before the work and put back when the work throws, as JdbcTransactions does on a database.
 */
public final class RollingBackTransactions implements Transactions {

    private final List<Snapshotting> stores;

    public RollingBackTransactions(Snapshotting... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        List<Object> before = new ArrayList<>();
        for (Snapshotting store : stores) {
            before.add(store.snapshot());
        }
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).restore(before.get(i));
            }
            throw e;
        }
    }
}
