package org.engagementledger.audit;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.integrity.LedgerVerifier;
import org.engagementledger.integrity.StoredEvent;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Replays a whole store in one streaming pass, as an auditor does: every stored row is read once
 * (read-only, grouped by engagement, in sequence order), its hash and link verified from the raw bytes,
 * its payload upcast and deserialized, and each engagement folded into its {@link EngagementState}
 * as soon as its last event has been read.
 *
 * <p>Memory holds one engagement's events at a time (plus the digests' heads), so a store of any size
 * replays in a small heap. Rows of other aggregate types are verified but not folded.
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

    private final List<StoredEvent> current = new ArrayList<>();
    private final Map<String, String> currentRevisions = new HashMap<>();
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
        VerificationReport report = LedgerVerifier.verify(dataSource, request, replay::accept);
        replay.fold();
        return new Result(report, replay.engagements, replay.events);
    }

    private void accept(StoredEvent event) {
        events++;
        if (!ENGAGEMENT_TYPE.equals(event.type())) {
            return;
        }
        if (!current.isEmpty() && !current.get(0).aggregateIdentifier().equals(event.aggregateIdentifier())) {
            fold();
        }
        current.add(event);
    }

    private void fold() {
        if (current.isEmpty()) {
            return;
        }
        EngagementHistory history = current.stream().allMatch(this::isCurrentRevision)
                ? EngagementHistory.ofEvents(current.stream().map(this::audited).toList())
                : EngagementHistory.of(EventStreamUtils.upcastAndDeserializeDomainEvents(
                        current.stream().map(StoreReplay::entry), serializer, upcaster));
        current.clear();
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
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(),
                row.payloadRevision()));
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

    private static GenericDomainEventEntry<byte[]> entry(StoredEvent event) {
        return new GenericDomainEventEntry<>(event.type(), event.aggregateIdentifier(), event.sequenceNumber(), event.eventIdentifier(),
                event.timeStamp(), event.payloadType(), event.payloadRevision(), event.payload(), event.metaData());
    }
}
