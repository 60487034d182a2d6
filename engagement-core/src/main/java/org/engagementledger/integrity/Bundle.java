package org.engagementledger.integrity;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An export bundle: everything needed to verify engagements offline, with no database, in one JSON
 * file. Events are the raw rows (every column of {@code DomainEventEntry}); payload and metadata are
 * the stored bytes, written as text when they are valid UTF-8 (they are JSON in this ledger) and as
 * base64 otherwise, so that the verifier hashes exactly the stored bytes either way.
 *
 * <pre>
 * {
 *   "format": "engagement-ledger-bundle", "formatVersion": "1",
 *   "exportedAt": "2026-05-01T10:00:00.000Z",
 *   "engagementId": "ENG-2026-001",          (null: the whole store)
 *   "publicKey": "MCowBQYDK2VwAyEA...",        (base64 X.509 of the digests' key, or null)
 *   "digests": [ { digest, as in a digest file } ],
 *   "events": [ { "globalIndex": "1", "aggregateIdentifier": "ENG-2026-001", "sequenceNumber": "0",
 *                 "type": "Engagement", "eventIdentifier": "...", "timeStamp": "...",
 *                 "payloadType": "...", "payloadRevision": "1",
 *                 "payloadEncoding": "utf-8", "payload": "{...}",
 *                 "metaDataEncoding": "utf-8", "metaData": "{...}" } ]
 * }
 * </pre>
 * Numbers are strings, as everywhere in the integrity format. A bundle's public key is only a
 * convenience: an auditor checks digests with a key obtained independently (see {@link BundleVerifier}).
 *
 * @param engagementId the engagement exported, or {@code null} for the whole store
 * @param publicKey    base64 X.509 encoding of the key that signed the digests, or {@code null}
 * @param digests      digests, oldest first
 * @param events       the events, in store order
 */
public record Bundle(String exportedAt, String engagementId, String publicKey, List<Digest> digests, List<StoredEvent> events) {

    public static final String FORMAT = "engagement-ledger-bundle";
    public static final String FORMAT_VERSION = "1";
    static final String UTF8 = "utf-8";
    static final String BASE64 = "base64";

    public Bundle {
        digests = List.copyOf(digests);
        events = List.copyOf(events);
    }

    public static Bundle read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromNode(IntegrityJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IntegrityException("cannot read bundle " + file + ": " + e.getMessage(), e);
        }
    }

    public static Bundle fromJson(String json) {
        try {
            return fromNode(IntegrityJson.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new IntegrityException("not a bundle: " + e.getMessage(), e);
        }
    }

    /** Writes the bundle to a new file. */
    public void write(Path file) {
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW);
             Writer writer = new Writer(out, exportedAt, engagementId, publicKey, digests)) {
            for (StoredEvent event : events) {
                writer.write(event);
            }
        } catch (IOException e) {
            throw new IntegrityException("cannot write bundle " + file + ": " + e.getMessage(), e);
        }
    }

    private static Bundle fromNode(JsonNode node) {
        if (!(node instanceof ObjectNode root) || !FORMAT.equals(text(node, "format"))) {
            throw new IntegrityException("not an engagement ledger bundle (format must be '" + FORMAT + "')");
        }
        if (!FORMAT_VERSION.equals(text(root, "formatVersion"))) {
            throw new IntegrityException("unsupported bundle format version '" + text(root, "formatVersion") + "'");
        }
        List<Digest> digests = new ArrayList<>();
        for (JsonNode digest : array(root, "digests")) {
            digests.add(Digest.fromNode(digest));
        }
        List<StoredEvent> events = new ArrayList<>();
        for (JsonNode event : array(root, "events")) {
            events.add(event(event));
        }
        return new Bundle(text(root, "exportedAt"), text(root, "engagementId"), text(root, "publicKey"), digests, events);
    }

    private static StoredEvent event(JsonNode node) {
        String globalIndex = text(node, "globalIndex");
        String sequence = text(node, "sequenceNumber");
        if (sequence == null) {
            throw new IntegrityException("not a bundle: an event has no sequenceNumber");
        }
        try {
            return new StoredEvent(globalIndex == null ? null : Long.valueOf(globalIndex), text(node, "aggregateIdentifier"),
                    Long.parseLong(sequence), text(node, "type"), text(node, "eventIdentifier"), text(node, "timeStamp"),
                    text(node, "payloadType"), text(node, "payloadRevision"),
                    bytes(node, "payload"), bytes(node, "metaData"));
        } catch (NumberFormatException e) {
            throw new IntegrityException("not a bundle: a sequence number or global index is not a number", e);
        }
    }

    private static byte[] bytes(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        String encoding = text(node, field + "Encoding");
        if (UTF8.equals(encoding)) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        if (BASE64.equals(encoding)) {
            try {
                return Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IntegrityException("not a bundle: " + field + " is not valid base64", e);
            }
        }
        throw new IntegrityException("not a bundle: unknown " + field + "Encoding '" + encoding + "'");
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!(value instanceof ArrayNode array)) {
            throw new IntegrityException("not a bundle: '" + field + "' is not an array");
        }
        return array;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IntegrityException("not a bundle: '" + field + "' is not a string");
        }
        return value.textValue();
    }

    /** Writes a bundle incrementally: the header, then one event at a time (the export streams rows through it). */
    static final class Writer implements Closeable {
        private final JsonGenerator json;

        Writer(OutputStream out, String exportedAt, String engagementId, String publicKey, List<Digest> digests) throws IOException {
            json = IntegrityJson.PRETTY.createGenerator(out, JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("formatVersion", FORMAT_VERSION);
            json.writeStringField("exportedAt", exportedAt);
            json.writeStringField("engagementId", engagementId);
            json.writeStringField("publicKey", publicKey);
            json.writeArrayFieldStart("digests");
            for (Digest digest : digests) {
                json.writeObject(digest.toMap(true));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("events");
        }

        void write(StoredEvent event) throws IOException {
            json.writeStartObject();
            json.writeStringField("globalIndex", event.globalIndex() == null ? null : event.globalIndex().toString());
            json.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
            json.writeStringField("sequenceNumber", Long.toString(event.sequenceNumber()));
            json.writeStringField("type", event.type());
            json.writeStringField("eventIdentifier", event.eventIdentifier());
            json.writeStringField("timeStamp", event.timeStamp());
            json.writeStringField("payloadType", event.payloadType());
            json.writeStringField("payloadRevision", event.payloadRevision());
            writeBytes("payload", event.payload());
            writeBytes("metaData", event.metaData());
            json.writeEndObject();
        }

        private void writeBytes(String field, byte[] bytes) throws IOException {
            if (bytes == null) {
                json.writeNullField(field + "Encoding");
                json.writeNullField(field);
                return;
            }
            String text = exactUtf8(bytes);
            json.writeStringField(field + "Encoding", text == null ? BASE64 : UTF8);
            json.writeStringField(field, text == null ? Base64.getEncoder().encodeToString(bytes) : text);
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
        }

        /** The bytes as text when they are valid UTF-8 that encodes back to exactly the same bytes, else {@code null}. */
        private static String exactUtf8(byte[] bytes) {
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                String text = chars.toString();
                return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes) ? text : null;
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }
}
