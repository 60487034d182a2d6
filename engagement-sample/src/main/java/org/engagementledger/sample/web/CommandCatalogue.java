package org.engagementledger.sample.web;

import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.EngagementCommand;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every engagement command by its URL name: the kebab-case of its record's name ({@code LogTime} is
 * {@code log-time}). Built from the sealed {@link EngagementCommand} itself, so a command added to the API is
 * reachable over HTTP without touching this class.
 */
final class CommandCatalogue {

    /** One command: its URL name, record type and fields (name and type, in the record's order). */
    record Entry(String name, Class<? extends EngagementCommand> type, List<Field> fields) {

        /** The path that takes it: {@code POST /api/engagements} for commissioning, otherwise per engagement. */
        String path() {
            return type == CommissionEngagement.class ? "/api/engagements" : "/api/engagements/{id}/commands/" + name;
        }
    }

    record Field(String name, String type) {
    }

    static final List<Entry> ENTRIES = Arrays.stream(EngagementCommand.class.getPermittedSubclasses())
            .map(CommandCatalogue::entry)
            .sorted(Comparator.comparing(Entry::name))
            .toList();

    private static final Map<String, Entry> BY_NAME = ENTRIES.stream().collect(Collectors.toMap(Entry::name, Function.identity()));

    private CommandCatalogue() {
    }

    static Optional<Entry> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static String names() {
        return ENTRIES.stream().map(Entry::name).collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private static Entry entry(Class<?> type) {
        List<Field> fields = Arrays.stream(type.getRecordComponents())
                .map(c -> new Field(c.getName(), typeName(c)))
                .toList();
        return new Entry(kebab(type.getSimpleName()), (Class<? extends EngagementCommand>) type, fields);
    }

    private static String typeName(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized) {
            return ((Class<?>) parameterized.getRawType()).getSimpleName() + "<" + Arrays.stream(parameterized.getActualTypeArguments())
                    .map(t -> t instanceof Class<?> c ? c.getSimpleName() : t.getTypeName()).collect(Collectors.joining(", ")) + ">";
        }
        return component.getType().getSimpleName();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
