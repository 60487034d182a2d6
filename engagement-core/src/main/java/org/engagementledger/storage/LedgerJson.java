package org.engagementledger.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.engagementledger.api.Identifier;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one JSON form of the ledger's messages, snapshots and exports. Its rules are part of the stored
 * format, pinned by approval tests:
 * <ul>
 *   <li>ids ({@link Identifier}) are bare strings: {@code "engagementId":"ENG-1"};</li>
 *   <li>{@link BigDecimal} (amounts, hours) are strings, so that no reader turns them into doubles;</li>
 *   <li>dates and instants are ISO-8601 text; currencies are ISO 4217 codes;</li>
 *   <li>only record components are written, in declaration order ({@code isX()} helpers are not
 *       properties); {@code null} properties are written as {@code null}.</li>
 * </ul>
 * Unknown properties are ignored when reading, so that a newer writer's optional field does not break
 * an older reader (incompatible changes go through a revision and an upcaster instead).
 */
public final class LedgerJson {

    private LedgerJson() {
    }

    /** A new, fully configured mapper. Mappers are thread-safe: create one and share it. */
    public static ObjectMapper newObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(identifierModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                // Only record components are stored: helpers such as Money.isPositive() must never become fields.
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    private static SimpleModule identifierModule() {
        SimpleModule module = new SimpleModule("engagement-ledger-identifiers") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new IdentifierDeserializers());
                context.addKeyDeserializers(new IdentifierKeyDeserializers());
            }
        };
        module.addSerializer(Identifier.class, new IdentifierSerializer());
        module.addKeySerializer(Identifier.class, new IdentifierKeySerializer());
        return module;
    }

    private static final Map<Class<?>, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();

    private static Identifier create(Class<?> type, String value) {
        MethodHandle constructor = CONSTRUCTORS.computeIfAbsent(type, t -> {
            try {
                return MethodHandles.publicLookup().findConstructor(t, MethodType.methodType(void.class, String.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(t.getName() + " needs a public (String) constructor", e);
            }
        });
        try {
            return (Identifier) constructor.invoke(value);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class IdentifierSerializer extends StdSerializer<Identifier> {
        IdentifierSerializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.value());
        }
    }

    private static final class IdentifierKeySerializer extends StdSerializer<Identifier> {
        IdentifierKeySerializer() {
            super(Identifier.class);
        }

        @Override
        public void serialize(Identifier value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeFieldName(value.value());
        }
    }

    private static final class IdentifierDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!Identifier.class.isAssignableFrom(raw) || raw.isInterface()) {
                return null;
            }
            return new JsonDeserializer<Identifier>() {
                @Override
                public Identifier deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    String text = parser.getValueAsString();
                    if (text == null) {
                        return (Identifier) context.handleUnexpectedToken(raw, parser);
                    }
                    try {
                        return create(raw, text);
                    } catch (IllegalArgumentException e) {
                        return (Identifier) context.handleWeirdStringValue(raw, text, e.getMessage());
                    }
                }
            };
        }
    }

    private static final class IdentifierKeyDeserializers implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!Identifier.class.isAssignableFrom(raw) || raw.isInterface()) {
                return null;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext context) {
                    return create(raw, key);
                }
            };
        }
    }

    /** Exposed for hosts that build their own mapper: the module that writes ids as strings. */
    public static SimpleModule identifiers() {
        return identifierModule();
    }
}
