package org.engagementledger.audit;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.integrity.LedgerVerifier;
import org.engagementledger.integrity.StoredEvent;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Replays a whole store in one streaming pass, as an auditor does: every stored row is read once
 * (read-only, grouped by engagement, in sequence order), its hash and link verified from the raw bytes,
 * its payload upcast and deserialized, and each engagement folded into its {@link EngagementState}
 * as soon as its last event has been read.
 *
 * <p>Memory holds one engagement's events at a time (plus the digests' heads), so a store of any size
 * replays in a small heap. Rows of other aggregate types are verified but not folded.
 *
 * <p>Deserializing a row depends on that row alone, so it runs on the verifier's worker threads beside
 * the hash recomputation ({@link LedgerVerifier#verify(DataSource, VerificationRequest, java.util.function.Function,
 * java.util.function.BiConsumer)}); grouping and folding stay on the calling thread, in order. Rows at
 * their class's current revision are read with one cached Jackson reader per class of the serializer's own
 * mapper (what Axon's {@code JacksonSerializer} does per call, minus building the reader each time).
 */
public final class StoreReplay {

    /** The aggregate type the ledger stores engagements under. */
    public static final String ENGAGEMENT_TYPE = "Engagement";

    /**
     * What a replay found.
     *
     * @param verification the chain's findings (none: intact)
     * @param engagements  engagements folded
     * @param events       events read
     */
    public record Result(VerificationReport verification, long engagements, long events) {
    }

    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final Consumer<EngagementState> each;
    private static final String UNKNOWN = "\u0000unknown";

    /** A row read ahead on a worker thread: its audited event, or why it cannot be read directly. */
    private record Decoded(AuditedEvent event, RuntimeException failure) {
        AuditedEvent get() {
            if (failure != null) {
                throw failure;
            }
            return event;
        }
    }

    private final List<StoredEvent> current = new ArrayList<>();
    private final List<Decoded> currentDecoded = new ArrayList<>();
    // shared with the worker threads
    private final Map<String, String> currentRevisions = new ConcurrentHashMap<>();
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();
    private long engagements;
    private long events;

    private StoreReplay(Serializer serializer, EventUpcaster upcaster, Consumer<EngagementState> each) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.upcaster = Objects.requireNonNull(upcaster, "upcaster");
        this.each = Objects.requireNonNull(each, "each");
    }

    /**
     * Replays and verifies the ledger's events in this database.
     *
     * @param serializer the event serializer the ledger stores with
     * @param upcaster   the ledger's upcaster chain (older revisions are read as current ones)
     * @param request    what to verify against (digests, one engagement or all, fetch size)
     * @param each       receives every engagement's final state, one at a time
     */
    public static Result replay(DataSource dataSource, Serializer serializer, EventUpcaster upcaster, VerificationRequest request,
                                Consumer<EngagementState> each) {
        StoreReplay replay = new StoreReplay(serializer, upcaster, each);
        VerificationReport report = LedgerVerifier.verify(dataSource, request, replay::decode, replay::accept);
        replay.fold();
        return new Result(report, replay.engagements, replay.events);
    }

    /** On a worker thread: reads a row at its current revision ahead; {@code null} for rows the fold reads otherwise. */
    private Decoded decode(StoredEvent event) {
        if (!ENGAGEMENT_TYPE.equals(event.type()) || !isCurrentRevision(event)) {
            return null;
        }
        try {
            return new Decoded(audited(event), null);
        } catch (RuntimeException e) {
            return new Decoded(null, e); // thrown when the fold needs it, as reading it then would
        }
    }

    private void accept(StoredEvent event, Decoded decoded) {
        events++;
        if (!ENGAGEMENT_TYPE.equals(event.type())) {
            return;
        }
        if (!current.isEmpty() && !current.get(0).aggregateIdentifier().equals(event.aggregateIdentifier())) {
            fold();
        }
        current.add(event);
        currentDecoded.add(decoded);
    }

    private void fold() {
        if (current.isEmpty()) {
            return;
        }
        EngagementHistory history = currentDecoded.stream().allMatch(Objects::nonNull)
                ? EngagementHistory.ofEvents(currentDecoded.stream().map(Decoded::get).toList())
                : EngagementHistory.of(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        current.stream().map(StoreReplay::entry), serializer, upcaster));
        current.clear();
        currentDecoded.clear();
        each.accept(history.state());
        engagements++;
    }

    /**
     * Whether the row holds its class's current revision, so that no upcaster applies and it can be read
     * directly; an engagement with any older row goes through Axon's upcasting path as a whole.
     */
    private boolean isCurrentRevision(StoredEvent event) {
        String current = currentRevisions.computeIfAbsent(event.payloadType(), this::currentRevision);
        return current != UNKNOWN && Objects.equals(current, event.payloadRevision());
    }

    private String currentRevision(String payloadType) {
        try {
            return serializer.typeForClass(Class.forName(payloadType)).getRevision();
        } catch (ClassNotFoundException e) {
            return UNKNOWN; // let Axon's path report it
        }
    }

    /** A row at its current revision as the audit reads it: the same checks as {@link EngagementHistory#of(List)}. */
    private AuditedEvent audited(StoredEvent row) {
        Object payload = deserialize(row);
        if (!(payload instanceof EngagementEvent event)) {
            throw new IllegalArgumentException("event " + row.sequenceNumber() + " of aggregate " + row.aggregateIdentifier() + " is a "
                    + row.payloadType() + ", not an EngagementEvent");
        }
        if (!event.engagementId().value().equals(row.aggregateIdentifier())) {
            throw new IllegalArgumentException("event " + row.sequenceNumber() + " is stored under aggregate " + row.aggregateIdentifier()
                    + " but its payload names engagement " + event.engagementId());
        }
        return new AuditedEvent(row.sequenceNumber(), StoredTimestamps.parse(row.timeStamp()), StoredActors.read(row.metaData()), event);
    }

    private Object deserialize(StoredEvent row) {
        Optional<ObjectReader> reader = readers.computeIfAbsent(row.payloadType(), this::reader);
        if (reader.isEmpty()) {
            return serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(),
                    row.payloadRevision()));
        }
        try {
            return reader.get().readValue(row.payload());
        } catch (IOException e) {
            throw new SerializationException("Error while deserializing object", e); // as JacksonSerializer reports it
        }
    }

    /** The serializer's own mapper reading this class, or empty when Axon's path must decide (another serializer, unknown class). */
    private Optional<ObjectReader> reader(String payloadType) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            return Optional.empty();
        }
        Class<?> type = jackson.classForType(new SimpleSerializedType(payloadType, null));
        return type == UnknownSerializedType.class || type == Void.class ? Optional.empty()
                : Optional.of(jackson.getObjectMapper().readerFor(type));
    }

    private static GenericDomainEventEntry<byte[]> entry(StoredEvent event) {
        return new GenericDomainEventEntry<>(event.type(), event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(),
                event.timeStamp(), event.payloadType(), event.payloadRevision(), event.payload(), event.metaData());
    }
}
