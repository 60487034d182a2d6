package org.engagementledger.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.engagementledger.actor.ActorDispatchInterceptor;
import org.engagementledger.actor.ActorProvider;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.engagement.EngagementCommandTargetResolver;
import org.engagementledger.engagement.EngagementCommandValidator;
import org.engagementledger.storage.AggregateCaches;
import org.engagementledger.storage.DecisionRecordedUpcaster;
import org.engagementledger.storage.LedgerSerializers;

import java.util.List;

/**
 * Registers the ledger in a host's Axon {@link Configurer}: the {@link Engagement} aggregate with its
 * command routing, a strong aggregate cache and a snapshot trigger, the upcasters of evolved events, shape validation of engagement
 * commands, and the ledger's Jackson serializers for events, messages and the general serializer
 * (snapshots, tokens).
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

    public EngagementLedgerModule() {
        this(LedgerSettings.DEFAULTS, ActorProvider.none());
    }

    public EngagementLedgerModule(LedgerSettings settings) {
        this(settings, ActorProvider.none());
    }

    /**
     * @param actorProvider the host's hook for the acting user, consulted for every command sent
     *                      without an actor (see {@link ActorProvider})
     */
    public EngagementLedgerModule(LedgerSettings settings, ActorProvider actorProvider) {
        this.settings = settings;
        this.actorProvider = actorProvider;
    }

    @Override
    public void configureModule(Configurer configurer) {
        Cache cache = AggregateCaches.sized(settings.cacheSize());
        configurer.configureSerializer(c -> LedgerSerializers.jackson())
                .configureEventSerializer(c -> LedgerSerializers.jackson())
                .configureMessageSerializer(c -> LedgerSerializers.jackson())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Engagement.class)
                        .configureCommandTargetResolver(c -> EngagementCommandTargetResolver.INSTANCE)
                        .configureCache(c -> cache)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), settings.snapshotThreshold()))
                        .configureSnapshotFilter(c -> RevisionSnapshotFilter.builder()
                                .type(Engagement.class).revision(Engagement.SNAPSHOT_REVISION).build()));
        configurer.registerEventUpcaster(c -> new DecisionRecordedUpcaster());
        // Keep Axon's trace and correlation ids, and carry the actor on to anything a handler sends.
        configurer.configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(ActorMetaData.ID, ActorMetaData.ROLE, ActorMetaData.ORGANISATION)));
        configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
            config.commandBus().registerDispatchInterceptor(new ActorDispatchInterceptor(actorProvider));
            config.commandBus().registerHandlerInterceptor(new EngagementCommandValidator());
        }));
    }
}
