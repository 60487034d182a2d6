package org.engagementledger.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.EngagementEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jackson side of crypto-shredding: every {@code String} record component marked
 * {@link PersonalData} is written as an {@link EncryptedValue} under its subject's key, and read back as
 * the plaintext, or as {@link PersonalData#REPLACEMENT} when the key is gone or does not fit. Installed
 * only in the mappers of the ledger's Axon serializers (events, snapshots), so the hash chain, which
 * hashes the stored bytes, covers the ciphertext, and erasing a key changes no stored byte.
 *
 * <p>Writing refuses (with a {@link JsonMappingException}, so nothing is stored) a marked value whose
 * subject component is {@code null}, and a marking that does not name a {@link DataSubjectId} component of
 * the same record or sits on a non-{@code String}: personal data is never written readable by mistake.
 * Reading accepts a plain string in a marked place (a value stored before it was marked) and returns it
 * as stored. A key store that cannot be reached fails the read ({@link PersonalDataKeysException}) rather
 * than being taken for an erasure.
 */
public final class PersonalDataModule extends SimpleModule {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataModule.class);

    private final transient PersonalDataKeys keys;
    private final transient PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataKeys keys, PersonalDataCipher cipher) {
        super(PersonalDataModule.class.getName());
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    public Object getTypeId() {
        return PersonalDataModule.class.getName();
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector());
    }

    private final class Introspector extends NopAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Object findSerializer(Annotated annotated) {
            PersonalData marked = annotated.getAnnotation(PersonalData.class);
            return marked == null ? null : new Encrypting(marked.subject(), null);
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            PersonalData marked = annotated.getAnnotation(PersonalData.class);
            return marked == null ? null : new Decrypting(null);
        }
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private static final Map<String, Method> SUBJECT_ACCESSORS = new ConcurrentHashMap<>();

    private final class Encrypting extends StdSerializer<String> implements ContextualSerializer {
        private static final long serialVersionUID = 1L;
        private final String subjectComponent;
        private final String property;

        Encrypting(String subjectComponent, String property) {
            super(String.class);
            this.subjectComponent = subjectComponent;
            this.property = property;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty beanProperty) throws JsonMappingException {
            if (beanProperty == null) {
                return this;
            }
            if (beanProperty.getType().getRawClass() != String.class) {
                return provider.reportBadDefinition(beanProperty.getType(), "@PersonalData marks only String components, not "
                        + beanProperty.getName() + " of type " + beanProperty.getType());
            }
            return new Encrypting(subjectComponent, beanProperty.getName());
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            Object owner = generator.currentValue();
            DataSubjectId subject = subjectOf(owner, generator);
            if (subject == null) {
                throw JsonMappingException.from(generator, "personal data in " + property + " of " + typeName(owner)
                        + " names no data subject (" + subjectComponent + " is null): refusing to store it unencrypted");
            }
            EncryptedValue encrypted = cipher.encrypt(keys.keyForWriting(subject, engagementOf(generator)), value);
            generator.writeStartObject();
            generator.writeStringField(EncryptedValue.ENCRYPTION, PersonalDataCipher.ALGORITHM);
            generator.writeStringField(EncryptedValue.KEY_ID, encrypted.keyId().toString());
            generator.writeStringField(EncryptedValue.IV, encrypted.ivBase64());
            generator.writeStringField(EncryptedValue.CIPHERTEXT, encrypted.ciphertextBase64());
            generator.writeEndObject();
        }

        private DataSubjectId subjectOf(Object owner, JsonGenerator generator) throws IOException {
            Method accessor = owner == null ? null : SUBJECT_ACCESSORS.computeIfAbsent(owner.getClass().getName() + "#" + subjectComponent,
                    key -> subjectAccessor(owner.getClass(), subjectComponent));
            if (accessor == null) {
                throw InvalidDefinitionException.from(generator, "@PersonalData(subject = \"" + subjectComponent + "\") on "
                        + property + " of " + typeName(owner) + " names no DataSubjectId component of that record", (com.fasterxml.jackson.databind.JavaType) null);
            }
            try {
                return (DataSubjectId) accessor.invoke(owner);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw JsonMappingException.from(generator, "cannot read " + subjectComponent + " of " + typeName(owner), e);
            }
        }
    }

    private static Method subjectAccessor(Class<?> type, String component) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent candidate : type.getRecordComponents()) {
            if (candidate.getName().equals(component) && candidate.getType() == DataSubjectId.class) {
                Method accessor = candidate.getAccessor();
                accessor.setAccessible(true);
                return accessor;
            }
        }
        return null;
    }

    /** The engagement of the event being written, found up the chain of objects being written; null outside an event. */
    private static EngagementId engagementOf(JsonGenerator generator) {
        for (JsonStreamContext context = generator.getOutputContext(); context != null; context = context.getParent()) {
            if (context.getCurrentValue() instanceof EngagementEvent event) {
                return event.engagementId();
            }
        }
        return null;
    }

    private static String typeName(Object owner) {
        return owner == null ? "(unknown)" : owner.getClass().getSimpleName();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private final class Decrypting extends StdDeserializer<String> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final String property;

        Decrypting(String property) {
            super(String.class);
            this.property = property;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty beanProperty) throws JsonMappingException {
            if (beanProperty != null && beanProperty.getType().getRawClass() != String.class) {
                return context.reportBadDefinition(beanProperty.getType(), "@PersonalData marks only String components, not "
                        + beanProperty.getName() + " of type " + beanProperty.getType());
            }
            return new Decrypting(beanProperty == null ? null : beanProperty.getName());
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return parser.getText(); // stored before this field was encrypted: read as stored
            }
            if (token == JsonToken.START_OBJECT) {
                JsonNode node = context.readTree(parser);
                return reveal(node);
            }
            parser.skipChildren();
            LOG.warn("personal value in {} is neither encrypted nor text ({}); reading it as the replacement", property, token);
            return PersonalData.REPLACEMENT;
        }

        private String reveal(JsonNode node) {
            Optional<EncryptedValue> stored = EncryptedValue.fromJson(node);
            if (stored.isEmpty()) {
                LOG.warn("personal value in {} is not in the ledger's encrypted form; reading it as the replacement", property);
                return PersonalData.REPLACEMENT;
            }
            EncryptedValue value = stored.get();
            return keys.keyForReading(value.keyId())
                    .map(key -> cipher.decrypt(value, key).orElseGet(() -> {
                        LOG.warn("personal value in {} does not decrypt under key {} (wrong key or damaged value); reading it as the replacement",
                                property, value.keyId());
                        return PersonalData.REPLACEMENT;
                    }))
                    .orElse(PersonalData.REPLACEMENT); // the key was destroyed: the subject was erased
        }
    }
}
