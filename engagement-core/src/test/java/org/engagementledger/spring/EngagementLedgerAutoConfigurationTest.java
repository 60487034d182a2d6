package org.engagementledger.spring;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.engagementledger.config.EngagementLedgerModule;
import org.engagementledger.storage.CoalescingEventStore;
import org.engagementledger.storage.LedgerJson;
import org.engagementledger.storage.LedgerSchema;
import org.engagementledger.storage.LedgerSerializers;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conditions and back-offs of {@link EngagementLedgerAutoConfiguration}, on cheap contexts: most with
 * only the ledger's auto-configuration and lazy beans, a few with the Axon auto-configurations a
 * host would have.
 */
class EngagementLedgerAutoConfigurationTest {

    /** The ledger alone, beans created on demand: for conditions and single beans. */
    private final ApplicationContextRunner ledgerOnly = new ApplicationContextRunner()
            .withInitializer(context -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
            .withConfiguration(AutoConfigurations.of(EngagementLedgerAutoConfiguration.class));

    /** The ledger with Axon's and Spring Boot's JDBC auto-configurations, as in a host. */
    private final ApplicationContextRunner withAxon = new ApplicationContextRunner()
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:ledger-runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    NoOpTransactionAutoConfiguration.class, AxonTracingAutoConfiguration.class, JdbcAutoConfiguration.class,
                    EventProcessingAutoConfiguration.class, AxonAutoConfiguration.class, InfraConfiguration.class,
                    EngagementLedgerAutoConfiguration.class));

    @Test
    void backsAwayWithoutADataSource() {
        ledgerOnly.run(context -> {
            assertFalse(context.containsBean("engagementLedgerModule"));
            assertTrue(context.getBeansOfType(EngagementLedgerSchema.class).isEmpty());
        });
    }

    @Test
    void backsAwayWhenDisabled() {
        ledgerOnly.withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .withPropertyValues("engagement-ledger.enabled=false")
                .run(context -> assertTrue(context.getBeansOfType(EngagementLedgerModule.class).isEmpty()));
    }

    @Test
    void migratesTheSchemaWithFlyway() {
        DataSource dataSource = h2();
        ledgerOnly.withBean(DataSource.class, () -> dataSource).run(context -> {
            EngagementLedgerSchema schema = context.getBean(EngagementLedgerSchema.class);
            assertTrue(schema.migratedByLedger());
            assertTrue(schema.migrationsApplied() >= 1);
            assertTrue(tableExists(dataSource, "DomainEventEntry"));
            assertTrue(tableExists(dataSource, LedgerSchema.HISTORY_TABLE));
        });
    }

    @Test
    void leavesTheSchemaToTheHostWhenMigrationIsOff() {
        DataSource dataSource = h2();
        ledgerOnly.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("engagement-ledger.migrate-schema=false")
                .run(context -> {
                    assertFalse(context.getBean(EngagementLedgerSchema.class).migratedByLedger());
                    assertFalse(tableExists(dataSource, "DomainEventEntry"));
                    assertFalse(tableExists(dataSource, LedgerSchema.HISTORY_TABLE));
                });
    }

    @Test
    void anInvalidPropertyStopsTheStartWithTheRuleItBreaks() {
        ledgerOnly.withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .withPropertyValues("engagement-ledger.snapshot-threshold=0")
                .run(context -> {
                    Throwable failure = assertThrows(Exception.class,
                            () -> context.getBean(EngagementLedgerModule.class));
                    assertTrue(rootCause(failure).getMessage().contains("snapshotThreshold must be at least 1, was 0"),
                            failure::toString);
                });
    }

    @Test
    void buildsTheModuleWithoutAnActorProviderBean() {
        ledgerOnly.withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .run(context -> assertNotNull(context.getBean(EngagementLedgerModule.class)));
    }

    @Test
    void theLedgersModuleRunsBeforeAxonsOwnConfigurerModules() {
        ledgerOnly.withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .run(context -> assertTrue(context.getBean(EngagementLedgerModule.class).order() < 0));
    }

    @Test
    void aHostsOwnEventStorageEngineIsKept() {
        EventStorageEngine hostEngine = new InMemoryEventStorageEngine();
        ledgerOnly.withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .withBean(EventStorageEngine.class, () -> hostEngine)
                .run(context -> assertSame(hostEngine, context.getBean(EventStorageEngine.class)));
    }

    @Test
    void startsWithAxonsAutoConfigurationsAndBacksThemOff() {
        withAxon.run(context -> {
            assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
            assertEquals(1, context.getBeansOfType(EventStorageEngine.class).size());
            assertSame(context.getBean("eventSerializer"), context.getBean(org.axonframework.config.Configuration.class).eventSerializer());
            new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT COUNT(*) FROM TokenEntry", Integer.class);
        });
    }

    @Test
    void theEventStoreWakesTheReadModelsOncePerFetchDelay() {
        withAxon.run(context -> {
            assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
            assertInstanceOf(CoalescingEventStore.class, context.getBean(org.axonframework.config.Configuration.class).eventStore());
        });
    }

    @Test
    void aHostsOwnEventStoreIsKept() {
        EmbeddedEventStore hostStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        withAxon.withBean("eventBus", EventStore.class, () -> hostStore).run(context -> {
            assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
            assertSame(hostStore, context.getBean(org.axonframework.config.Configuration.class).eventStore());
        });
    }

    @Test
    void aHostSerializerThatDoesNotWriteTheLedgersFormStopsTheStart() {
        withAxon.withUserConfiguration(PlainJacksonEventSerializer.class).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the start must fail");
            assertTrue(rootCause(failure).getMessage().contains("does not write the Engagement Ledger's stored JSON form"),
                    () -> rootCause(failure).getMessage());
        });
    }

    @Test
    void aHostSerializerBuiltOnTheLedgersJsonWithItsPersonalDataProtectionIsAccepted() {
        withAxon.withUserConfiguration(LedgerBasedEventSerializer.class).run(context -> {
            assertNull(context.getStartupFailure(), () -> String.valueOf(context.getStartupFailure()));
            assertSame(context.getBean(LedgerBasedEventSerializer.class).serializer, context.getBean("eventSerializer"));
        });
    }

    @Test
    void aHostSerializerThatWouldStorePersonalDataUnencryptedStopsTheStart() {
        withAxon.withUserConfiguration(UnprotectedLedgerEventSerializer.class).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "the start must fail");
            assertTrue(rootCause(failure).getMessage().contains("would store personal data (fields marked @PersonalData) unencrypted"),
                    () -> rootCause(failure).getMessage());
        });
    }

    @Test
    void refusesToRunWithoutRealTransactions() {
        new ApplicationContextRunner()
                .withBean(DataSource.class, EngagementLedgerAutoConfigurationTest::h2)
                .withConfiguration(AutoConfigurations.of(TransactionAutoConfiguration.class,
                        NoOpTransactionAutoConfiguration.class, AxonTracingAutoConfiguration.class, JdbcAutoConfiguration.class,
                        EventProcessingAutoConfiguration.class, AxonAutoConfiguration.class, InfraConfiguration.class,
                        EngagementLedgerAutoConfiguration.class))
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertNotNull(failure, "the start must fail");
                    assertTrue(rootCause(failure).getMessage().contains("needs real transactions"),
                            () -> rootCause(failure).getMessage());
                });
    }

    @Test
    void theEnvironmentDefaultsKeepAxonServerAndTheUpdateCheckOffUnlessTheHostSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("host",
                Map.of("axon.axonserver.enabled", "true")));

        new EngagementLedgerEnvironmentPostProcessor().postProcessEnvironment(environment, null);

        assertEquals("true", environment.getProperty("axon.axonserver.enabled"), "the host's setting wins");
        assertEquals("true", environment.getProperty("axon.update-check.disabled"));
    }

    @Configuration(proxyBeanMethods = false)
    static class PlainJacksonEventSerializer {
        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer() {
            return JacksonSerializer.defaultSerializer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LedgerBasedEventSerializer {
        Serializer serializer;

        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer(org.engagementledger.privacy.PersonalDataProtection protection) {
            serializer = LedgerSerializers.jackson(protection.objectMapper());
            return serializer;
        }
    }

    /** The ledger's JSON form, but without the personal-data module: would store personal fields in plain text. */
    @Configuration(proxyBeanMethods = false)
    static class UnprotectedLedgerEventSerializer {
        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer() {
            return LedgerSerializers.jackson(LedgerJson.newObjectMapper());
        }
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static boolean tableExists(DataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[]{"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
