package io.gatehouse.persistence;

import io.gatehouse.domain.port.out.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** The domain's unit of work on the JDBC data source's transaction manager. */
@Singleton
class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> operations;

    JdbcTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return operations.executeWrite(status -> work.get());
    }
}
