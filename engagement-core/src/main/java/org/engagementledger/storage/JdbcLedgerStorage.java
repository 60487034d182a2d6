package org.engagementledger.storage;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Duration;

/**
 * The ledger's JDBC stores on one database: Axon's {@link JdbcEventStorageEngine} (events and
 * snapshots) and {@link JdbcTokenStore} (read-model positions), both on the tables of
 * {@link LedgerSchema} and both using the connection of the current {@link JdbcTransactionManager}
 * transaction.
 */
public final class JdbcLedgerStorage {

    private JdbcLedgerStorage() {
    }

    public static EventStorageEngine eventStorageEngine(JdbcTransactionManager transactions, Serializer eventSerializer,
                                                        Serializer snapshotSerializer, EventUpcaster upcasters, Duration gapTimeout) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(upcasters)
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
