package org.engagementledger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.engagementledger.actor.ActorProvider;
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
        return builder().build();
    }

    /** A ledger on a relational database (PostgreSQL or H2), with default settings. */
    public static EngagementLedger jdbc(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /** A ledger on a relational database (PostgreSQL or H2) with the given settings. */
    public static EngagementLedger jdbc(DataSource dataSource, LedgerSettings settings) {
        return builder().dataSource(dataSource).settings(settings).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Assembles a ledger: storage (in memory unless a data source is given), settings and the actor hook. */
    public static final class Builder {
        private DataSource dataSource;
        private LedgerSettings settings = LedgerSettings.DEFAULTS;
        private ActorProvider actorProvider = ActorProvider.none();

        private Builder() {
        }

        /**
         * Store everything in this database (PostgreSQL or H2). The ledger migrates its tables with
         * Flyway on start; every command and every read-model batch runs in one JDBC transaction. The
         * caller owns the data source and closes it after the ledger.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        public Builder settings(LedgerSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Where {@link #send(EngagementCommand)} finds the acting user, e.g. the host's security context. */
        public Builder actorProvider(ActorProvider actorProvider) {
            this.actorProvider = actorProvider;
            return this;
        }

        public EngagementLedger build() {
            Configurer configurer = DefaultConfigurer.defaultConfiguration(false);
            if (dataSource == null) {
                configurer.configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
            } else {
                LedgerSchema.migrate(dataSource);
                JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
                LedgerSettings tuning = settings;
                configurer.configureTransactionManager(c -> transactions)
                        .configureEmbeddedEventStore(c -> JdbcLedgerStorage.eventStorageEngine(transactions, c.eventSerializer(),
                                c.serializer(), c.upcasterChain(), tuning.gapTimeout()))
                        .registerComponent(TokenStore.class, c -> JdbcLedgerStorage.tokenStore(transactions, c.serializer()));
            }
            new EngagementLedgerModule(settings, actorProvider).configureModule(configurer);
            return new EngagementLedger(configurer.start());
        }
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

    /**
     * Sends a command as the actor the builder's {@link ActorProvider} names for the current thread.
     *
     * @throws org.engagementledger.engagement.MissingActorException when the provider knows no actor
     */
    public void send(EngagementCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command));
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
