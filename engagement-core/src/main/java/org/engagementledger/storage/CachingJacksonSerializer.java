package org.engagementledger.storage;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Axon's {@link JacksonSerializer}, writing and reading exactly the same JSON, with what it looks up on every call
 * kept instead: the class of each stored type name (Axon asks the class loader every time), one reader per class
 * (Axon builds one per deserialization), one writer (Axon builds one per serialization) and each class's
 * serialized type with its {@code @Revision} (Axon reads the annotation per serialization). Every event a read
 * model projects is two deserializations (payload and metadata), every command one serialization.
 *
 * <p>Like any Jackson reader or writer, the cached ones see the mapper as it was when they were made: configure the
 * mapper before the serializer is used, as Jackson requires anyway. Unknown type names are not cached, so a class
 * that appears later (an upgraded host) is still found.
 */
final class CachingJacksonSerializer extends JacksonSerializer {

    private final ConcurrentMap<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, SerializedType> types = new ConcurrentHashMap<>();
    private final ObjectWriter writer;

    CachingJacksonSerializer(JacksonSerializer.Builder builder) {
        super(builder);
        this.writer = super.getWriter(); // after the constructor has registered Axon's modules
    }

    @Override
    protected ObjectWriter getWriter() {
        return writer;
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        if (resolved != UnknownSerializedType.class && resolved != Void.class) {
            classes.put(type.getName(), resolved);
        }
        return resolved;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type == null) {
            return super.typeForClass(null);
        }
        return types.computeIfAbsent(type, super::typeForClass);
    }
}
