package org.engagementledger.spring;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringConfigurer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.util.ConditionalOnMissingQualifiedBean;
import org.engagementledger.EngagementLedger;
import org.engagementledger.actor.ActorProvider;
import org.engagementledger.config.EngagementLedgerModule;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.Engagement;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.privacy.PersonalDataProtection;
import org.engagementledger.storage.CoalescingEventStore;
import org.engagementledger.storage.JdbcLedgerStorage;
import org.engagementledger.storage.LedgerSerializers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;

/**
 * Spring Boot auto-configuration of the ledger: a host with this library, Axon's Spring Boot
 * auto-configuration ({@code axon-spring-boot-autoconfigure}) and a {@link DataSource} on its
 * classpath gets a ready ledger: send engagement commands through Axon's {@code CommandGateway}.
 *
 * <ul>
 *   <li>the ledger's tables are migrated by Flyway ({@link EngagementLedgerSchema}) before Axon uses
 *       them, and after the host's own Flyway migrations;</li>
 *   <li>Axon's {@code serializer}, {@code eventSerializer} and {@code messageSerializer} are the
 *       ledger's Jackson serializers ({@link LedgerSerializers}) with personal fields encrypted by the
 *       {@link PersonalDataProtection} bean (keys in the ledger's key table on the host's
 *       {@link DataSource}); a host may replace them, but a replacement that does not write the
 *       ledger's JSON form, or would store personal data unencrypted, stops the start-up;</li>
 *   <li>events, snapshots and tokens go to Axon's JDBC stores on the host's {@link DataSource}, inside
 *       the host's Spring transactions, with the ledger's gap timeout; commits wake the read models'
 *       event stream once per fetch delay ({@link CoalescingEventStore});</li>
 *   <li>the {@link EngagementLedgerModule} is built from {@link EngagementLedgerProperties} and the
 *       host's {@link ActorProvider} bean, if it defines one, with its read models on the same
 *       {@link DataSource} (queries through Axon's {@code QueryGateway});</li>
 *   <li>Axon Server and the update checker are off unless the host turns them on
 *       ({@link EngagementLedgerEnvironmentPostProcessor}).</li>
 * </ul>
 *
 * It runs before Axon's own JDBC, JPA and core auto-configurations, so that they back off where it
 * defines a bean; every bean here backs off when the host defines its own.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.InfraConfiguration"})
@ConditionalOnClass({AxonAutoConfiguration.class, SpringConfigurer.class, SpringDataSourceConnectionProvider.class,
        DataSourceUtils.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "engagement-ledger", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(EngagementLedgerProperties.class)
public class EngagementLedgerAutoConfiguration {

    /**
     * Runs before Axon's {@code ConfigurerModule}s (order 0), so that Axon's serializer and
     * correlation-data modules, which read the Spring beans, have the last word: the serializers are
     * the beans below, and the correlation data providers are all {@link CorrelationDataProvider}
     * beans, the host's included.
     */
    static final int MODULE_ORDER = -100;

    @Bean
    @ConditionalOnMissingBean
    public EngagementLedgerSchema engagementLedgerSchema(DataSource dataSource, EngagementLedgerProperties properties) {
        return properties.isMigrateSchema() ? EngagementLedgerSchema.migrate(dataSource) : EngagementLedgerSchema.managedByHost();
    }

    // ---- personal data: keys beside the events, in the host's database

    /**
     * The keys of personal data in the ledger's key table (created by its migrations), created in transactions
     * of their own and destroyed inside the erasure's Spring transaction; see {@code docs/personal-data.md}.
     */
    @Bean
    @ConditionalOnMissingBean
    public PersonalDataProtection personalDataProtection(EngagementLedgerSchema schema, DataSource dataSource,
                                                         ConnectionProvider connectionProvider, EngagementLedgerProperties properties) {
        return PersonalDataProtection.jdbc(dataSource, connectionProvider, properties.getPersonalDataKeyCacheTtl());
    }

    // ---- serializers: the ledger's JSON form for events, messages, snapshots and tokens

    /** Axon's general serializer (snapshots, tokens, sagas): the ledger's Jackson form, personal fields encrypted. */
    @Bean
    @Primary
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "!eventSerializer,messageSerializer")
    public Serializer serializer(PersonalDataProtection protection) {
        return protection.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "messageSerializer")
    public Serializer messageSerializer(PersonalDataProtection protection) {
        return protection.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    @ConditionalOnMissingQualifiedBean(beanClass = Serializer.class, qualifier = "eventSerializer")
    public Serializer eventSerializer(PersonalDataProtection protection) {
        return protection.serializer();
    }

    // ---- storage: Axon's JDBC stores in the host's Spring transactions

    /** Connections of the current Spring transaction; the same bean Axon's JDBC auto-configuration would define. */
    @Bean
    @ConditionalOnMissingBean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * The event and snapshot store, as Axon's JDBC auto-configuration would build it plus the
     * ledger's gap timeout (Axon's sets none) and a check that the serializers write the ledger's form.
     * The transaction manager is Axon's {@code SpringTransactionManager} around the host's
     * {@code PlatformTransactionManager}, so one command's events commit together.
     */
    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    public EventStorageEngine eventStorageEngine(EngagementLedgerSchema schema,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 org.axonframework.config.Configuration axonConfiguration,
                                                 EngagementLedgerProperties properties) {
        if (transactionManager instanceof NoTransactionManager) {
            throw new IllegalStateException("Engagement Ledger needs real transactions, so that one command's events are "
                    + "stored together or not at all, but Axon's TransactionManager is a NoTransactionManager. Define a "
                    + "Spring PlatformTransactionManager bean (spring-boot-starter-jdbc or -data-jpa do).");
        }
        LedgerSerializerCheck.requireLedgerForm("eventSerializer", eventSerializer);
        LedgerSerializerCheck.requireLedgerForm("serializer", serializer);
        // Same engine as without Spring, behind the same hash chain: every write path is chained.
        return LedgerIntegrity.chain(JdbcLedgerStorage.eventStorageEngine(connectionProvider, transactionManager,
                eventSerializer, serializer, axonConfiguration.upcasterChain(), axonConfiguration.snapshotFilter(),
                properties.toSettings().gapTimeout()), eventSerializer);
    }

    /**
     * Axon's embedded event store over the engine above, as Axon's auto-configuration would build it, except
     * that commits wake the read models' event stream once per {@code engagement-ledger.read-model-fetch-delay}
     * rather than once each ({@link CoalescingEventStore}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axonConfiguration,
                                         EngagementLedgerProperties properties) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axonConfiguration.messageMonitor(EventStore.class, "eventStore"));
        EventBusSpanFactory spans = axonConfiguration.getComponent(EventBusSpanFactory.class);
        if (spans != null) {
            builder.spanFactory(spans);
        }
        return new CoalescingEventStore(builder, properties.toSettings().readModelFetchDelay());
    }

    /** Read-model positions, in the ledger's token table and in the same transactions as the read models. */
    @Bean
    @ConditionalOnMissingBean
    public TokenStore tokenStore(EngagementLedgerSchema schema, ConnectionProvider connectionProvider, Serializer serializer,
                                 ObjectProvider<TokenStoreProperties> tokenStoreProperties) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer);
        TokenStoreProperties axonProperties = tokenStoreProperties.getIfAvailable();
        if (axonProperties != null) {
            builder.claimTimeout(axonProperties.getClaimTimeout());
        }
        return builder.build();
    }

    // ---- the ledger itself

    /**
     * Axon's default trace and correlation ids. Axon defines this bean only when there is no
     * {@link CorrelationDataProvider} bean at all, so the actor's provider below would otherwise
     * push it out.
     */
    @Bean
    @ConditionalOnMissingBean(CorrelationDataProvider.class)
    public MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Carries the actor of a command on to everything its handlers send. */
    @Bean
    public CorrelationDataProvider engagementLedgerActorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetaData.ID, ActorMetaData.ROLE, ActorMetaData.ORGANISATION);
    }

    /**
     * The ledger's Axon module: the Engagement aggregate with its cache, snapshots and validation, the
     * host's {@link ActorProvider} bean (if any) for commands sent without an actor, and the read
     * models. These read and write their tables through the connection of the current Spring
     * transaction, which Axon's {@code SpringTransactionManager} opens around each batch of events, so
     * that a batch's rows and its token commit together.
     */
    @Bean
    @ConditionalOnMissingBean
    public EngagementLedgerModule engagementLedgerModule(EngagementLedgerSchema schema,
                                                         EngagementLedgerProperties properties,
                                                         ObjectProvider<ActorProvider> actorProvider,
                                                         DataSource dataSource,
                                                         PersonalDataProtection protection) {
        return new SpringEngagementLedgerModule(properties.toSettings(), actorProvider.getIfAvailable(ActorProvider::none),
                new SpringDataSourceConnectionProvider(dataSource), protection);
    }

    /**
     * The ledger's facade ({@code send}, {@code timeline}, {@code audit}, {@code awaitReadModels}, ...) over
     * Axon's Spring configuration, so that hosts need not rebuild it from Axon's parts. Spring starts and
     * stops Axon: the bean has no destroy method, since the facade's {@code close()} would shut Axon down.
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public EngagementLedger engagementLedger(org.axonframework.config.Configuration axonConfiguration, DataSource dataSource) {
        return EngagementLedger.of(axonConfiguration, dataSource);
    }

    /**
     * Lets Axon's Spring snapshotter snapshot engagements. It knows only the aggregate factories it
     * finds as Spring beans (those of {@code @Aggregate} classes), not those of aggregates registered
     * through a {@code Configurer}, as the ledger's module does; without this bean every snapshot
     * attempt fails with "Aggregate Type is unknown in this snapshotter".
     */
    @Bean
    public AggregateFactory<Engagement> engagementAggregateFactory(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new AggregateFactory<>() {
            @Override
            public Engagement createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
                return axon.getObject().aggregateConfiguration(Engagement.class).aggregateFactory()
                        .createAggregateRoot(aggregateIdentifier, firstEvent);
            }

            @Override
            public Class<Engagement> getAggregateType() {
                return Engagement.class;
            }
        };
    }

    /**
     * Makes the ledger's migrations wait for the host's Flyway migrations: Flyway refuses to start
     * migrating a schema that already holds tables (ours) but not its history table.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayMigrationInitializer.class)
    static class AfterHostFlyway {

        @Bean
        static AbstractDependsOnBeanFactoryPostProcessor engagementLedgerSchemaAfterHostFlyway() {
            return new AbstractDependsOnBeanFactoryPostProcessor(EngagementLedgerSchema.class, FlywayMigrationInitializer.class) {
            };
        }
    }

    /** {@link EngagementLedgerModule} ordered before Axon's own modules; see {@link #MODULE_ORDER}. */
    static final class SpringEngagementLedgerModule extends EngagementLedgerModule {

        SpringEngagementLedgerModule(LedgerSettings settings, ActorProvider actorProvider, ConnectionProvider readModelConnections,
                                     PersonalDataProtection protection) {
            super(settings, actorProvider, readModelConnections, protection);
        }

        @Override
        public int order() {
            return MODULE_ORDER;
        }
    }
}
