package org.engagementledger.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.engagementledger.engagement.EngagementFixtures;
import org.engagementledger.storage.LedgerSerializers;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pins the chain hash of a fixed event so that anyone can recompute it independently. The fixture event:
 * <pre>
 * aggregateIdentifier  ENG-2026-001            type       Engagement
 * sequenceNumber       1                       timeStamp  2026-01-15T09:30:00.000Z
 * eventIdentifier      7c0e5b1e-2f4a-4d38-9a6e-0d2b8f1c3a51
 * payloadType          org.engagementledger.api.engagement.EngagementActivated, revision 1
 * payload (bytes)      {"engagementId":"ENG-2026-001","contractSigned":"2026-01-15"}
 * metadata             {"actorId":"procurement-lead","actorRole":"AGENCY_BUYER","actorOrganisation":"municipality-northvale"}
 *                      plus the chain keys, which are not hashed
 * previous hash        0123456789abcdef repeated four times
 * </pre>
 * Its record (RFC 8785 canonical JSON, one line):
 * <pre>
 * {"aggregateId":"ENG-2026-001","aggregateType":"Engagement","eventId":"7c0e5b1e-2f4a-4d38-9a6e-0d2b8f1c3a51",
 * "formatVersion":"1","metadataSha256":"eec35d52fd36e5d56f515c8d56c299fc4ffce314430c32817081db33de52771f",
 * "payloadRevision":"1","payloadSha256":"9c10773c7de3bc7a3a7ba00d984e2bff30696fd0788c9b738db22b30efcd976f",
 * "payloadType":"org.engagementledger.api.engagement.EngagementActivated",
 * "previousHash":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","sequence":"1",
 * "timestamp":"2026-01-15T09:30:00.000Z"}
 * </pre>
 * Recompute with {@code printf 'engagement-ledger/event/v1\0%s' "$RECORD" | sha256sum}, or in Python:
 * {@code hashlib.sha256(b"engagement-ledger/event/v1\0" + json.dumps(record, sort_keys=True,
 * separators=(",", ":")).encode()).hexdigest()} (equal to JCS for these plain ASCII strings).
 */
class EventHasherTest {

    static final String EVENT_ID = "7c0e5b1e-2f4a-4d38-9a6e-0d2b8f1c3a51";
    static final String PAYLOAD = "{\"engagementId\":\"ENG-2026-001\",\"contractSigned\":\"2026-01-15\"}";
    static final String PREVIOUS = "0123456789abcdef".repeat(4);
    static final String RECORD = "{\"aggregateId\":\"ENG-2026-001\",\"aggregateType\":\"Engagement\","
            + "\"eventId\":\"7c0e5b1e-2f4a-4d38-9a6e-0d2b8f1c3a51\",\"formatVersion\":\"1\","
            + "\"metadataSha256\":\"eec35d52fd36e5d56f515c8d56c299fc4ffce314430c32817081db33de52771f\","
            + "\"payloadRevision\":\"1\",\"payloadSha256\":\"9c10773c7de3bc7a3a7ba00d984e2bff30696fd0788c9b738db22b30efcd976f\","
            + "\"payloadType\":\"org.engagementledger.api.engagement.EngagementActivated\","
            + "\"previousHash\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\"sequence\":\"1\","
            + "\"timestamp\":\"2026-01-15T09:30:00.000Z\"}";
    static final String EXPECTED_HASH = "00cb83801a5a6c0c140e97c62ccae67ff81e2442c13dcf6ce12c68c5990793fe";
    /** The same event at sequence 0 (previous hash: 64 zeros), as the chained engine writes it. */
    static final String EXPECTED_HASH_AT_ZERO = "a28786e5865bbd4cd86b333f7fbdda4b4ba88ceea55f28c85e8f00f62198a6bc";

    static StoredEvent fixture(String metadata) {
        return new StoredEvent(null, "ENG-2026-001", 1, "Engagement", EVENT_ID, "2026-01-15T09:30:00.000Z",
                "org.engagementledger.api.engagement.EngagementActivated", "1", PAYLOAD.getBytes(StandardCharsets.UTF_8),
                metadata.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFixtureEventHasItsDocumentedRecordAndHash() {
        StoredEvent event = fixture("{\"actorId\":\"procurement-lead\",\"actorRole\":\"AGENCY_BUYER\","
                + "\"actorOrganisation\":\"municipality-northvale\"}");
        String metadataSha256 = EventHasher.metadataSha256(event.metaData());

        assertEquals(RECORD, EventHasher.record(event, metadataSha256, PREVIOUS));
        assertEquals(EXPECTED_HASH, EventHasher.hash(event, PREVIOUS));
    }

    @Test
    void metadataIsHashedCanonicallyWithoutTheChainKeys() {
        StoredEvent plain = fixture("{\"actorId\":\"procurement-lead\",\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"municipality-northvale\"}");
        StoredEvent reorderedWithChainKeys = fixture("{ \"chainHash\": \"" + EXPECTED_HASH + "\", \"actorOrganisation\": \"municipality-northvale\",\n"
                + " \"actorRole\": \"AGENCY_BUYER\", \"chainVersion\": \"1\", \"chainPrev\": \"" + PREVIOUS + "\", \"actorId\": \"procurement-lead\" }");

        assertEquals(EventHasher.hash(plain, PREVIOUS), EventHasher.hash(reorderedWithChainKeys, PREVIOUS));
        EventHasher.Inspection inspection = EventHasher.inspect(reorderedWithChainKeys);
        assertNull(inspection.problem());
        assertEquals(EXPECTED_HASH, inspection.recomputedHash());
        assertEquals(new EventHasher.ChainLinks("1", PREVIOUS, EXPECTED_HASH), inspection.links());
    }

    @Test
    void everyHashedColumnChangesTheHash() {
        StoredEvent event = fixture("{\"actorId\":\"procurement-lead\"}");
        String hash = EventHasher.hash(event, PREVIOUS);
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        payload[20] ^= 1;
        assertNotEquals(hash, EventHasher.hash(event.withPayload(payload), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(event.withMetaData("{\"actorId\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8)), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(new StoredEvent(null, "ENG-2026-001", 2, "Engagement", EVENT_ID, event.timeStamp(),
                event.payloadType(), "1", event.payload(), event.metaData()), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(new StoredEvent(null, "ENG-2026-001", 1, "Engagement", EVENT_ID, "2026-01-15T09:30:00.001Z",
                event.payloadType(), "1", event.payload(), event.metaData()), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(new StoredEvent(null, "ENG-2026-001", 1, "Engagement", EVENT_ID, event.timeStamp(),
                event.payloadType(), "2", event.payload(), event.metaData()), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(new StoredEvent(null, "ENG-2026-001", 1, null, EVENT_ID, event.timeStamp(),
                event.payloadType(), "1", event.payload(), event.metaData()), PREVIOUS));
        assertNotEquals(hash, EventHasher.hash(event, Hashing.ZERO_HASH));
        // the global index is assigned by the database and is not hashed
        assertEquals(hash, EventHasher.hash(new StoredEvent(42L, "ENG-2026-001", 1, "Engagement", EVENT_ID, event.timeStamp(),
                event.payloadType(), "1", event.payload(), event.metaData()), PREVIOUS));
    }

    @Test
    void theRecordIsTheCanonicalJsonOfItsElevenMembersWhateverTheColumnsHold() {
        Random random = new Random(2026);
        String[] alphabet = {"a", "Z", "0", "-", ":", "\"", "\\", "\n", "\u0000", "\u007f", "\u00e9", "\u20ac", "\ud83d\ude00", "\ud800"};
        for (int round = 0; round < 1_000; round++) {
            StoredEvent event = new StoredEvent(null, text(random, alphabet), random.nextInt(1_000), random.nextBoolean() ? null : text(random, alphabet),
                    text(random, alphabet), text(random, alphabet), text(random, alphabet), random.nextBoolean() ? null : text(random, alphabet),
                    text(random, alphabet).getBytes(StandardCharsets.UTF_8), null);
            String metadataSha256 = Hashing.sha256Hex(text(random, alphabet).getBytes(StandardCharsets.UTF_8));
            Map<String, String> members = new LinkedHashMap<>();
            members.put("formatVersion", "1");
            members.put("aggregateType", event.type());
            members.put("aggregateId", event.aggregateIdentifier());
            members.put("sequence", Long.toString(event.sequenceNumber()));
            members.put("eventId", event.eventIdentifier());
            members.put("timestamp", event.timeStamp());
            members.put("payloadType", event.payloadType());
            members.put("payloadRevision", event.payloadRevision());
            members.put("payloadSha256", Hashing.sha256Hex(event.payload()));
            members.put("metadataSha256", metadataSha256);
            members.put("previousHash", PREVIOUS);

            String expected = CanonicalJson.canonicalizeValue(members);
            assertEquals(expected, EventHasher.record(event, metadataSha256, PREVIOUS), () -> "record of " + escaped(expected));
        }
    }

    @Test
    void storedMetadataOfAnyShapeIsReadAsTheStrictJsonParserReadsIt() throws Exception {
        String chain = "\"chainVersion\":\"1\",\"chainPrev\":\"" + PREVIOUS + "\",\"chainHash\":\"" + EXPECTED_HASH + "\"";
        List<String> shapes = List.of(
                "{\"actorId\":\"procurement-lead\"," + chain + "}",
                "{ \"actorId\" : \"procurement-lead\" ,\n " + chain + " }",
                "{\"actorId\":\"caf\\u00e9 \\\"quoted\\\" \\n\\t\\ud83d\\ude00\"," + chain + "}",
                "{\"count\":3,\"actorId\":\"procurement-lead\"," + chain + "}",
                "{\"nested\":{\"b\":\"1\",\"a\":[1,2.50,null,true]},\"actorId\":\"x\"," + chain + "}",
                "{\"actorId\":null," + chain + "}",
                "{\"actorId\":\"a\",\"actorId\":\"b\"," + chain + "}",
                "{\"actorId\":\"a\"," + chain + "} trailing",
                "{\"actorId\":\"a\"," + chain + "}{}",
                "{\"actorId\":\"a\"," + chain,
                "[\"actorId\"]",
                "\"actorId\"",
                "{\"chainVersion\":1,\"chainPrev\":\"" + PREVIOUS + "\",\"chainHash\":\"" + EXPECTED_HASH + "\"}",
                "{\"actorId\":\"a\",\"chainVersion\":\"1\",\"chainPrev\":\"" + PREVIOUS + "\"}",
                "{}",
                "");
        for (String metadata : shapes) {
            assertReadAsTheStrictParserReadsIt(metadata);
        }
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    /** Chain values, members, metadata digest and hash of this metadata are what the strict JSON parser's reading gives. */
    private static void assertReadAsTheStrictParserReadsIt(String metadata) throws Exception {
        StoredEvent event = fixture(metadata);
        EventHasher.Inspection inspection = EventHasher.inspect(event);
        JsonNode tree;
        try {
            tree = IntegrityJson.MAPPER.readTree(event.metaData());
        } catch (Exception e) {
            tree = null;
        }
        if (!(tree instanceof ObjectNode object)) {
            assertNotNull(inspection.problem(), () -> "not one JSON object, yet hashed: " + metadata);
            return;
        }
        EventHasher.ChainLinks links = new EventHasher.ChainLinks(textOrNull(object, "chainVersion"), textOrNull(object, "chainPrev"),
                textOrNull(object, "chainHash"));
        assertEquals(links, inspection.links(), metadata);
        assertEquals(links, EventHasher.chainLinks(event.metaData()), metadata);
        object.remove(EventHasher.CHAIN_KEYS);
        Map<String, String> members = EventHasher.writerFormMembers(event.metaData());
        if (members != null) {
            assertEquals(IntegrityJson.MAPPER.convertValue(object, Map.class), members, metadata);
        }
        String expected = Hashing.sha256Hex(CanonicalJson.canonicalize(IntegrityJson.MAPPER.writeValueAsString(object))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, EventHasher.metadataSha256(event.metaData()), metadata);
        if (links.complete() && "1".equals(links.version()) && Hashing.isSha256Hex(links.previous())) {
            assertNull(inspection.problem(), metadata);
            assertEquals(EventHasher.hash(event, expected, links.previous()), inspection.recomputedHash(), metadata);
        } else {
            assertNotNull(inspection.problem(), metadata);
        }
    }

    private static String textOrNull(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String text(Random random, String[] alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    @Test
    void metadataWithDuplicateKeysCannotBeHashed() {
        StoredEvent event = fixture("{\"actorId\":\"procurement-lead\",\"actorId\":\"someone-else\",\"chainVersion\":\"1\","
                + "\"chainPrev\":\"" + PREVIOUS + "\",\"chainHash\":\"" + EXPECTED_HASH + "\"}");
        assertNotNull(EventHasher.inspect(event).problem());
    }

    @Test
    void theChainedEngineWritesTheDocumentedHashForTheFixtureEvent() {
        Serializer serializer = LedgerSerializers.jackson();
        InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
        ChainedEventStorageEngine engine = ChainedEventStorageEngine.wrap(store, serializer);
        Map<String, String> actor = Map.of("actorId", "procurement-lead", "actorRole", "AGENCY_BUYER",
                "actorOrganisation", "municipality-northvale");

        engine.appendEvents(new GenericDomainEventMessage<>("Engagement", "ENG-2026-001", 0, EngagementFixtures.activated(),
                actor, EVENT_ID, Instant.parse("2026-01-15T09:30:00Z")));

        DomainEventMessage<?> stored = store.readEvents("ENG-2026-001").next();
        assertEquals(PAYLOAD, new String(stored.serializePayload(serializer, byte[].class).getData(), StandardCharsets.UTF_8));
        assertEquals(EXPECTED_HASH_AT_ZERO, stored.getMetaData().get(EventHasher.CHAIN_HASH));
        assertEquals(Hashing.ZERO_HASH, stored.getMetaData().get(EventHasher.CHAIN_PREV));
        assertEquals("1", stored.getMetaData().get(EventHasher.CHAIN_VERSION));
        assertEquals("procurement-lead", stored.getMetaData().get("actorId"));
    }

    @Test
    void theWritersShortcutForUnchainedMetadataGivesTheVerifiersHash() {
        for (String metadata : new String[] {"{}", "{\"actorId\":\"procurement-lead\",\"traceId\":\"t-1\"}",
                "{\"note\":\"caf\u00e9 \\\"quoted\\\" \\n\",\"amount\":1.50,\"nested\":{\"b\":1,\"a\":[true,null]}}"}) {
            StoredEvent event = fixture(metadata);
            assertEquals(EventHasher.hash(event, PREVIOUS), EventHasher.hashUnchained(event, PREVIOUS), metadata);
        }
    }

    @Test
    void theChainedEngineStoresTheHashedMetadataWithTheChainMembersAppended() {
        Serializer serializer = LedgerSerializers.jackson();
        Map<String, String> actor = Map.of("actorId", "procurement-lead", "actorRole", "AGENCY_BUYER");
        List<byte[]> written = new ArrayList<>();
        EventStorageEngine recorder = (EventStorageEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventStorageEngine.class}, (proxy, method, args) -> {
                    if (method.getName().equals("appendEvents") && args[0] instanceof List<?> events) {
                        events.forEach(event -> written.add(((EventMessage<?>) event).serializeMetaData(serializer, byte[].class).getData()));
                    }
                    return null;
                });
        ChainedEventStorageEngine.wrap(recorder, serializer).appendEvents(new GenericDomainEventMessage<>("Engagement", "ENG-2026-001", 0, EngagementFixtures.activated(),
                actor, EVENT_ID, Instant.parse("2026-01-15T09:30:00Z")));

        MetaData stored = serializer.deserialize(new SimpleSerializedObject<>(written.get(0), byte[].class,
                serializer.typeForClass(MetaData.class)));
        assertEquals("procurement-lead", stored.get("actorId"));
        assertEquals("AGENCY_BUYER", stored.get("actorRole"));
        assertEquals(Hashing.ZERO_HASH, stored.get(EventHasher.CHAIN_PREV));
        assertEquals("1", stored.get(EventHasher.CHAIN_VERSION));
        StoredEvent row = new StoredEvent(null, "ENG-2026-001", 0, "Engagement", EVENT_ID, "2026-01-15T09:30:00.000Z",
                "org.engagementledger.api.engagement.EngagementActivated", "1", PAYLOAD.getBytes(StandardCharsets.UTF_8), written.get(0));
        EventHasher.Inspection inspection = EventHasher.inspect(row);
        assertNull(inspection.problem());
        assertEquals(inspection.links().hash(), inspection.recomputedHash());
        // string-only metadata is stored in the canonical form it was hashed in, the chain members after it
        assertEquals("{\"actorId\":\"procurement-lead\",\"actorRole\":\"AGENCY_BUYER\",\"chainVersion\":\"1\",\"chainPrev\":\""
                + Hashing.ZERO_HASH + "\",\"chainHash\":\"" + inspection.recomputedHash() + "\"}", new String(written.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void metadataInTheWritersFormIsReadAsTheStrictJsonParserReadsIt() throws Exception {
        // the writer's form is read without a parser; near misses must fall back and agree with the general reading
        String chain = "\"chainVersion\":\"1\",\"chainPrev\":\"" + PREVIOUS + "\",\"chainHash\":\"" + EXPECTED_HASH + "\"}";
        List<String> shapes = List.of(
                "{" + chain,
                "{\"actorId\":\"procurement-lead\"," + chain,
                "{\"actorId\":\"procurement-lead\",\"actorOrganisation\":\"municipality-northvale\",\"actorRole\":\"AGENCY_BUYER\"," + chain,
                "{\"actorRole\":\"AGENCY_BUYER\",\"actorId\":\"procurement-lead\"," + chain,
                "{\"actorId\":\"a\",\"actorId\":\"b\"," + chain,
                "{\"actorId\":\"a\",\"chainHash\":\"b\"," + chain,
                "{\"actorId\":\"caf\u00e9\"," + chain,
                "{\"actorId\":\"a\\u0041\"," + chain,
                "{\"actorId\":\"a\\\"b\"," + chain,
                "{\"actorId\":\"a\"" + chain,
                "{\"actorId\":\"a\",," + chain,
                "{\"actorId\":1," + chain,
                "{\"actorId\":\"a\", " + chain,
                "{ \"actorId\":\"a\"," + chain,
                "{\"actorId\":\"a\"," + chain.replace(PREVIOUS, PREVIOUS.toUpperCase(java.util.Locale.ROOT)),
                "{\"actorId\":\"a\"," + chain.replace("\"1\"", "\"2\""),
                "{\"actorId\":\"a\"," + chain + " ",
                "{\"\":\"\",\"a\":\"\"," + chain);
        for (String canonical : shapes.subList(0, 3)) {
            assertNotNull(EventHasher.writerFormMembers(fixture(canonical).metaData()), canonical);
        }
        for (String metadata : shapes) {
            assertReadAsTheStrictParserReadsIt(metadata);
        }
    }
}
