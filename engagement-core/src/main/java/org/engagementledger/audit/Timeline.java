package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.EngagementEvent;

import java.time.Instant;
import java.util.List;

/**
 * An engagement's full history in order, one entry per stored event: what happened, when, and who
 * did it. Serializes with the ledger's JSON mapper ({@code LedgerJson}); {@code data} is the stored
 * event itself, in its stored JSON form.
 */
public record Timeline(EngagementId engagementId, List<Entry> entries) {

    public Timeline {
        entries = List.copyOf(entries);
    }

    /**
     * One event of the timeline.
     *
     * @param actor     who caused it, or {@code null} when the stored metadata names no actor
     * @param eventType the event type's simple name, e.g. {@code TimeLogged}
     * @param summary   one line of plain language ({@link EventSummaries})
     * @param data      the event as stored
     */
    public record Entry(long sequence, Instant timestamp, Actor actor, String eventType, String summary, EngagementEvent data) {

        /** One line of text: {@code #12 2026-02-03T09:00:00Z lead-consultant (CONSULTANT, org) TimeLogged: Logged ...}. */
        public String toText() {
            return "#" + sequence + " " + timestamp + " " + (actor == null ? "(no actor recorded)" : actor) + " " + eventType + ": " + summary;
        }
    }

    /** The timeline of stored Axon messages of one engagement (e.g. {@code eventStore.readEvents(id, 0L)}). */
    public static Timeline of(List<? extends DomainEventMessage<?>> messages) {
        return of(EngagementHistory.of(messages));
    }

    public static Timeline of(EngagementHistory history) {
        return new Timeline(history.engagementId(), history.events().stream().map(Timeline::entry).toList());
    }

    private static Entry entry(AuditedEvent event) {
        return new Entry(event.sequence(), event.timestamp(), event.actor(), event.eventType(),
                EventSummaries.summarize(event.event()), event.event());
    }
}
