package org.engagementledger.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Duration;

/**
 * The ledger's JDBC stores on one database: Axon's {@link JdbcEventStorageEngine} (events and
 * snapshots) and {@link JdbcTokenStore} (read-model positions), both on the tables of
 * {@link LedgerSchema} and both using the connection of the current transaction (a
 * {@link JdbcTransactionManager} without Spring, Spring's with it).
 */
public final class JdbcLedgerStorage {

    private JdbcLedgerStorage() {
    }

    /**
     * @param snapshotFilter which stored snapshots may be used (the aggregates' revision filters): without
     *                       it, a snapshot of an older form would be loaded instead of rebuilding from events
     */
    public static EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactions,
                                                        Serializer eventSerializer, Serializer snapshotSerializer,
                                                        EventUpcaster upcasters, SnapshotFilter snapshotFilter,
                                                        Duration gapTimeout) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcasters)
                .snapshotFilter(snapshotFilter)
                .gapTimeout((int) gapTimeout.toMillis())
                .build();
    }

    public static TokenStore tokenStore(JdbcTransactionManager transactions, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .build();
    }
}
