package org.engagementledger.config;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.engagement.EngagementCommandTargetResolver;
import org.engagementledger.engagement.EngagementCommandValidator;
import org.engagementledger.storage.LedgerSerializers;

/**
 * Registers the ledger in a host's Axon {@link Configurer}: the {@link Engagement} aggregate with its
 * command routing, shape validation of engagement commands, and the ledger's Jackson serializers for
 * events, messages and the general serializer (snapshots, tokens).
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

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureSerializer(c -> LedgerSerializers.jackson())
                .configureEventSerializer(c -> LedgerSerializers.jackson())
                .configureMessageSerializer(c -> LedgerSerializers.jackson())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Engagement.class)
                        .configureCommandTargetResolver(c -> EngagementCommandTargetResolver.INSTANCE));
        configurer.onInitialize(config -> config.onStart(Phase.INSTRUCTION_COMPONENTS,
                () -> config.commandBus().registerHandlerInterceptor(new EngagementCommandValidator())));
    }
}
