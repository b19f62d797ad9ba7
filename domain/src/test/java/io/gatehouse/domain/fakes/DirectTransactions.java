package io.gatehouse.domain.fakes;

import io.gatehouse.domain.port.out.Transactions;
import java.util.function.Supplier;

/** Runs the work inline; in memory there is nothing to roll back to. */
public final class DirectTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
