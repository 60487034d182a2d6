package org.engagementledger.storage;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.engagementledger.api.Actor;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.privacy.InMemoryPersonalDataKeys;
import org.engagementledger.privacy.PersonalDataCipher;
import org.engagementledger.privacy.PersonalDataProtection;
import org.engagementledger.privacy.SnapshotPurge;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type, stored through Axon's {@link JdbcEventStorageEngine} (H2 in PostgreSQL mode with the
 * Postgres table factory) with the ledger's Jackson serializers (personal fields encrypted), and read back with a
 * second engine that shares nothing with the first but the database and the personal-data keys: payloads,
 * payload types, revisions, metadata and timestamps must survive the trip. The in-memory event store never serializes, so this is where a
 * payload that does not round-trip would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcEventRoundTripTest {

    private static final String URL = "jdbc:h2:mem:roundtrip;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    private static final String AGGREGATE = SampleEvents.ENGAGEMENT.value();
    private static final String AGGREGATE_TYPE = "Engagement";
    private static final Instant FIRST_TIMESTAMP = Instant.parse("2026-01-12T08:30:00.125Z");

    private static final List<Actor> ACTORS = List.of(
            Actor.of("procurement-lead", Role.AGENCY_BUYER, "municipality-northvale"),
            Actor.of("employment-caseworker", Role.AGENCY_STAFF, "municipality-northvale"),
            Actor.of("lead-consultant", Role.CONSULTANT, "brightpath-consulting"),
            Actor.of("regional-auditor", Role.AUDITOR, "regional-audit-office"));

    private JdbcDataSource dataSource;
    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys(cipher);
    private List<DomainEventMessage<EngagementEvent>> stored;
    private List<DomainEventMessage<?>> read;

    @BeforeAll
    void storeEveryEventTypeAndReadItBack() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL(URL);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }

        JdbcEventStorageEngine writer = engine(protectingSerializer());
        writer.createSchema(PostgresEventTableFactory.INSTANCE);

        List<EngagementEvent> events = SampleEvents.all();
        stored = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            Actor actor = ACTORS.get(sequence % ACTORS.size());
            Map<String, Object> metaData = new LinkedHashMap<>(ActorMetaData.of(actor));
            metaData.put("correlationId", "cmd-" + (1000 + sequence));
            stored.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, AGGREGATE, sequence, events.get(sequence),
                    MetaData.from(metaData), "event-" + (1000 + sequence), FIRST_TIMESTAMP.plusSeconds(3600L * sequence)));
        }
        writer.appendEvents(stored);

        // a second engine with its own serializer instance: nothing is shared with the writer but the database and the keys
        JdbcEventStorageEngine reader = engine(protectingSerializer());
        read = reader.readEvents(AGGREGATE, 0L).asStream().<DomainEventMessage<?>>map(m -> m).toList();
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
    }

    private JacksonSerializer protectingSerializer() {
        return PersonalDataProtection.of(keys, cipher, SnapshotPurge.NONE).serializer();
    }

    private JdbcEventStorageEngine engine(JacksonSerializer serializer) {
        ConnectionProvider connections = dataSource::getConnection; // autocommit connections; the engine closes them
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
    }

    Stream<Arguments> storedAndRead() {
        return IntStream.range(0, stored.size()).mapToObj(i -> Arguments.of(
                Named.of(stored.get(i).getPayloadType().getSimpleName(), stored.get(i)),
                read.size() > i ? read.get(i) : null));
    }

    @Test
    void everyStoredEventIsReadBackInSequence() {
        assertEquals(28, stored.size(), "one event of every type");
        assertEquals(stored.size(), read.size(), "events read back");
        for (int i = 0; i < read.size(); i++) {
            assertEquals(i, read.get(i).getSequenceNumber());
            assertEquals(AGGREGATE, read.get(i).getAggregateIdentifier());
            assertEquals(AGGREGATE_TYPE, read.get(i).getType());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedAndRead")
    void eventSurvivesTheDatabaseUnchanged(DomainEventMessage<EngagementEvent> original, DomainEventMessage<?> back) {
        String name = original.getPayloadType().getSimpleName();
        assertEquals(original.getPayloadType(), back.getPayloadType(), name + " payload type");
        Object payload = back.getPayload();
        assertInstanceOf(original.getPayloadType(), payload, name + " payload class");
        assertEquals(original.getPayload(), payload, name + " payload");
        assertEquals(original.getMetaData(), back.getMetaData(), name + " metadata");
        assertEquals(original.getIdentifier(), back.getIdentifier(), name + " event identifier");
        assertEquals(original.getTimestamp(), back.getTimestamp(), name + " timestamp");
        assertEquals(original.getSequenceNumber(), back.getSequenceNumber(), name + " sequence number");

        SerializedObject<String> serialized = back.serializePayload(LedgerSerializers.jackson(), String.class);
        assertEquals(original.getPayloadType().getName(), serialized.getType().getName(), name + " serialized type");
        assertEquals(SampleEvents.revisionOf(original.getPayloadType()), serialized.getType().getRevision(), name + " revision");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedAndRead")
    void actorIsInTheMetadataAsThreePlainStrings(DomainEventMessage<EngagementEvent> original, DomainEventMessage<?> back) {
        assertTrue(ActorMetaData.isPresent(back.getMetaData()));
        assertEquals(ActorMetaData.from(original.getMetaData()), ActorMetaData.from(back.getMetaData()));
        for (String key : List.of(ActorMetaData.ID, ActorMetaData.ROLE, ActorMetaData.ORGANISATION)) {
            assertInstanceOf(String.class, back.getMetaData().get(key), key);
        }
    }

    /** What the rows hold: JSON text with bare-string ids, the full class name and revision "1". */
    @Test
    void rowsHoldTheLedgerJsonWithTypeAndRevision() throws SQLException {
        List<String> payloadTypes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT sequenceNumber, aggregateIdentifier, payloadType, payloadRevision, payload, metaData, timeStamp"
                             + " FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            query.setString(1, AGGREGATE);
            try (ResultSet rows = query.executeQuery()) {
                int sequence = 0;
                while (rows.next()) {
                    DomainEventMessage<EngagementEvent> original = stored.get(sequence);
                    String name = original.getPayloadType().getSimpleName();
                    assertEquals(sequence, rows.getLong("sequenceNumber"));
                    assertEquals(original.getPayloadType().getName(), rows.getString("payloadType"), name);
                    assertEquals(SampleEvents.revisionOf(original.getPayloadType()), rows.getString("payloadRevision"), name);

                    String payload = new String(rows.getBytes("payload"), StandardCharsets.UTF_8);
                    assertTrue(payload.contains("\"engagementId\":\"" + AGGREGATE + "\""),
                            name + " payload should hold the engagement id as a bare string: " + payload);
                    assertFalse(payload.contains("\"value\""), name + " payload should hold no wrapped ids: " + payload);

                    String metaData = new String(rows.getBytes("metaData"), StandardCharsets.UTF_8);
                    Actor actor = ActorMetaData.from(original.getMetaData());
                    assertTrue(metaData.contains("\"actorId\":\"" + actor.id() + "\""), name + " metadata: " + metaData);
                    assertTrue(metaData.contains("\"actorRole\":\"" + actor.role().name() + "\""), name + " metadata: " + metaData);
                    assertTrue(metaData.contains("\"actorOrganisation\":\"" + actor.organisation() + "\""), name + " metadata: " + metaData);

                    assertEquals(original.getTimestamp(), Instant.parse(rows.getString("timeStamp")), name + " timestamp column");
                    payloadTypes.add(rows.getString("payloadType"));
                    sequence++;
                }
            }
        }
        assertEquals(stored.stream().map(m -> m.getPayloadType().getName()).toList(), payloadTypes);
    }

    /** Amounts stay exact strings in the stored payload, not binary floating-point numbers. */
    @Test
    void amountsAreStoredAsStrings() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload FROM DomainEventEntry WHERE payloadType = ?")) {
            query.setString(1, org.engagementledger.api.engagement.TimeLogged.class.getName());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "TimeLogged row");
                String payload = new String(rows.getBytes("payload"), StandardCharsets.UTF_8);
                assertTrue(payload.contains("\"hours\":\"7.50\""), payload);
                assertTrue(payload.contains("\"amount\":{\"amount\":\"1125.00\",\"currency\":\"EUR\""), payload);
                assertTrue(payload.contains("\"date\":\"2026-02-03\""), payload);
            }
        }
    }

    /**
     * The stored payload is the approved form: money holds amount and currency only, no derived properties, and
     * personal fields are encrypted objects in the same places (their key ids, IVs and ciphertexts differ: compared
     * as "encrypted").
     */
    @Test
    void storedPayloadIsTheApprovedJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = LedgerJson.newObjectMapper();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadType, payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            query.setString(1, AGGREGATE);
            try (ResultSet rows = query.executeQuery()) {
                List<String> differing = new ArrayList<>();
                while (rows.next()) {
                    String name = rows.getString("payloadType").substring(rows.getString("payloadType").lastIndexOf('.') + 1);
                    String approved = EventJsonApprovalTest.readApproved(name);
                    if (approved == null || !encryptedValuesMasked(mapper.readTree(approved))
                            .equals(encryptedValuesMasked(mapper.readTree(rows.getBytes("payload"))))) {
                        differing.add(name + ": " + new String(rows.getBytes("payload"), StandardCharsets.UTF_8));
                    }
                }
                assertEquals(List.of(), differing, "stored payloads that differ from the approved JSON");
            }
        }
    }

    /** The tree with every encrypted personal value replaced by the text {@code "<encrypted>"}. */
    private static com.fasterxml.jackson.databind.JsonNode encryptedValuesMasked(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject() && "AES-256-GCM".equals(node.path("encryption").asText(null))) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf("<encrypted>");
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), encryptedValuesMasked(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(encryptedValuesMasked(element)));
            return copy;
        }
        return node;
    }
}
