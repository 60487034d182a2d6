package org.engagementledger.spring;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.engagementledger.integrity.ChainedEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.engagement.FeedbackReceived;
import org.engagementledger.api.engagement.FeedbackSource;
import org.engagementledger.api.engagement.RecordFeedback;
import org.engagementledger.api.privacy.DataSubjectErasure;
import org.engagementledger.api.privacy.EraseDataSubject;
import org.engagementledger.audit.Timeline;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.api.query.FindEngagementSummary;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.config.EngagementLedgerModule;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.CeilingExceededException;
import org.engagementledger.readmodel.ReadModels;
import org.engagementledger.storage.LedgerSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.engagementledger.engagement.EngagementFixtures.BUYER_OFFICIAL;
import static org.engagementledger.engagement.EngagementFixtures.CONSULTANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Spring Boot host: {@link LedgerTestApplication} with nothing but auto-configuration, an H2
 * data source and an {@link org.engagementledger.actor.ActorProvider} bean. Each test uses its own
 * engagement, so they share one context.
 */
@SpringBootTest(classes = LedgerTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:engagement-ledger-spring;DB_CLOSE_DELAY=-1",
        "spring.main.banner-mode=off",
        "engagement-ledger.snapshot-threshold=3"})
class EngagementLedgerSpringBootTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        LedgerTestApplication.SIGNED_IN.remove();
    }

    @Test
    void commandsSentThroughTheGatewayAreStoredInTheJdbcTablesInTheLedgersJsonForm() {
        EngagementId id = EngagementId.of("ENG-2026-001");

        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        send(SpringTestCommands.activate(id), BUYER_OFFICIAL);
        send(SpringTestCommands.logTime(id, "7.5", "120.00"), CONSULTANT);

        List<Map<String, Object>> rows = events(id);
        assertEquals(List.of("EngagementCommissioned", "EngagementActivated", "TimeLogged"),
                rows.stream().map(r -> simpleName(r.get("payloadType"))).toList());
        String commissioned = text(rows.get(0).get("payload"));
        assertTrue(commissioned.startsWith("{\"engagementId\":\"ENG-2026-001\","), commissioned);
        assertTrue(commissioned.contains("\"ceiling\":{\"amount\":\"100000.00\",\"currency\":\"EUR\"}"), commissioned);
        assertEquals("1", rows.get(0).get("payloadRevision"));
        String timeLoggedMetadata = text(rows.get(2).get("metaData"));
        assertTrue(timeLoggedMetadata.contains("\"actorId\":\"lead-consultant\""), timeLoggedMetadata);
        assertTrue(timeLoggedMetadata.contains("\"actorRole\":\"CONSULTANT\""), timeLoggedMetadata);
        assertTrue(timeLoggedMetadata.contains("\"traceId\""), "Axon's correlation data is kept: " + timeLoggedMetadata);
    }

    @Test
    void aRefusedCommandStoresNothing() {
        EngagementId id = EngagementId.of("ENG-2026-002");
        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        send(SpringTestCommands.activate(id), BUYER_OFFICIAL);

        assertThrows(CeilingExceededException.class,
                () -> send(SpringTestCommands.logTime(id, "8", "20000.00"), CONSULTANT));

        assertEquals(2, events(id).size());
    }

    @Test
    void theHostsActorProviderNamesTheActorOfCommandsSentWithoutOne() {
        EngagementId id = EngagementId.of("ENG-2026-003");
        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);

        Actor signedIn = Actor.of("signed-in-buyer", BUYER_OFFICIAL.role(), BUYER_OFFICIAL.organisation());
        LedgerTestApplication.SIGNED_IN.set(signedIn);
        commands.sendAndWait(SpringTestCommands.activate(id));

        String metadata = text(events(id).get(1).get("metaData"));
        assertTrue(metadata.contains("\"actorId\":\"signed-in-buyer\""), metadata);
    }

    @Test
    void theSnapshotThresholdPropertyDecidesWhenASnapshotIsStored() {
        EngagementId id = EngagementId.of("ENG-2026-004");
        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        send(SpringTestCommands.activate(id), BUYER_OFFICIAL);
        assertEquals(0, snapshots(id));

        for (int i = 0; i < 3; i++) {
            send(SpringTestCommands.logTime(id, "1", "100.00"), CONSULTANT);
        }

        assertTrue(snapshots(id) >= 1, "a snapshot after more than 3 events");
        Map<String, Object> snapshot = jdbc.queryForMap(
                "SELECT payloadType, payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", id.value());
        assertEquals("org.engagementledger.engagement.Engagement", snapshot.get("payloadType"));
        assertTrue(text(snapshot.get("payload")).startsWith("{"), "a JSON snapshot");
    }

    @Test
    void theReadModelsAnswerQueriesFromTheSameDatabase() {
        EngagementId id = EngagementId.of("ENG-2026-005");
        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        send(SpringTestCommands.activate(id), BUYER_OFFICIAL);
        send(SpringTestCommands.logTime(id, "7.5", "120.00"), CONSULTANT);

        Configuration axon = context.getBean(Configuration.class);
        StreamingEventProcessor readModels = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        ReadModels.awaitCaughtUp(readModels, axon.eventStore(), context.getBean(EventStorageEngine.class), Duration.ofSeconds(10));
        EngagementSummary summary = queries.query(new FindEngagementSummary(id), EngagementSummary.class).join();

        assertEquals(EngagementStatus.ACTIVE, summary.status());
        assertEquals(Money.of("900.00", "EUR"), summary.committed());
    }

    @Test
    void theLedgersMigrationsRanWithTheirOwnHistoryTableAfterTheHostsFlyway() {
        Integer applied = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + LedgerSchema.HISTORY_TABLE + "\" WHERE \"success\"",
                Integer.class);
        assertTrue(applied != null && applied >= 1, "ledger migrations recorded in " + LedgerSchema.HISTORY_TABLE);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM host_note", Integer.class),
                "the host's own migration (db/migration) ran too");
        Integer hostHistory = jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\"", Integer.class);
        assertTrue(hostHistory != null && hostHistory >= 1, "the host's Flyway kept its own history table");
    }

    @Test
    void axonUsesTheLedgersSerializersAndJdbcStores() {
        Configuration axon = context.getBean(Configuration.class);
        for (String name : List.of("serializer", "eventSerializer", "messageSerializer")) {
            assertInstanceOf(JacksonSerializer.class, context.getBean(name, Serializer.class), name);
        }
        assertInstanceOf(JacksonSerializer.class, axon.serializer());
        assertInstanceOf(JacksonSerializer.class, axon.eventSerializer());
        assertInstanceOf(JacksonSerializer.class, axon.messageSerializer());
        ChainedEventStorageEngine chained = assertInstanceOf(ChainedEventStorageEngine.class, context.getBean(EventStorageEngine.class),
                "every write path goes through the hash chain");
        assertInstanceOf(JdbcEventStorageEngine.class, chained.delegate());
        assertInstanceOf(JdbcTokenStore.class, context.getBean(TokenStore.class));
        assertEquals(1, context.getBeansOfType(EngagementLedgerModule.class).size());
    }

    @Test
    void theContextStartsOfflineWithoutAxonServerOrUpdateChecks() {
        Environment environment = context.getEnvironment();
        assertEquals("false", environment.getProperty("axon.axonserver.enabled"));
        assertEquals("true", environment.getProperty("axon.update-check.disabled"));
        assertFalse(ClassUtils.isPresent("org.axonframework.axonserver.connector.AxonServerConfiguration", null),
                "no Axon Server connector on the classpath");
        assertTrue(Arrays.stream(context.getBeanDefinitionNames()).noneMatch(n -> n.toLowerCase().contains("axonserver")),
                "no Axon Server beans");
    }

    @Test
    void personalDataIsStoredEncryptedAndAnErasureSentThroughTheGatewayDestroysItsKeyInTheSpringTransaction() {
        EngagementId id = EngagementId.of("ENG-2026-006");
        DataSubjectId robin = DataSubjectId.of("subject-spring-robin");
        send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        send(new RecordFeedback(id, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER, "Robin Example waited four months", null,
                robin, "Robin Example", "robin@example.org"), BUYER_OFFICIAL);
        String stored = text(events(id).get(1).get("payload"));
        assertFalse(stored.contains("Robin Example") || stored.contains("robin@example.org"), stored);
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM ledger_personal_data_key WHERE subject_id = ?", Integer.class,
                robin.value()));

        DataSubjectErasure erasure = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new EraseDataSubject(robin, ErasureGround.CONSENT_WITHDRAWN)).andMetaData(ActorMetaData.of(BUYER_OFFICIAL)));

        assertEquals(new DataSubjectErasure(robin, List.of(id), 1), erasure);
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM ledger_personal_data_key WHERE subject_id = ?", Integer.class,
                robin.value()));
        assertEquals("DataSubjectErased", simpleName(events(id).get(2).get("payloadType")));
        FeedbackReceived read = (FeedbackReceived) context.getBean(Configuration.class).eventStore().readEvents(id.value(), 0L)
                .asStream().skip(1).findFirst().orElseThrow().getPayload();
        assertEquals(PersonalData.REPLACEMENT, read.observation());
        assertEquals(PersonalData.REPLACEMENT, read.givenByName());
    }

    @Test
    void theLedgersFacadeIsABeanThatSendsAsTheSignedInActorWaitsForReadModelsAndAudits() {
        EngagementLedger ledger = context.getBean(EngagementLedger.class);
        EngagementId id = EngagementId.of("ENG-2026-007");
        ledger.send(SpringTestCommands.commission(id), BUYER_OFFICIAL);
        LedgerTestApplication.SIGNED_IN.set(BUYER_OFFICIAL);
        ledger.send(SpringTestCommands.activate(id));
        ledger.send(SpringTestCommands.logTime(id, "2", "100.00"), CONSULTANT);

        ledger.awaitReadModels(Duration.ofSeconds(10));

        assertEquals(Money.of("200.00", "EUR"), ledger.summary(id).orElseThrow().committed());
        assertEquals(List.of("EngagementCommissioned", "EngagementActivated", "TimeLogged"),
                ledger.timeline(id).entries().stream().map(Timeline.Entry::eventType).toList());
        assertEquals(BUYER_OFFICIAL, ledger.timeline(id).entries().get(1).actor());
        assertEquals(12, ledger.audit(id, VerificationStatus.notVerified("not checked in this test")).answers().size());
    }

    private void send(EngagementCommand command, Actor actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetaData.of(actor)));
    }

    private List<Map<String, Object>> events(EngagementId id) {
        return jdbc.queryForList("SELECT payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", id.value());
    }

    private int snapshots(EngagementId id) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, id.value());
        return count == null ? 0 : count;
    }

    private static String simpleName(Object className) {
        String name = className.toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String text(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.UTF_8);
    }
}
