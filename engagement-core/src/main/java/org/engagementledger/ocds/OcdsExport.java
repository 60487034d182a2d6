package org.engagementledger.ocds;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.audit.EngagementHistory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Publishes an engagement's stored history as Open Contracting Data Standard 1.1 data: a release
 * package (one release per meaningful change) or a record package (one record with those releases and
 * their compiled release). Reads nothing but the history, e.g.
 * {@code ledger.auditHistory(id)} or {@code EngagementHistory.of(eventStore.readEvents(id, 0L))}.
 *
 * <pre>{@code
 * OcdsExport export = new OcdsExport(OcdsOptions.defaults().withPublisherName("Municipality of Northvale"));
 * try (OutputStream out = Files.newOutputStream(file)) {
 *     export.write(ledger.auditHistory(id), OcdsFormat.RELEASE_PACKAGE, out);
 * }
 * }</pre>
 *
 * <p>Deterministic: the same history and options give the same bytes (ids come from sequence numbers,
 * dates from event timestamps, {@code publishedDate} from the latest release unless set). Amounts are
 * JSON numbers written from the ledger's exact decimals, never through a {@code double}. Thread-safe.
 * The mapping, the ocid and id rules and the {@value OcdsExtension#FIELD} extension are documented in
 * {@code docs/ocds.md}.
 */
public final class OcdsExport {

    /** The OCDS schema version the packages declare. */
    public static final String OCDS_VERSION = "1.1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final OcdsOptions options;

    public OcdsExport(OcdsOptions options) {
        this.options = Objects.requireNonNull(options, "options must not be null");
    }

    /** An export with {@link OcdsOptions#defaults()}. */
    public static OcdsExport withDefaults() {
        return new OcdsExport(OcdsOptions.defaults());
    }

    public OcdsOptions options() {
        return options;
    }

    /**
     * The ocid of the engagement: its procurement reference when one was recorded, else the options'
     * prefix, a hyphen and the engagement id.
     *
     * @throws IllegalArgumentException when the history does not open with the commissioning event
     */
    public String ocid(EngagementHistory history) {
        return OcdsReleases.ocid(options, OcdsReleases.commissioning(history));
    }

    /**
     * The releases of the engagement, oldest first: one per event except auditors' notes, with id
     * {@code <ocid>-<sequence>}.
     *
     * @throws IllegalArgumentException when the history is empty or does not open with the commissioning event
     */
    public List<ObjectNode> releases(EngagementHistory history) {
        return new OcdsReleases(options, history).releases();
    }

    /** The release package of the engagement. */
    public ObjectNode releasePackage(EngagementHistory history) {
        List<ObjectNode> releases = releases(history);
        String ocid = releases.get(0).get("ocid").asText();
        ObjectNode pack = packageHeader(releasePackageUri(ocid), releases, history);
        ArrayNode array = pack.putArray("releases");
        releases.forEach(array::add);
        return pack;
    }

    /**
     * The record package of the engagement: one record with its {@code ocid}, its releases (embedded, or
     * linked into the release package when {@link OcdsOptions#embedReleases()} is false) and the
     * {@code compiledRelease} ({@link OcdsMerge}).
     */
    public ObjectNode recordPackage(EngagementHistory history) {
        List<ObjectNode> releases = releases(history);
        String ocid = releases.get(0).get("ocid").asText();
        URI releasePackage = releasePackageUri(ocid);
        ObjectNode pack = packageHeader(recordPackageUri(ocid), releases, history);
        pack.putArray("packages").add(releasePackage.toString());
        ObjectNode record = pack.putArray("records").addObject();
        record.put("ocid", ocid);
        ArrayNode array = record.putArray("releases");
        for (ObjectNode release : releases) {
            if (options.embedReleases()) {
                array.add(release);
            } else {
                ObjectNode link = array.addObject();
                link.put("url", releasePackage + "#" + release.get("id").asText());
                link.set("date", release.get("date"));
                link.set("tag", release.get("tag"));
            }
        }
        record.set("compiledRelease", OcdsMerge.compile(releases));
        return pack;
    }

    /** The package of the given format. */
    public ObjectNode export(EngagementHistory history, OcdsFormat format) {
        return switch (format) {
            case RELEASE_PACKAGE -> releasePackage(history);
            case RECORD_PACKAGE -> recordPackage(history);
        };
    }

    /** Writes the package of the given format as indented UTF-8 JSON; the stream is left open. */
    public void write(EngagementHistory history, OcdsFormat format, OutputStream out) {
        write(export(history, format), out);
    }

    /** Writes OCDS JSON as indented UTF-8, amounts as exact decimal numbers; the stream is left open. */
    public static void write(JsonNode json, OutputStream out) {
        try {
            MAPPER.writeValue(out, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OCDS JSON as indented text, amounts as exact decimal numbers. */
    public static String toJson(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads OCDS JSON with every number as an exact decimal, e.g. to inspect or validate a written package. */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code uri} of the engagement's release package. */
    public URI releasePackageUri(String ocid) {
        return packageUri(ocid, "release-package");
    }

    /** The {@code uri} of the engagement's record package. */
    public URI recordPackageUri(String ocid) {
        return packageUri(ocid, "record-package");
    }

    private URI packageUri(String ocid, String kind) {
        if (options.packageBaseUri() == null) {
            return URI.create("urn:engagement-ledger:ocds:" + ocid + ":" + kind);
        }
        return options.packageBaseUri().resolve(ocid + "-" + kind + ".json");
    }

    private ObjectNode packageHeader(URI uri, List<ObjectNode> releases, EngagementHistory history) {
        EngagementCommissioned commissioned = OcdsReleases.commissioning(history);
        ObjectNode pack = JsonNodeFactory.instance.objectNode();
        pack.put("uri", uri.toString());
        pack.put("version", OCDS_VERSION);
        if (options.extensionUrl() != null) {
            pack.putArray("extensions").add(options.extensionUrl().toString());
        }
        pack.put("publishedDate", options.publishedDate() != null
                ? OcdsDates.instant(options.publishedDate())
                : releases.get(releases.size() - 1).get("date").asText());
        pack.putObject("publisher").put("name", options.publisherName() != null
                ? options.publisherName() : commissioned.buyer().name());
        return pack;
    }
}
