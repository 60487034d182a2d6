package org.engagementledger.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.engagementledger.actor.ActorDispatchInterceptor;
import org.engagementledger.actor.ActorProvider;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.engagement.EngagementCommandTargetResolver;
import org.engagementledger.engagement.EngagementCommandValidator;
import org.engagementledger.privacy.PersonalDataErasure;
import org.engagementledger.privacy.PersonalDataProtection;
import org.engagementledger.readmodel.ReadModels;
import org.engagementledger.storage.AggregateCaches;
import org.engagementledger.storage.DecisionRecordedUpcaster;
import org.engagementledger.storage.FeedbackReceivedUpcaster;

import java.util.List;

/**
 * Registers the ledger in a host's Axon {@link Configurer}: the {@link Engagement} aggregate with its
 * command routing, a strong aggregate cache and a snapshot trigger, the upcasters of evolved events, shape validation of engagement
 * commands, and the ledger's Jackson serializers for events, messages and the general serializer
 * (snapshots, tokens), which encrypt personal fields with the keys of its {@link PersonalDataProtection}.
 * It also registers the handler of {@code EraseDataSubject} ({@link PersonalDataErasure}).
 *
 * <p>Given a {@link ConnectionProvider} for the read models, it also registers the read-model
 * projections ({@code org.engagementledger.readmodel}) in one pooled streaming event processor,
 * {@value ReadModels#PROCESSING_GROUP} (batches of {@value ReadModels#BATCH_SIZE} events, one segment,
 * starting at the tail of the event stream so a new database projects all history, failures rolled back
 * and retried rather than skipped), and their query handlers. The processor uses the configuration's
 * {@code TokenStore} and {@code TransactionManager}; the connection provider must hand out the
 * connection of that transaction, so that a batch's rows and its token commit together. The tables
 * come from the ledger's Flyway migrations ({@code LedgerSchema}).
 *
 * <p>Use with {@code DefaultConfigurer.defaultConfiguration(false)} (no Axon Server, no update check):
 * <pre>{@code
 * Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
 *         .configureEmbeddedEventStore(c -> myStorageEngine);
 * new EngagementLedgerModule().configureModule(configurer);
 * Configuration axon = configurer.start();
 * }</pre>
 */
public class EngagementLedgerModule implements ConfigurerModule {

    private final LedgerSettings settings;
    private final ActorProvider actorProvider;
    private final ConnectionProvider readModelConnections;
    private final PersonalDataProtection protection;

    /**
     * A module whose keys for personal data live in memory only ({@link PersonalDataProtection#inMemory()}):
     * for tests and in-memory stores. With a persistent event store use
     * {@link #EngagementLedgerModule(LedgerSettings, ActorProvider, ConnectionProvider, PersonalDataProtection)},
     * or personal data becomes unreadable when the process ends.
     */
    public EngagementLedgerModule() {
        this(LedgerSettings.DEFAULTS, ActorProvider.none());
    }

    /** As {@link #EngagementLedgerModule()}: keys in memory only. */
    public EngagementLedgerModule(LedgerSettings settings) {
        this(settings, ActorProvider.none());
    }

    /**
     * As {@link #EngagementLedgerModule()}: keys in memory only.
     *
     * @param actorProvider the host's hook for the acting user, consulted for every command sent
     *                      without an actor (see {@link ActorProvider})
     */
    public EngagementLedgerModule(LedgerSettings settings, ActorProvider actorProvider) {
        this(settings, actorProvider, null, PersonalDataProtection.inMemory());
    }

    /**
     * @param actorProvider        the host's hook for the acting user (see {@link ActorProvider})
     * @param readModelConnections where the read models read and write their tables, joining the event
     *                             processor's transaction (plain Axon: the ledger's
     *                             {@code JdbcTransactionManager}; Spring: Axon's
     *                             {@code SpringDataSourceConnectionProvider}); {@code null} registers no
     *                             read models
     * @param protection           the keys that encrypt personal fields, and how erasure purges snapshots
     *                             ({@link PersonalDataProtection#jdbc} beside a database store)
     */
    public EngagementLedgerModule(LedgerSettings settings, ActorProvider actorProvider, ConnectionProvider readModelConnections,
                                  PersonalDataProtection protection) {
        this.settings = settings;
        this.actorProvider = actorProvider;
        this.readModelConnections = readModelConnections;
        this.protection = java.util.Objects.requireNonNull(protection, "protection");
    }

    @Override
    public void configureModule(Configurer configurer) {
        Cache cache = AggregateCaches.sized(settings.cacheSize());
        configurer.registerComponent(PersonalDataProtection.class, c -> protection)
                .configureSerializer(c -> protection.serializer())
                .configureEventSerializer(c -> protection.serializer())
                .configureMessageSerializer(c -> protection.serializer())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Engagement.class)
                        .configureCommandTargetResolver(c -> EngagementCommandTargetResolver.INSTANCE)
                        .configureCache(c -> cache)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), settings.snapshotThreshold()))
                        .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder()
                                .type(Engagement.class).revision(Engagement.SNAPSHOT_REVISION).build()));
        configurer.registerEventUpcaster(c -> new DecisionRecordedUpcaster());
        configurer.registerEventUpcaster(c -> new FeedbackReceivedUpcaster());
        configurer.registerCommandHandler(c -> new PersonalDataErasure(c.repository(Engagement.class), protection));
        // Keep Axon's trace and correlation ids, and carry the actor on to anything a handler sends.
        configurer.configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(ActorMetaData.ID, ActorMetaData.ROLE, ActorMetaData.ORGANISATION)));
        configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
            config.commandBus().registerDispatchInterceptor(new ActorDispatchInterceptor(actorProvider));
            config.commandBus().registerHandlerInterceptor(new EngagementCommandValidator());
        }));
        if (readModelConnections != null) {
            registerReadModels(configurer, readModelConnections, settings.readModelSegments());
        }
    }

    private static void registerReadModels(Configurer configurer, ConnectionProvider connections, int segments) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerPooledStreamingEventProcessor(ReadModels.PROCESSING_GROUP, Configuration::eventStore,
                        (c, builder) -> builder.batchSize(ReadModels.BATCH_SIZE)
                                .initialSegmentCount(segments)
                                .initialToken(StreamableMessageSource::createTailToken))
                // the default logs and skips a failing event: a read model would silently miss it
                .registerListenerInvocationErrorHandler(ReadModels.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        for (Object projection : ReadModels.projections(connections)) {
            processing.registerEventHandler(c -> projection);
        }
        for (Object queryHandler : ReadModels.queryHandlers(connections)) {
            configurer.registerQueryHandler(c -> queryHandler);
        }
    }
}
