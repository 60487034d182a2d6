package org.engagementledger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.engagementledger.actor.ActorProvider;
import org.engagementledger.api.Actor;
import org.engagementledger.audit.AuditInputs;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.StoreReplay;
import org.engagementledger.audit.Timeline;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.api.query.AgencyPortfolio;
import org.engagementledger.api.query.CostLedger;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.api.query.FindAgencyPortfolio;
import org.engagementledger.api.query.FindCostLedger;
import org.engagementledger.api.query.FindEngagementSummary;
import org.engagementledger.api.query.FindRequirementTrace;
import org.engagementledger.api.query.ListEngagementSummaries;
import org.engagementledger.api.query.RequirementTrace;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.privacy.EraseDataSubject;
import org.engagementledger.api.query.FeedbackLog;
import org.engagementledger.api.query.FindFeedbackLog;
import org.engagementledger.privacy.DecryptOnReadStorageEngine;
import org.engagementledger.privacy.PersonalDataProtection;
import org.engagementledger.config.EngagementLedgerModule;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationRequest;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.storage.CoalescingEventStore;
import org.engagementledger.storage.JdbcLedgerStorage;
import org.engagementledger.storage.JdbcTransactionManager;
import org.engagementledger.storage.LedgerSchema;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.readmodel.ReadModelTimeoutException;
import org.engagementledger.readmodel.ReadModels;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CompletionException;

/**
 * A running ledger for hosts that do not want to know Axon: send commands as an actor, read an
 * engagement's history, close. Refused commands throw: a {@code JSR303ViolationException} for shape
 * errors, a {@link org.engagementledger.engagement.CommandRefusedException} for state, role and
 * business-rule errors. Either way nothing is stored.
 *
 * <p>A ledger on a database also keeps read models (summary, requirement trace, cost ledger, agency
 * portfolio, feedback log) in tables of the same database, updated by a background event processor: they are
 * eventually consistent, so call {@link #awaitReadModels(Duration)} after sending commands when a query
 * must see them. The in-memory ledger has no read models.
 *
 * <p>Personal fields of events ({@link org.engagementledger.api.PersonalData}) are stored encrypted with
 * their data subject's key, kept in the same database ({@link PersonalDataProtection}); {@link
 * #eraseDataSubject} destroys a subject's key, after which every read shows
 * {@link org.engagementledger.api.PersonalData#REPLACEMENT} (see {@code docs/personal-data.md}).
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
    private final boolean readModels;
    private final DataSource dataSource;

    private EngagementLedger(Configuration axon, boolean readModels, DataSource dataSource) {
        this.axon = axon;
        this.commands = axon.commandGateway();
        this.readModels = readModels;
        this.dataSource = dataSource;
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

    /**
     * The facade over an Axon configuration that already holds the ledger's module and is started and
     * stopped by someone else, such as the Spring Boot auto-configuration's (which exposes this as a bean).
     * Read models are available when the configuration runs the ledger's read-model processor.
     * {@link #close()} shuts the configuration down: leave that to its owner.
     */
    public static EngagementLedger of(Configuration axon) {
        return of(axon, null);
    }

    /**
     * As {@link #of(Configuration)}, with the database the configuration stores events in, so that
     * {@link #replayStore} can read its rows; {@code null} when there is none.
     */
    public static EngagementLedger of(Configuration axon, DataSource dataSource) {
        boolean readModels = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).isPresent();
        return new EngagementLedger(axon, readModels, dataSource);
    }

    /** Assembles a ledger: storage (in memory unless a data source is given), settings and the actor hook. */
    public static final class Builder {
        private DataSource dataSource;
        private LedgerSettings settings = LedgerSettings.DEFAULTS;
        private ActorProvider actorProvider = ActorProvider.none();
        private boolean readModels = true;
        private PersonalDataProtection protection;

        private Builder() {
        }

        /**
         * Where the keys of personal data live. By default the ledger's own database (a key table beside the
         * events, keys cached for {@link PersonalDataProtection#DEFAULT_KEY_CACHE_TTL}), or memory for an
         * in-memory ledger.
         */
        public Builder personalDataProtection(PersonalDataProtection protection) {
            this.protection = protection;
            return this;
        }

        /**
         * Whether to run the read models (on by default with a data source). Off suits a process that
         * only writes, or a benchmark of the append path alone; another process can project later.
         */
        public Builder readModels(boolean enabled) {
            this.readModels = enabled;
            return this;
        }

        /**
         * Store everything in this database (PostgreSQL or H2), read models included. The ledger migrates
         * its tables with Flyway on start; every command and every read-model batch runs in one JDBC
         * transaction. The caller owns the data source and closes it after the ledger.
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
            JdbcTransactionManager transactions = null;
            PersonalDataProtection privacy = protection;
            if (dataSource == null) {
                if (privacy == null) {
                    privacy = PersonalDataProtection.inMemory();
                }
                // Axon's in-memory engine keeps event objects: keep them encrypted, decrypted on each read
                configurer.registerComponent(EventStorageEngine.class, c -> LedgerIntegrity.chain(
                                new DecryptOnReadStorageEngine(new InMemoryEventStorageEngine(), c.eventSerializer()), c.eventSerializer()))
                        .configureEmbeddedEventStore(c -> c.getComponent(EventStorageEngine.class));
            } else {
                LedgerSchema.migrate(dataSource);
                transactions = new JdbcTransactionManager(dataSource);
                if (privacy == null) {
                    privacy = PersonalDataProtection.jdbc(dataSource, transactions, PersonalDataProtection.DEFAULT_KEY_CACHE_TTL);
                }
                JdbcTransactionManager jdbc = transactions;
                LedgerSettings tuning = settings;
                // The engine is a component of its own so that awaitReadModels can ask it about gaps. Every
                // write path goes through the hash chain (see org.engagementledger.integrity). Commits wake the
                // read models' event stream once per fetch delay, not once each (CoalescingEventStore).
                configurer.configureTransactionManager(c -> jdbc)
                        .registerComponent(EventStorageEngine.class, c -> LedgerIntegrity.chain(
                                JdbcLedgerStorage.eventStorageEngine(jdbc, jdbc, c.eventSerializer(), c.serializer(),
                                        c.upcasterChain(), c.snapshotFilter(), tuning.gapTimeout()),
                                c.eventSerializer()))
                        .configureEventStore(c -> {
                            CoalescingEventStore store = new CoalescingEventStore(EmbeddedEventStore.builder()
                                    .storageEngine(c.getComponent(EventStorageEngine.class))
                                    .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore")),
                                    tuning.readModelFetchDelay());
                            c.onShutdown(store::shutDown);
                            return store;
                        })
                        .registerComponent(TokenStore.class, c -> JdbcLedgerStorage.tokenStore(jdbc, c.serializer()));
            }
            boolean projecting = transactions != null && readModels;
            new EngagementLedgerModule(settings, actorProvider, projecting ? transactions : null, privacy).configureModule(configurer);
            return new EngagementLedger(configurer.start(), projecting, dataSource);
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

    /** Whether the ledger holds any event of this engagement; reads its first stored event at most. */
    public boolean exists(EngagementId engagementId) {
        return axon.eventStore().readEvents(engagementId.value(), 0L).hasNext();
    }

    /** The engagement's full history, oldest first. */
    public List<RecordedEvent> history(EngagementId engagementId) {
        return axon.eventStore().readEvents(engagementId.value(), 0L).asStream()
                .map(EngagementLedger::recorded)
                .toList();
    }

    /**
     * Erases a data subject's personal data from every engagement (GDPR article 17), in one transaction:
     * destroys the subject's key, records a {@code DataSubjectErased} event in each engagement holding
     * personal data of the subject, and deletes those engagements' snapshots. From then on every read of the
     * subject's personal fields, in this process at once, shows {@link org.engagementledger.api.PersonalData#REPLACEMENT}.
     * Read models replace their copies when they process the erasure events: call
     * {@link #awaitReadModels(Duration)} to wait for that.
     *
     * @throws org.engagementledger.engagement.NotPermittedException when the actor is not an agency actor acting
     *                                                               for the buyer of every engagement concerned
     *                                                               (then nothing is erased)
     */
    public DataSubjectErasure eraseDataSubject(DataSubjectId subject, ErasureGround ground, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EraseDataSubject(subject, ground))
                .andMetaData(ActorMetaData.of(actor)));
    }

    /** Every piece of feedback of the engagement with its answer, or empty when the read models do not know the engagement. */
    public Optional<FeedbackLog> feedbackLog(EngagementId engagementId) {
        return ask(new FindFeedbackLog(engagementId), ResponseTypes.optionalInstanceOf(FeedbackLog.class));
    }

    /** The engagement's summary, or empty when the read models do not know it (yet). */
    public Optional<EngagementSummary> summary(EngagementId engagementId) {
        return ask(new FindEngagementSummary(engagementId), ResponseTypes.optionalInstanceOf(EngagementSummary.class));
    }

    /** The summary of every engagement the read models know, ordered by engagement id. */
    public List<EngagementSummary> summaries() {
        return ask(new ListEngagementSummaries(), ResponseTypes.multipleInstancesOf(EngagementSummary.class));
    }

    /** Every requirement of the engagement with its revisions and fulfilment steps, or empty when the read models do not know it. */
    public Optional<RequirementTrace> requirementTrace(EngagementId engagementId) {
        return ask(new FindRequirementTrace(engagementId), ResponseTypes.optionalInstanceOf(RequirementTrace.class));
    }

    /** Every cost line of the engagement with running and category totals, or empty when the read models do not know it. */
    public Optional<CostLedger> costLedger(EngagementId engagementId) {
        return ask(new FindCostLedger(engagementId), ResponseTypes.optionalInstanceOf(CostLedger.class));
    }

    /** The buyer's spend per supplier, open engagements and repeat engagements; empty lists for an unknown buyer. */
    public AgencyPortfolio portfolio(String buyerId) {
        return ask(new FindAgencyPortfolio(buyerId), ResponseTypes.instanceOf(AgencyPortfolio.class));
    }

    /**
     * Blocks until the read models have processed every event stored so far, so that queries answered
     * afterwards reflect every command that completed before this call.
     *
     * @throws ReadModelTimeoutException when they have not within {@code timeout}; the message says where
     *                                   the processor stands (and the cause is its error, if it is failing)
     * @throws IllegalStateException     when this ledger has no read models (in memory)
     */
    public void awaitReadModels(Duration timeout) {
        ReadModels.awaitCaughtUp(readModelProcessor(), axon.eventStore(), axon.getComponent(EventStorageEngine.class), timeout);
    }

    /**
     * Rebuilds every read model from the stored events: clears the tables and replays the whole history
     * in the background. Queries see partial views until {@link #awaitReadModels(Duration)} returns.
     *
     * @throws IllegalStateException when this ledger has no read models (in memory)
     */
    public void rebuildReadModels() {
        ReadModels.rebuild(readModelProcessor());
    }

    /**
     * The engagement's stored history for audit: every event, upcast to its current revision, in order.
     * Cut it with {@link EngagementHistory#upTo(Instant)} or {@link EngagementHistory#upToSequence(long)}.
     */
    public EngagementHistory auditHistory(EngagementId engagementId) {
        return EngagementHistory.of(axon.eventStore().readEvents(engagementId.value(), 0L));
    }

    /**
     * Replays and verifies the whole store (or one engagement, as the request says) in one streaming
     * pass over the stored rows: every event's hash and link checked, every engagement folded into its
     * state and handed to {@code each}, one at a time. Memory does not grow with the store.
     *
     * @throws IllegalStateException for an in-memory ledger (it has no stored rows to verify)
     */
    public StoreReplay.Result replayStore(VerificationRequest request, Consumer<EngagementState> each) {
        if (dataSource == null) {
            throw new IllegalStateException("an in-memory ledger has no stored rows to replay; build it on a DataSource");
        }
        return StoreReplay.replay(dataSource, axon.eventSerializer(), axon.upcasterChain(), request, each);
    }

    /** Every event with its time, actor and a one-line summary. */
    public Timeline timeline(EngagementId engagementId) {
        return Timeline.of(auditHistory(engagementId));
    }

    /** The engagement as it stood at an instant (inclusive), rebuilt from events alone. */
    public EngagementState stateAsOf(EngagementId engagementId, Instant instant) {
        return EngagementState.asOf(auditHistory(engagementId), instant);
    }

    /** The engagement as it stood after the event with this sequence number, rebuilt from events alone. */
    public EngagementState stateAfterSequence(EngagementId engagementId, long sequence) {
        return EngagementState.afterSequence(auditHistory(engagementId), sequence);
    }

    /**
     * The twelve audit answers and the red flags of one engagement. With read models, the buyer's other
     * engagements are included, so repeat engagements of a supplier for the same capability are found.
     *
     * @param verification the verifier's result for question 12, or {@link VerificationStatus#notVerified}
     */
    public EngagementAudit audit(EngagementId engagementId, VerificationStatus verification) {
        EngagementHistory history = auditHistory(engagementId);
        AuditInputs inputs = AuditInputs.none().withVerification(verification);
        if (readModels && !history.events().isEmpty()) {
            String buyer = history.state().commissioning().buyer().id();
            List<EngagementState> others = summaries().stream()
                    .filter(summary -> summary.buyer().id().equals(buyer) && !summary.engagementId().equals(engagementId))
                    .map(summary -> auditHistory(summary.engagementId()).state())
                    .toList();
            inputs = inputs.withOtherEngagements(others);
        }
        return EngagementAudit.of(history, inputs);
    }

    /** The underlying Axon configuration, for hosts that need more than this facade offers. */
    public Configuration axonConfiguration() {
        return axon;
    }

    @Override
    public void close() {
        axon.shutdown();
    }

    private StreamingEventProcessor readModelProcessor() {
        requireReadModels();
        return axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no event processor '" + ReadModels.PROCESSING_GROUP + "' is configured"));
    }

    private <R> R ask(Object query, ResponseType<R> responseType) {
        requireReadModels();
        QueryGateway queries = axon.queryGateway();
        try {
            return queries.query(query, responseType).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void requireReadModels() {
        if (!readModels) {
            throw new IllegalStateException("read models need a database and are off for this ledger (in memory only,"
                    + " or built with readModels(false)); build it with EngagementLedger.jdbc(dataSource) or"
                    + " EngagementLedger.builder().dataSource(dataSource)");
        }
    }

    private static RecordedEvent recorded(DomainEventMessage<?> message) {
        return new RecordedEvent(message.getSequenceNumber(), message.getTimestamp(),
                ActorMetaData.from(message.getMetaData()), (EngagementEvent) message.getPayload());
    }
}
