package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.engagementledger.api.Actor;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.MissingActorException;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored event as the audit reads it: its sequence number within the engagement, the time it was
 * recorded, the actor named in its metadata and the event itself.
 *
 * @param actor the actor from the event's metadata, or {@code null} when the metadata names none (the
 *              writer always records one; a missing actor is reported as an anomaly, not trusted away)
 */
public record AuditedEvent(long sequence, Instant timestamp, Actor actor, EngagementEvent event) {

    public AuditedEvent {
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(event, "event must not be null");
    }

    /**
     * Reads a stored Axon event message.
     *
     * @throws IllegalArgumentException when the payload is not an {@link EngagementEvent}
     */
    public static AuditedEvent of(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (!(payload instanceof EngagementEvent event)) {
            throw new IllegalArgumentException("event " + message.getSequenceNumber() + " of aggregate "
                    + message.getAggregateIdentifier() + " is a " + message.getPayloadType().getName()
                    + ", not an EngagementEvent");
        }
        return new AuditedEvent(message.getSequenceNumber(), message.getTimestamp(), actorOf(message), event);
    }

    /** The simple name of the event's type, e.g. {@code TimeLogged}. */
    public String eventType() {
        return event.getClass().getSimpleName();
    }

    private static Actor actorOf(DomainEventMessage<?> message) {
        if (!ActorMetaData.isPresent(message.getMetaData())) {
            return null;
        }
        try {
            return ActorMetaData.from(message.getMetaData());
        } catch (MissingActorException e) {
            return null;
        }
    }
}
