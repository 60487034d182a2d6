package org.engagementledger.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** The canonical record of an event (see the class comment); what {@link #hash} hashes after the tag. */
    public static String record(StoredEvent event, String metadataSha256, String previousHash) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("formatVersion", FORMAT_VERSION);
        record.put("aggregateType", event.type());
        record.put("aggregateId", event.aggregateIdentifier());
        record.put("sequence", Long.toString(event.sequenceNumber()));
        record.put("eventId", event.eventIdentifier());
        record.put("timestamp", event.timeStamp());
        record.put("payloadType", event.payloadType());
        record.put("payloadRevision", event.payloadRevision());
        record.put("payloadSha256", Hashing.sha256Hex(event.payload()));
        record.put("metadataSha256", metadataSha256);
        record.put("previousHash", previousHash);
        return CanonicalJson.flatObject(record);
    }

    /** {@code hash_n} of an event whose metadata digest is already known. */
    public static String hash(StoredEvent event, String metadataSha256, String previousHash) {
        return Hashing.taggedSha256Hex(TAG, record(event, metadataSha256, previousHash).getBytes(StandardCharsets.UTF_8));
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
     * {@code hash_n} of an event about to be stored whose metadata, without chain keys, holds only string
     * values, given as that map: its canonical JSON is written directly rather than parsed from the
     * serialized bytes. Equal to {@link #hash(StoredEvent, String)} when {@code event.metaData()} is the
     * JSON of {@code stringMetadata}.
     */
    public static String hashUnchained(StoredEvent event, Map<String, String> stringMetadata, String previousHash) {
        return hash(event, Hashing.sha256Hex(CanonicalJson.flatObject(stringMetadata).getBytes(StandardCharsets.UTF_8)), previousHash);
    }

    /**
     * SHA-256 (hex) of the canonical JSON of a metadata object without the chain keys.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON object (duplicate keys included)
     */
    public static String metadataSha256(byte[] metadataJson) {
        ObjectNode metadata = parseMetadata(metadataJson);
        metadata.remove(CHAIN_KEYS);
        return canonicalDigest(metadata);
    }

    /** The chain values in stored metadata. */
    public static ChainLinks chainLinks(byte[] metadataJson) {
        return links(parseMetadata(metadataJson));
    }

    /** Reads an event's chain values and recomputes its hash from the stored columns, parsing the metadata once. */
    public static Inspection inspect(StoredEvent event) {
        if (event.metaData() == null) {
            return new Inspection(new ChainLinks(null, null, null), null, "the event has no metadata, so no chain values");
        }
        ObjectNode metadata;
        try {
            metadata = parseMetadata(event.metaData());
        } catch (IllegalArgumentException e) {
            return new Inspection(new ChainLinks(null, null, null), null, e.getMessage());
        }
        ChainLinks links = links(metadata);
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
        metadata.remove(CHAIN_KEYS);
        String metadataSha256;
        try {
            metadataSha256 = canonicalDigest(metadata);
        } catch (IllegalArgumentException e) {
            return new Inspection(links, null, e.getMessage());
        }
        return new Inspection(links, hash(event, metadataSha256, links.previous()), null);
    }

    private static ChainLinks links(ObjectNode metadata) {
        return new ChainLinks(text(metadata, CHAIN_VERSION), text(metadata, CHAIN_PREV), text(metadata, CHAIN_HASH));
    }

    private static String text(ObjectNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
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

    private static String canonicalDigest(ObjectNode metadata) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : metadata.properties()) {
            if (!member.getValue().isTextual()) {
                strings = null;
                break;
            }
            strings.put(member.getKey(), member.getValue().textValue());
        }
        if (strings != null) { // the ledger's own metadata: strings only, written canonically without a second parse
            return Hashing.sha256Hex(CanonicalJson.flatObject(strings).getBytes(StandardCharsets.UTF_8));
        }
        String json;
        try {
            json = IntegrityJson.MAPPER.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the metadata as JSON", e);
        }
        return Hashing.sha256Hex(CanonicalJson.canonicalize(json).getBytes(StandardCharsets.UTF_8));
    }
}
