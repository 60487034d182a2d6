package org.engagementledger.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon serializers for the ledger: Jackson with {@link LedgerJson}'s mapper for events, messages and
 * the general serializer (snapshots, tokens). All three must be set: an unset general serializer
 * falls back to XStream. They write exactly what Axon's {@code JacksonSerializer} writes, and keep the
 * lookups it repeats on every call ({@link CachingJacksonSerializer}).
 */
public final class LedgerSerializers {

    private LedgerSerializers() {
    }

    public static JacksonSerializer jackson() {
        return jackson(LedgerJson.newObjectMapper());
    }

    public static JacksonSerializer jackson(ObjectMapper mapper) {
        return new CachingJacksonSerializer(JacksonSerializer.builder().objectMapper(mapper));
    }
}
