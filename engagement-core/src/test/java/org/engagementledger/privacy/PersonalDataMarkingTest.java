package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.EngagementEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@link PersonalData} markings of the stored events, checked statically: each sits on text and names a
 * {@link DataSubjectId} component of its own record, and the marked fields are exactly those listed in
 * {@code docs/personal-data.md} (a new marking, or a lost one, must show up in the data protection officer's
 * documentation).
 */
class PersonalDataMarkingTest {

    @Test
    void everyMarkingIsOnTextAndNamesADataSubjectComponentOfItsRecord() {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : recordsReachableFromEvents()) {
            for (RecordComponent component : type.getRecordComponents()) {
                PersonalData marked = component.getAnnotation(PersonalData.class);
                if (marked == null) {
                    continue;
                }
                String at = type.getSimpleName() + "." + component.getName();
                if (component.getType() != String.class) {
                    problems.add(at + " is not a String");
                }
                boolean subjectFound = Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> c.getName().equals(marked.subject()) && c.getType() == DataSubjectId.class);
                if (!subjectFound) {
                    problems.add(at + " names '" + marked.subject() + "', which is no DataSubjectId component of " + type.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMarkedFieldsAreTheOnesTheDocumentationLists() {
        Set<String> marked = new TreeSet<>();
        for (Class<?> type : recordsReachableFromEvents()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    marked.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("FeedbackReceived.observation", "FeedbackReceived.givenByName",
                "FeedbackReceived.givenByContact", "Participant.name", "Participant.contact", "Participant.note")), marked);
    }

    /** Every event record and every record reachable from one through components and list elements. */
    private static Set<Class<?>> recordsReachableFromEvents() {
        Set<Class<?>> found = new HashSet<>();
        List<Class<?>> pending = new ArrayList<>(List.of(EngagementEvent.class.getPermittedSubclasses()));
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (!type.isRecord() || !found.add(type)) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                pending.add(component.getType());
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType parameterized) {
                    for (Type argument : parameterized.getActualTypeArguments()) {
                        if (argument instanceof Class<?> element) {
                            pending.add(element);
                        }
                    }
                }
            }
        }
        return found;
    }
}
