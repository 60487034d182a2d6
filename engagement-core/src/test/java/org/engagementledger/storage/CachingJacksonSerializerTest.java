package org.engagementledger.storage;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.engagementledger.api.engagement.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The ledger's serializer keeps lookups, never changes what is written or read. */
class CachingJacksonSerializerTest {

    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(LedgerJson.newObjectMapper()).build();
    private final JacksonSerializer ledger = LedgerSerializers.jackson();

    @Test
    void everyEventIsWrittenAsAxonsSerializerWritesItAndReadBackEqualTwice() {
        for (EngagementEvent event : SampleEvents.all()) {
            SerializedObject<byte[]> expected = axon.serialize(event, byte[].class);
            for (int pass = 0; pass < 2; pass++) { // the second pass runs on the cached lookups
                SerializedObject<byte[]> actual = ledger.serialize(event, byte[].class);
                assertEquals(expected.getType(), actual.getType(), event.getClass().getSimpleName());
                assertArrayEquals(expected.getData(), actual.getData(), event.getClass().getSimpleName());
                assertEquals(event, ledger.deserialize(actual));
            }
        }
    }

    @Test
    void metadataIsReadAsAxonsSerializerReadsIt() {
        MetaData metaData = MetaData.from(Map.of("actorId", "lead-consultant", "actorRole", "CONSULTANT", "traceId", "t-1"));
        SerializedObject<byte[]> stored = axon.serialize(metaData, byte[].class);
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(axon.<byte[], MetaData>deserialize(stored), ledger.<byte[], MetaData>deserialize(stored));
        }
    }

    @Test
    void anUnknownTypeStaysUnknownAndIsNotRememberedAsAClass() {
        SimpleSerializedType unknown = new SimpleSerializedType("org.example.NotYetDeployedEvent", "1");
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>("{}".getBytes(StandardCharsets.UTF_8), byte[].class, unknown);
        for (int pass = 0; pass < 2; pass++) {
            assertEquals(UnknownSerializedType.class, ledger.classForType(unknown));
            assertInstanceOf(UnknownSerializedType.class, ledger.deserialize(stored));
        }
    }
}
