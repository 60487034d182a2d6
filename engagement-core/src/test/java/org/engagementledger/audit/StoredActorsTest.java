package org.engagementledger.audit;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.engagementledger.api.Actor;
import org.engagementledger.engagement.EngagementFixtures;
import org.engagementledger.storage.LedgerSerializers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The actor scan of stored metadata gives what reading the deserialized message gives, odd metadata included. */
class StoredActorsTest {

    private static final Serializer SERIALIZER = LedgerSerializers.jackson();
    private static final String ZEROS = "0000000000000000000000000000000000000000000000000000000000000000";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"actorId\":\"procurement-lead\",\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"municipality-northvale\"}",
            "{\"traceId\":\"t\",\"nested\":{\"actorId\":\"x\"},\"list\":[1,{\"a\":2}],\"actorId\":\"a\",\"actorRole\":\"AUDITOR\",\"actorOrganisation\":\"o\"}",
            "{\"actorId\":\"procurement-lead\",\"actorRole\":\"AGENCY_BUYER\"}",
            "{\"actorId\":\"procurement-lead\",\"actorRole\":\"MAYOR\",\"actorOrganisation\":\"municipality-northvale\"}",
            "{\"actorId\":42,\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"municipality-northvale\"}",
            "{\"actorId\":null,\"actorRole\":\"AGENCY_BUYER\",\"actorOrganisation\":\"municipality-northvale\"}",
            "{\"actorId\":\"a\",\"actorId\":\"b\",\"actorRole\":\"CONSULTANT\",\"actorOrganisation\":\"brightpath\"}",
            "{}",
            // the writer's canonical form, chain members appended: read without a parser
            "{\"actorId\":\"lead-consultant\",\"actorOrganisation\":\"brightpath-consulting\",\"actorRole\":\"CONSULTANT\","
                    + "\"chainVersion\":\"1\",\"chainPrev\":\"" + ZEROS + "\",\"chainHash\":\"" + ZEROS + "\"}",
            "{\"actorId\":\"lead-consultant\",\"actorRole\":\"CONSULTANT\","
                    + "\"chainVersion\":\"1\",\"chainPrev\":\"" + ZEROS + "\",\"chainHash\":\"" + ZEROS + "\"}",
            "{\"actorId\":\"a\",\"actorOrganisation\":\"o\",\"actorRole\":\"MAYOR\","
                    + "\"chainVersion\":\"1\",\"chainPrev\":\"" + ZEROS + "\",\"chainHash\":\"" + ZEROS + "\"}",
            "{\"chainVersion\":\"1\",\"chainPrev\":\"" + ZEROS + "\",\"chainHash\":\"" + ZEROS + "\"}"})
    void theScannedActorIsTheActorOfTheDeserializedMessage(String metaData) {
        assertEquals(viaAxon(metaData), StoredActors.read(metaData.getBytes(StandardCharsets.UTF_8)), metaData);
    }

    private static Actor viaAxon(String metaData) {
        byte[] payload = SERIALIZER.serialize(EngagementFixtures.activated(), byte[].class).getData();
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Engagement", EngagementFixtures.ENGAGEMENT.value(), 1,
                "event-1", "2026-01-15T09:30:00.000Z", EngagementFixtures.activated().getClass().getName(), "1", payload,
                metaData.getBytes(StandardCharsets.UTF_8));
        return AuditedEvent.of(EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row), SERIALIZER, NoOpEventUpcaster.INSTANCE)
                .next()).actor();
    }
}
