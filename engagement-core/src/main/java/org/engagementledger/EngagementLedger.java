package org.engagementledger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.config.EngagementLedgerModule;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.storage.JdbcLedgerStorage;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.LedgerSchema;
import org.engagementledger.engagement.ActorMetaData;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * A running ledger for hosts that do not want to know Axon: send commands as an actor, read an
 * engagement's history, close. Refused commands throw: a {@code JSR303ViolationException} for shape
 * errors, a {@link org.engagementledger.engagement.CommandRefusedException} for state, role and
 * business-rule errors. Either way nothing is stored.
 *
 * <pre>{@code
 * try (EngagementLedger ledger = EngagementLedger.inMemory()) {
 *     ledger.send(commission, buyerOfficial);
 * }
 * }</pre>
 */
public final class EngagementLedger implements AutoCloseable {

    /** One stored event of an engagement, with its position, time and actor. */
    public record RecordedEvent(long sequence, Instant timestamp, Actor actor, EngagementEvent event) {
    }

    private final Configuration axon;
    private final CommandGateway commands;

    private EngagementLedger(Configuration axon) {
        this.axon = axon;
        this.commands = axon.commandGateway();
    }

    /** A ledger that keeps events in memory only: for tests, trials and examples. */
    public static EngagementLedger inMemory() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        new EngagementLedgerModule().configureModule(configurer);
        return new EngagementLedger(configurer.start());
    }

    /** A ledger on a relational database (PostgreSQL or H2), with default settings. */
    public static EngagementLedger jdbc(DataSource dataSource) {
        return jdbc(dataSource, LedgerSettings.DEFAULTS);
    }

    /**
     * A ledger on a relational database (PostgreSQL or H2). Migrates the ledger's tables with Flyway
     * first; every command and every read-model batch runs in one JDBC transaction. The caller owns
     * the data source and closes it after {@link #close()}.
     */
    public static EngagementLedger jdbc(DataSource dataSource, LedgerSettings settings) {
        LedgerSchema.migrate(dataSource);
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> JdbcLedgerStorage.eventStorageEngine(transactions, c.eventSerializer(),
                        c.serializer(), c.upcasterChain(), settings.gapTimeout()))
                .registerComponent(TokenStore.class, c -> JdbcLedgerStorage.tokenStore(transactions, c.serializer()));
        new EngagementLedgerModule(settings).configureModule(configurer);
        return new EngagementLedger(configurer.start());
    }

    /**
     * Sends a command as the actor and waits until it is stored or refused.
     *
     * @throws org.engagementledger.engagement.CommandRefusedException when the engagement refuses it
     * @throws org.axonframework.messaging.interceptors.JSR303ViolationException when its shape is invalid
     */
    public void send(EngagementCommand command, Actor actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetaData.of(actor)));
    }

    /** The engagement's full history, oldest first. */
    public List<RecordedEvent> history(EngagementId engagementId) {
        return axon.eventStore().readEvents(engagementId.value(), 0L).asStream()
                .map(EngagementLedger::recorded)
                .toList();
    }

    /** The underlying Axon configuration, for hosts that need more than this facade offers. */
    public Configuration axonConfiguration() {
        return axon;
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    private static RecordedEvent recorded(DomainEventMessage<?> message) {
        return new RecordedEvent(message.getSequenceNumber(), message.getTimestamp(),
                ActorMetaData.from(message.getMetaData()), (EngagementEvent) message.getPayload());
    }
}
