package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.engagementledger.api.EngagementId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The stored history of one engagement, in sequence order: the only input of the timeline, the
 * point-in-time state and the audit. Nothing here reads a read model or loads the aggregate.
 *
 * <p>Build it from what the event store returns, e.g.
 * {@code EngagementHistory.of(configuration.eventStore().readEvents(id, 0L))} (from sequence 0: the
 * no-argument {@code readEvents(id)} starts at the latest snapshot and would miss the early history).
 *
 * @param engagementId the engagement, also when a cut-off leaves no events
 * @param events       the events, ordered by sequence number
 */
public record EngagementHistory(EngagementId engagementId, List<AuditedEvent> events) {

    public EngagementHistory {
        Objects.requireNonNull(engagementId, "engagementId must not be null");
        events = events.stream().sorted(Comparator.comparingLong(AuditedEvent::sequence)).toList();
        for (AuditedEvent event : events) {
            if (!engagementId.equals(event.event().engagementId())) {
                throw new IllegalArgumentException("event " + event.sequence() + " (" + event.eventType() + ") belongs to engagement "
                        + event.event().engagementId() + ", not to " + engagementId);
            }
        }
    }

    /**
     * The history in the given events.
     *
     * @throws IllegalArgumentException when there are none (the engagement is unknown) or they belong to
     *                                  more than one engagement
     */
    public static EngagementHistory ofEvents(List<AuditedEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events: the engagement is unknown");
        }
        return new EngagementHistory(events.get(0).event().engagementId(), events);
    }

    /**
     * The history in stored Axon messages (all of one engagement).
     *
     * @throws IllegalArgumentException as {@link #ofEvents(List)}, or when a message's aggregate identifier
     *                                  differs from its payload's engagement id
     */
    public static EngagementHistory of(List<? extends DomainEventMessage<?>> messages) {
        return ofEvents(messages.stream().map(EngagementHistory::checked).toList());
    }

    /** The history in an event stream, e.g. {@code eventStore.readEvents(id, 0L)}; the stream is consumed. */
    public static EngagementHistory of(DomainEventStream stream) {
        return of(stream.asStream().toList());
    }

    /** The events recorded at or before {@code instant} (by their timestamps). */
    public EngagementHistory upTo(Instant instant) {
        Objects.requireNonNull(instant, "instant must not be null");
        return new EngagementHistory(engagementId, events.stream().filter(e -> !e.timestamp().isAfter(instant)).toList());
    }

    /** The events with a sequence number of at most {@code sequence}: the history just after that event. */
    public EngagementHistory upToSequence(long sequence) {
        return new EngagementHistory(engagementId, events.stream().filter(e -> e.sequence() <= sequence).toList());
    }

    /** The highest sequence number, or -1 when there are no events. */
    public long lastSequence() {
        return events.isEmpty() ? -1 : events.get(events.size() - 1).sequence();
    }

    public Timeline timeline() {
        return Timeline.of(this);
    }

    /** The state after the whole history, with the default red-flag thresholds. */
    public EngagementState state() {
        return EngagementState.of(this);
    }

    private static AuditedEvent checked(DomainEventMessage<?> message) {
        AuditedEvent event = AuditedEvent.of(message);
        if (!event.event().engagementId().value().equals(message.getAggregateIdentifier())) {
            throw new IllegalArgumentException("event " + message.getSequenceNumber() + " is stored under aggregate "
                    + message.getAggregateIdentifier() + " but its payload names engagement " + event.event().engagementId());
        }
        return event;
    }
}
