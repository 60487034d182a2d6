package org.engagementledger.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.storage.SampleEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.engagementledger.audit.AuditScenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline: order, actors, event types and one-line summaries. */
class TimelineTest {

    @Test
    void timelineListsEveryEventInSequenceOrderWhateverTheInputOrder() {
        List<DomainEventMessage<?>> shuffled = new ArrayList<>(realistic().messages());
        Collections.reverse(shuffled);

        Timeline timeline = Timeline.of(shuffled);

        assertEquals(REALISTIC, timeline.engagementId());
        assertEquals(30, timeline.entries().size());
        for (int i = 0; i < 30; i++) {
            assertEquals(i, timeline.entries().get(i).sequence());
        }
        assertEquals(at("2026-01-05T09:00:00Z"), timeline.entries().get(0).timestamp());
        assertEquals(at("2026-07-15T09:00:00Z"), timeline.entries().get(29).timestamp());
    }

    @Test
    void eachEntryNamesTheActorWithRoleAndOrganisation() {
        Timeline timeline = Timeline.of(realistic().messages());

        Timeline.Entry commissioning = timeline.entries().get(0);
        assertEquals("procurement-lead", commissioning.actor().id());
        assertEquals(Role.AGENCY_BUYER, commissioning.actor().role());
        assertEquals("municipality-northvale", commissioning.actor().organisation());
        Timeline.Entry time = timeline.entries().get(7);
        assertEquals(CONSULTANT, time.actor());
        assertEquals(AUDITOR, timeline.entries().get(29).actor());
    }

    @Test
    void eachEntryCarriesTheEventTypeAndTheStoredEventAsItsData() {
        List<DomainEventMessage<?>> messages = realistic().messages();
        Timeline.Entry entry = Timeline.of(messages).entries().get(7);

        assertEquals("TimeLogged", entry.eventType());
        assertSame(messages.get(7).getPayload(), entry.data());
    }

    @Test
    void timeIsSummarisedWithHoursCategoryPersonRateAndAmount() {
        Timeline.Entry entry = Timeline.of(realistic().messages()).entries().get(7);

        assertEquals("Logged 7.50 h of DELIVERY by Senior consultant A at 150.00 EUR/h = 1125.00 EUR (2026-02-03, REQ-1)", entry.summary());
        assertEquals("#7 2026-02-03T17:00:00Z lead-consultant (CONSULTANT, brightpath-consulting) TimeLogged: " + entry.summary(), entry.toText());
    }

    @Test
    void summariesStateWhatHappenedInPlainLanguage() {
        Map<Long, String> summaries = Timeline.of(realistic().messages()).entries().stream()
                .collect(Collectors.toMap(Timeline.Entry::sequence, Timeline.Entry::summary));

        assertEquals("Commissioned 'Redesign youth job matching' from BrightPath Consulting for Municipality of Northvale (Employment Services):"
                + " ceiling 100000.00 EUR, period 2026-01-01..2026-12-31, reason SPECIALISED_SKILLS,"
                + " in-house alternative estimated at 140000.00 EUR", summaries.get(0L));
        assertEquals("Added requirement REQ-2 (v1, stated by FRONTLINE_STAFF, 1 acceptance criterion):"
                + " Caseworkers learn of new matching vacancies within a day", summaries.get(2L));
        assertEquals("Activated: contract signed on 2026-01-15", summaries.get(5L));
        assertEquals("Revised requirement REQ-1 to v2 (3 acceptance criteria): Caseworkers see a ranked list of reachable matching vacancies;"
                + " reason: Frontline staff reported that travel time is ignored", summaries.get(11L));
        assertEquals("Registered invoice INV-1 of 1600.00 EUR issued 2026-03-10 for REQ-1 (backed by an accepted deliverable)", summaries.get(16L));
        assertEquals("Amended ceiling (amendment-1) from 100000.00 EUR to 110000.00 EUR (+10000.00 EUR) at the request of"
                + " Head of Employment Services: Second pilot office added at the board's request", summaries.get(18L));
        assertEquals("Milestone MS-1 MET on 2026-06-20: Ten days early", summaries.get(26L));
        assertEquals("Completed: final cost 2745.00 EUR; 1 of 1 capability targets met; agency can continue alone: yes", summaries.get(28L));
    }

    @Test
    void anInvoiceWithoutAcceptedDeliverableSaysSoInItsSummary() {
        Timeline.Entry entry = Timeline.of(troubled().messages()).entries().get(7);

        assertEquals("Registered invoice INV-7 of 6000.00 EUR issued 2026-02-28 for REQ-A (NOT backed by an accepted deliverable)", entry.summary());
    }

    @Test
    void longFreeTextIsFoldedOntoOneShortenedLine() {
        String note = "First line\nsecond line " + "x".repeat(200);
        Timeline.Entry entry = Timeline.of(minimal(REALISTIC, SUPPLIER)
                .add(2, "2026-02-01T09:00:00Z", AUDITOR, new org.engagementledger.api.engagement.AuditorNoteAdded(REALISTIC, note))
                .messages()).entries().get(2);

        assertTrue(entry.summary().startsWith("Auditor's note: First line second line xxx"), entry.summary());
        assertEquals("Auditor's note: ".length() + EventSummaries.MAX_TEXT, entry.summary().length());
        assertTrue(entry.summary().endsWith("…"));
    }

    @Test
    void anEventStoredWithoutActorAppearsWithoutOne() {
        Timeline.Entry entry = Timeline.of(minimal(REALISTIC, SUPPLIER)
                .addWithMetaData("2026-02-01T09:00:00Z", Map.of("actorId", "someone"),
                        time(REALISTIC, "cost-1", "2026-02-01", "1.00", "100.00", "100.00",
                                org.engagementledger.api.engagement.CostCategory.DELIVERY, null))
                .messages()).entries().get(2);

        assertNull(entry.actor());
        assertTrue(entry.toText().contains("(no actor recorded) TimeLogged"));
    }

    @Test
    void everyEventTypeHasASummaryAndIsFoldedAndHasItsAllowedRoles() {
        Set<Class<?>> permitted = Set.of(EngagementEvent.class.getPermittedSubclasses());
        Set<Class<?>> sampled = SampleEvents.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(permitted, sampled, "SampleEvents.all() must hold every event type");

        for (EngagementEvent event : SampleEvents.all()) {
            String summary = EventSummaries.summarize(event);
            assertTrue(!summary.isBlank() && !summary.contains("\n"), event.getClass().getSimpleName());
        }
        assertEquals(permitted, EngagementFold.ALLOWED_ROLES.keySet());

        List<DomainEventMessage<?>> messages = new ArrayList<>();
        List<EngagementEvent> all = SampleEvents.all();
        for (int i = 0; i < all.size(); i++) {
            messages.add(message(SampleEvents.ENGAGEMENT, i, "2026-01-01T00:00:00Z", Map.of(), all.get(i)));
        }
        EngagementState state = EngagementState.of(EngagementHistory.of(messages));
        assertEquals(all.size(), state.cut().eventCount());
    }

    @Test
    void eventsOfAnotherEngagementAreRefused() {
        List<DomainEventMessage<?>> mixed = new ArrayList<>(realistic().messages());
        mixed.addAll(troubled().messages());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Timeline.of(mixed));
        assertTrue(refused.getMessage().contains("belongs to engagement ENG-2026-020, not to ENG-2026-010"), refused.getMessage());
    }

    @Test
    void anEmptyHistoryIsAnUnknownEngagement() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Timeline.of(List.of()));
        assertEquals("no events: the engagement is unknown", refused.getMessage());
    }

    @Test
    void summariesNeverFailOnMissingValues() {
        TimeLogged empty = new TimeLogged(REALISTIC, null, null, null, null, null, null, null, null, null, null);
        assertTrue(EventSummaries.summarize(empty).startsWith("Logged - h of "));
    }
}
