package org.engagementledger.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The per-event hash of the chain, format version {@value #FORMAT_VERSION}.
 *
 * <p>For the event at sequence n of an engagement, the <em>record</em> is the RFC 8785 canonical JSON
 * of an object with these members, all strings except the possibly {@code null} ones:
 * <pre>
 * aggregateId      the engagement id (aggregateIdentifier column)
 * aggregateType    the aggregate type ("Engagement"; type column; may be null)
 * eventId          the event id (eventIdentifier column)
 * formatVersion    "1"
 * metadataSha256   SHA-256 (hex) of the RFC 8785 canonical JSON of the stored metadata object
 *                  without the keys chainVersion, chainPrev and chainHash
 * payloadRevision  the payload revision (payloadRevision column; may be null)
 * payloadSha256    SHA-256 (hex) of the stored payload bytes (payload column)
 * payloadType      the payload class name (payloadType column)
 * previousHash     the hash of event n-1 of the same engagement, or 64 zeros for n = 0
 * sequence         n in decimal, as a string
 * timestamp        the timeStamp column text exactly (Axon's DateTimeUtils.formatInstant:
 *                  UTC, three fraction digits, e.g. "2026-01-15T09:30:00.000Z")
 * </pre>
 * and {@code hash_n = lowercase hex(SHA-256(UTF-8("engagement-ledger/event/v1\0") || UTF-8(record)))}.
 * The tag ends with one NUL byte. The event's metadata carries {@value #CHAIN_VERSION} ({@code "1"}),
 * {@value #CHAIN_PREV} (the previous hash) and {@value #CHAIN_HASH} (its own hash).
 *
 * <p>Every column of the row except {@code globalIndex} is covered. The payload is hashed as stored
 * bytes, never re-serialized; metadata is hashed in canonical form because the chain keys live inside
 * it (so whitespace or key order in the stored metadata does not matter, its content does).
 * {@code EventHasherTest} pins the hash of a fixed event so that other implementations can check theirs.
 */
public final class EventHasher {

    public static final String FORMAT_VERSION = "1";
    /** Domain-separation tag, hashed before the record; ends with a NUL byte. */
    public static final String TAG = "engagement-ledger/event/v1\0";
    public static final String CHAIN_VERSION = "chainVersion";
    public static final String CHAIN_PREV = "chainPrev";
    public static final String CHAIN_HASH = "chainHash";
    public static final Set<String> CHAIN_KEYS = Set.of(CHAIN_VERSION, CHAIN_PREV, CHAIN_HASH);

    private EventHasher() {
    }

    /** The chain values an event's stored metadata carries; each {@code null} when absent or not a string. */
    public record ChainLinks(String version, String previous, String hash) {
        public boolean complete() {
            return version != null && previous != null && hash != null;
        }
    }

    /**
     * What the stored metadata says and what the event's hash recomputes to.
     *
     * @param links          the chain values found in the metadata
     * @param recomputedHash the hash recomputed from the row with {@code links.previous()} as previous
     *                       hash, or {@code null} when it cannot be computed ({@code problem} says why)
     * @param problem        why the row cannot be hashed, or {@code null}
     */
    public record Inspection(ChainLinks links, String recomputedHash, String problem) {
    }

    /** The record's member names in RFC 8785 order (UTF-16 code units), which {@link #record} writes in. */
    private static final String[] RECORD_KEYS = {"aggregateId", "aggregateType", "eventId", "formatVersion", "metadataSha256",
            "payloadRevision", "payloadSha256", "payloadType", "previousHash", "sequence", "timestamp"};
    private static final byte[] TAG_BYTES = TAG.getBytes(StandardCharsets.UTF_8);

    /** The canonical record of an event (see the class comment); what {@link #hash} hashes after the tag. */
    public static String record(StoredEvent event, String metadataSha256, String previousHash) {
        String[] values = recordValues(event, metadataSha256, previousHash);
        byte[] direct = directRecord(values);
        return direct != null ? new String(direct, StandardCharsets.UTF_8) : generalRecord(values);
    }

    /** The record as the UTF-8 bytes that are hashed. */
    private static byte[] recordBytes(StoredEvent event, String metadataSha256, String previousHash) {
        String[] values = recordValues(event, metadataSha256, previousHash);
        byte[] direct = directRecord(values);
        return direct != null ? direct : generalRecord(values).getBytes(StandardCharsets.UTF_8);
    }

    private static String[] recordValues(StoredEvent event, String metadataSha256, String previousHash) {
        return new String[] {event.aggregateIdentifier(), event.type(), event.eventIdentifier(), FORMAT_VERSION, metadataSha256,
                event.payloadRevision(), Hashing.sha256Hex(event.payload()), event.payloadType(), previousHash,
                Long.toString(event.sequenceNumber()), event.timeStamp()};
    }

    private static String generalRecord(String[] values) {
        Map<String, String> record = new LinkedHashMap<>();
        for (int k = 0; k < RECORD_KEYS.length; k++) {
            record.put(RECORD_KEYS[k], values[k]);
        }
        return CanonicalJson.flatObject(record);
    }

    /**
     * The record as UTF-8, written member by member in key order, or {@code null} when a value holds a
     * character that JCS escapes (quote, backslash, control character) or a surrogate: such a record goes
     * through the general canonicalizer instead.
     */
    private static byte[] directRecord(String[] values) {
        int capacity = 2 + 24 * RECORD_KEYS.length;
        for (String value : values) {
            capacity += value == null ? 4 : 3 * value.length();
        }
        byte[] json = new byte[capacity];
        int at = 0;
        json[at++] = '{';
        for (int i = 0; i < RECORD_KEYS.length; i++) {
            if (i > 0) {
                json[at++] = ',';
            }
            json[at++] = '"';
            at = writeVerbatim(RECORD_KEYS[i], json, at);
            json[at++] = '"';
            json[at++] = ':';
            String value = values[i];
            if (value == null) {
                json[at++] = 'n';
                json[at++] = 'u';
                json[at++] = 'l';
                json[at++] = 'l';
                continue;
            }
            json[at++] = '"';
            at = writeVerbatim(value, json, at);
            if (at < 0) {
                return null;
            }
            json[at++] = '"';
        }
        json[at++] = '}';
        return Arrays.copyOf(json, at);
    }

    /** Writes {@code text} as UTF-8 at {@code at}; the new position, or -1 when JCS would not write it verbatim. */
    private static int writeVerbatim(String text, byte[] out, int at) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    return -1;
                }
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return at;
    }

    /** {@code hash_n} of an event whose metadata digest is already known. */
    public static String hash(StoredEvent event, String metadataSha256, String previousHash) {
        return Hashing.taggedSha256Hex(TAG_BYTES, recordBytes(event, metadataSha256, previousHash));
    }

    /** {@code hash_n} of a stored event, its metadata digest computed from its stored metadata bytes. */
    public static String hash(StoredEvent event, String previousHash) {
        return hash(event, metadataSha256(event.metaData()), previousHash);
    }

    /**
     * {@code hash_n} of an event about to be stored, whose metadata bytes are known to hold no chain keys
     * yet (the writer's case): the metadata is canonicalized as it is, without first being parsed to
     * remove them. Equal to {@link #hash(StoredEvent, String)} for such an event.
     */
    public static String hashUnchained(StoredEvent event, String previousHash) {
        if (event.metaData() == null) {
            throw new IllegalArgumentException("no metadata");
        }
        return hash(event, Hashing.sha256Hex(CanonicalJson.canonicalize(event.metaData()).getBytes(StandardCharsets.UTF_8)), previousHash);
    }

    /**
     * SHA-256 (hex) of the canonical JSON of a metadata object without the chain keys.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON object (duplicate keys included)
     */
    public static String metadataSha256(byte[] metadataJson) {
        Reading reading = read(metadataJson);
        if (reading.failure() != null) {
            throw reading.failure();
        }
        return reading.metadataSha256();
    }

    /** The chain values in stored metadata. */
    public static ChainLinks chainLinks(byte[] metadataJson) {
        return read(metadataJson).links();
    }

    /** Reads an event's chain values and recomputes its hash from the stored columns, reading the metadata once. */
    public static Inspection inspect(StoredEvent event) {
        if (event.metaData() == null) {
            return new Inspection(new ChainLinks(null, null, null), null, "the event has no metadata, so no chain values");
        }
        Reading reading;
        try {
            reading = read(event.metaData());
        } catch (IllegalArgumentException e) {
            return new Inspection(new ChainLinks(null, null, null), null, e.getMessage());
        }
        ChainLinks links = reading.links();
        if (!links.complete()) {
            return new Inspection(links, null, "the event's metadata lacks the chain values (" + CHAIN_VERSION + ", "
                    + CHAIN_PREV + ", " + CHAIN_HASH + "): it was not written through the hash chain");
        }
        if (!FORMAT_VERSION.equals(links.version())) {
            return new Inspection(links, null, "unknown chain format version '" + links.version() + "'");
        }
        if (!Hashing.isSha256Hex(links.previous())) {
            return new Inspection(links, null, CHAIN_PREV + " is not 64 lowercase hex digits");
        }
        if (reading.failure() != null) {
            return new Inspection(links, null, reading.failure().getMessage());
        }
        return new Inspection(links, hash(event, reading.metadataSha256(), links.previous()), null);
    }

    /**
     * What stored metadata says: its chain values, and the digest of the rest, or why that cannot be computed.
     *
     * @param failure why the digest cannot be computed, or {@code null}
     */
    private record Reading(ChainLinks links, String metadataSha256, IllegalArgumentException failure) {
    }

    /**
     * Reads stored metadata by the cheapest path that applies: the writer's canonical form as bytes, any other
     * flat object of strings with a streaming parser, everything else as a tree; each gives what the tree gives.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON object (duplicate keys included)
     */
    private static Reading read(byte[] metadataJson) {
        Reading writers = writerForm(metadataJson);
        if (writers != null) {
            return writers;
        }
        Map<String, String> strings = flatStrings(metadataJson);
        if (strings != null) {
            ChainLinks links = new ChainLinks(strings.remove(CHAIN_VERSION), strings.remove(CHAIN_PREV), strings.remove(CHAIN_HASH));
            return new Reading(links, Hashing.sha256Hex(CanonicalJson.flatObject(strings).getBytes(StandardCharsets.UTF_8)), null);
        }
        ObjectNode metadata = parseMetadata(metadataJson);
        ChainLinks links = links(metadata);
        metadata.remove(CHAIN_KEYS);
        try {
            return new Reading(links, canonicalDigest(metadata), null);
        } catch (IllegalArgumentException e) {
            return new Reading(links, null, e);
        }
    }

    private static ChainLinks links(ObjectNode metadata) {
        return new ChainLinks(text(metadata, CHAIN_VERSION), text(metadata, CHAIN_PREV), text(metadata, CHAIN_HASH));
    }

    private static String text(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static final byte[] CHAIN_HEAD = ("\"" + CHAIN_VERSION + "\":\"" + FORMAT_VERSION + "\",\"" + CHAIN_PREV + "\":\"")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHAIN_MIDDLE = ("\",\"" + CHAIN_HASH + "\":\"").getBytes(StandardCharsets.US_ASCII);
    private static final int CHAIN_LENGTH = CHAIN_HEAD.length + 64 + CHAIN_MIDDLE.length + 64 + 2;
    private static final byte[][] CHAIN_KEY_BYTES = {CHAIN_VERSION.getBytes(StandardCharsets.US_ASCII),
            CHAIN_PREV.getBytes(StandardCharsets.US_ASCII), CHAIN_HASH.getBytes(StandardCharsets.US_ASCII)};

    /**
     * Reads metadata stored exactly as the ledger's writer stores string-only metadata: the canonical
     * JSON of the hashed object, its members printable ASCII without quotes or backslashes in strictly
     * ascending key order, with the three chain members (lowercase hex hashes) appended in their fixed
     * order. For such bytes the hashed object's canonical form is the bytes before the chain members,
     * closed, so it is digested as it lies; the result equals the general path's. Anything else, legacy
     * rows in other key orders included, gives {@code null} and takes the general path.
     */
    private static Reading writerForm(byte[] json) {
        int membersEnd = writerFormEnd(json, null);
        if (membersEnd < 0) {
            return null;
        }
        int previousAt = json.length - CHAIN_LENGTH + CHAIN_HEAD.length;
        int hashAt = previousAt + 64 + CHAIN_MIDDLE.length;
        ChainLinks links = new ChainLinks(FORMAT_VERSION, new String(json, previousAt, 64, StandardCharsets.US_ASCII),
                new String(json, hashAt, 64, StandardCharsets.US_ASCII));
        return new Reading(links, Hashing.sha256Hex(json, membersEnd, (byte) '}'), null);
    }

    /**
     * The members of stored metadata other than the chain values, when it is in the writer's form (see
     * {@link #writerForm}): read without a JSON parser, for readers that want, say, the actor; {@code null}
     * for metadata in any other form, which such readers parse themselves.
     */
    public static Map<String, String> writerFormMembers(byte[] metaData) {
        Map<String, String> members = new LinkedHashMap<>(8);
        return writerFormEnd(metaData, members) < 0 ? null : members;
    }

    /**
     * Where the hashed members of metadata in the writer's form end (the hashed object is {@code json[0, end)}
     * followed by '}'), collecting them into {@code into} when given; -1 for metadata in any other form.
     */
    private static int writerFormEnd(byte[] json, Map<String, String> into) {
        if (json == null) {
            return -1;
        }
        int length = json.length;
        int chainAt = length - CHAIN_LENGTH;
        if (chainAt < 1 || json[0] != '{' || json[length - 2] != '"' || json[length - 1] != '}' || !startsAt(json, chainAt, CHAIN_HEAD)) {
            return -1;
        }
        int previousAt = chainAt + CHAIN_HEAD.length;
        int middleAt = previousAt + 64;
        int hashAt = middleAt + CHAIN_MIDDLE.length;
        if (!startsAt(json, middleAt, CHAIN_MIDDLE) || !lowercaseHex(json, previousAt) || !lowercaseHex(json, hashAt)) {
            return -1;
        }
        if (chainAt == 1) {
            return 1;
        }
        return chainAt > 2 && json[chainAt - 1] == ',' && canonicalStringMembers(json, 1, chainAt - 1, into) ? chainAt - 1 : -1;
    }

    /** Whether {@code json[from, to)} is {@code "k":"v"} members, comma-separated, plain strings, keys strictly ascending, none a chain key. */
    private static boolean canonicalStringMembers(byte[] json, int from, int to, Map<String, String> into) {
        int at = from;
        int previousKey = -1;
        int previousKeyEnd = -1;
        while (true) {
            int keyStart = at + 1;
            int keyEnd = plainString(json, at, to);
            if (keyEnd < 0 || keyEnd + 1 >= to || json[keyEnd + 1] != ':') {
                return false;
            }
            if (previousKey >= 0 && Arrays.compare(json, previousKey, previousKeyEnd, json, keyStart, keyEnd) >= 0) {
                return false;
            }
            for (byte[] chainKey : CHAIN_KEY_BYTES) {
                if (Arrays.equals(json, keyStart, keyEnd, chainKey, 0, chainKey.length)) {
                    return false;
                }
            }
            previousKey = keyStart;
            previousKeyEnd = keyEnd;
            int valueEnd = plainString(json, keyEnd + 2, to);
            if (valueEnd < 0) {
                return false;
            }
            if (into != null) {
                into.put(new String(json, keyStart, keyEnd - keyStart, StandardCharsets.US_ASCII),
                        new String(json, keyEnd + 3, valueEnd - keyEnd - 3, StandardCharsets.US_ASCII));
            }
            at = valueEnd + 1;
            if (at == to) {
                return true;
            }
            if (json[at] != ',') {
                return false;
            }
            at++;
        }
    }

    /** For a string starting with a quote at {@code at}: the index of its closing quote, or -1 unless every byte between is printable ASCII other than a backslash. */
    private static int plainString(byte[] json, int at, int to) {
        if (at >= to || json[at] != '"') {
            return -1;
        }
        for (int i = at + 1; i < to; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b > 0x7E || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean startsAt(byte[] json, int at, byte[] expected) {
        return Arrays.equals(json, at, at + expected.length, expected, 0, expected.length);
    }

    private static boolean lowercaseHex(byte[] json, int at) {
        for (int i = at; i < at + 64; i++) {
            byte b = json[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The metadata as a map in stored order when it is exactly one JSON object of distinct keys with string
     * values and nothing after it (what the ledger writes), read with a streaming parser instead of a tree;
     * {@code null} for anything else, which then goes through {@link #parseMetadata} and its error messages.
     */
    private static Map<String, String> flatStrings(byte[] metadataJson) {
        if (metadataJson == null) {
            return null;
        }
        Map<String, String> strings = new LinkedHashMap<>(16);
        try (JsonParser parser = IntegrityJson.MAPPER.getFactory().createParser(metadataJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING || strings.put(name, parser.getText()) != null) {
                    return null;
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
            return strings;
        } catch (IOException e) {
            return null; // the tree parser reports it
        }
    }

    private static ObjectNode parseMetadata(byte[] metadataJson) {
        if (metadataJson == null) {
            throw new IllegalArgumentException("no metadata");
        }
        JsonNode node;
        try {
            node = IntegrityJson.MAPPER.readTree(metadataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the metadata is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the metadata is not readable: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the metadata is not a JSON object");
        }
        return object;
    }

    /** The general path, for metadata with values other than strings. */
    private static String canonicalDigest(ObjectNode metadata) {
        String json;
        try {
            json = IntegrityJson.MAPPER.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the metadata as JSON", e);
        }
        return Hashing.sha256Hex(CanonicalJson.canonicalize(json).getBytes(StandardCharsets.UTF_8));
    }
}
