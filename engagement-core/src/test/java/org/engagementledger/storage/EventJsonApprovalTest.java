package org.engagementledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Revision;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.privacy.PinnedEncryption;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pins the stored JSON form of every event type. The approved form of {@code X} is
 * {@code src/test/resources/approved-events/X.json}: {@link LedgerJson#newObjectMapper()} with the personal-data
 * module (as the ledger's serializers store events, personal fields encrypted; keys and IVs pinned by
 * {@link PinnedEncryption} so that the file is reproducible), the default pretty printer, {@code \n} line ends
 * and one trailing newline.
 *
 * <p>When the actual JSON differs from the approved file (or the file is missing) the test fails and writes
 * the actual JSON to {@code target/approval/X.received.json}. Review it; if the change is intended (a new
 * event, or a compatible change), copy it over the approved file. An incompatible change to a stored event
 * needs a new {@code @Revision} and an upcaster instead (see {@code docs/events.md}).
 */
class EventJsonApprovalTest {

    private static final ObjectMapper MAPPER = LedgerJson.newObjectMapper();

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> DATE_FIELDS = Set.of("contractSigned", "date", "issued", "dueDate", "dateMet", "start", "end");
    private static final Set<String> ID_LIST_FIELDS = Set.of("billedRequirements");

    static Stream<Named<EngagementEvent>> events() {
        return SampleEvents.all().stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void jsonMatchesTheApprovedFile(EngagementEvent event) throws IOException {
        String name = event.getClass().getSimpleName();
        String actual = serialize(event);
        Path received = receivedFile(name);
        String approved = readApproved(name);
        if (actual.equals(approved)) {
            Files.deleteIfExists(received);
            return;
        }
        Files.createDirectories(received.getParent());
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        if (approved == null) {
            fail("no approved JSON for " + name + " (expected " + approvedFile(name) + "); the actual JSON was written to "
                    + received + ": review it and copy it to the approved file");
        }
        assertEquals(approved, actual, "the JSON of " + name + " differs from " + approvedFile(name) + "; the actual JSON was written to "
                + received + ": if the change is intended and compatible, review it and copy it over the approved file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void approvedJsonDeserializesToAnEqualEvent(EngagementEvent event) throws IOException {
        String approved = readApproved(event.getClass().getSimpleName());
        assertNotNull(approved, "no approved JSON for " + event.getClass().getSimpleName());
        ObjectMapper mapper = pinnedMapper(event);
        mapper.writeValueAsString(event); // creates the pinned keys the approved file was encrypted with
        assertEquals(event, mapper.readValue(approved, event.getClass()));
    }

    /** Every non-null {@code @PersonalData} value is stored as an encrypted object, and its text appears nowhere in the file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void approvedJsonHoldsPersonalDataOnlyEncrypted(EngagementEvent event) throws IOException {
        String approved = readApproved(event.getClass().getSimpleName());
        assertNotNull(approved, "no approved JSON for " + event.getClass().getSimpleName());
        List<String> problems = new ArrayList<>();
        checkPersonalData(event, MAPPER.readTree(approved), approved, event.getClass().getSimpleName(), problems);
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventCarriesItsCurrentRevision(EngagementEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertNotNull(revision, event.getClass().getSimpleName() + " must be annotated @Revision");
        assertEquals(SampleEvents.revisionOf(event.getClass()), revision.value(), event.getClass().getSimpleName() + " revision");
    }

    /**
     * The conventions of {@link LedgerJson}, checked on the approved files themselves: every record component
     * is present, in declaration order (nulls included); ids are bare strings; amounts, hours and currencies are
     * strings; dates are ISO text; no binary floating-point number appears anywhere.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void approvedJsonFollowsTheLedgerConventions(EngagementEvent event) throws IOException {
        String name = event.getClass().getSimpleName();
        String approved = readApproved(name);
        assertNotNull(approved, "no approved JSON for " + name);
        assertTrue(approved.endsWith("}\n") && !approved.endsWith("\n\n"), name + ": one trailing newline");
        assertTrue(approved.startsWith("{\n  \""), name + ": pretty-printed with the default pretty printer");
        JsonNode tree = MAPPER.readTree(approved);
        List<String> problems = new ArrayList<>();
        checkComponentsInOrder(event.getClass(), tree, name, problems);
        checkConventions(tree, name, problems);
        assertEquals(List.of(), problems, name + " breaks the ledger's JSON conventions");
    }

    /**
     * Money is {@code {"amount":"1250.00","currency":"EUR"}} (see {@link org.engagementledger.api.Money}'s Javadoc):
     * its derived {@code isPositive()}/{@code isNegative()} must not become stored properties.
     */
    @Test
    void moneyIsWrittenAsAmountAndCurrencyOnly() throws IOException {
        assertEquals("{\"amount\":\"1250.00\",\"currency\":\"EUR\"}",
                MAPPER.writeValueAsString(org.engagementledger.api.Money.of("1250", "EUR")));
        assertEquals("{\"amount\":\"-0.50\",\"currency\":\"EUR\"}",
                MAPPER.writeValueAsString(org.engagementledger.api.Money.of("-0.5", "EUR")));
        assertEquals("{\"amount\":\"1500\",\"currency\":\"JPY\"}",
                MAPPER.writeValueAsString(org.engagementledger.api.Money.of("1500", "JPY")));
    }

    @Test
    void moneyIsReadFromAmountAndCurrency() throws IOException {
        assertEquals(org.engagementledger.api.Money.of("1250.00", "EUR"),
                MAPPER.readValue("{\"amount\":\"1250\",\"currency\":\"EUR\"}", org.engagementledger.api.Money.class));
    }

    @Test
    void samplesCoverEveryEventTypeExactlyOnce() {
        List<Class<?>> sampled = SampleEvents.all().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(sampled.size(), Set.copyOf(sampled).size(), "one sample per event type");
        Set<String> permitted = Arrays.stream(EngagementEvent.class.getPermittedSubclasses()).map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = sampled.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(permitted, covered);
        assertEquals(28, sampled.size());
    }

    @Test
    void everyApprovedFileBelongsToAnEventType() throws IOException {
        Path dir = approvedDirectory();
        Set<String> expected = SampleEvents.all().stream().map(e -> e.getClass().getSimpleName() + ".json")
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> stale = new TreeSet<>(present);
            stale.removeAll(expected);
            assertEquals(Set.of(), stale, "approved files without an event type in " + dir);
        }
    }

    @Test
    void samplesUseOneEngagement() {
        SampleEvents.all().forEach(e -> assertEquals(SampleEvents.ENGAGEMENT, e.engagementId(), e.getClass().getSimpleName()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The pinned form: default pretty printer, {@code \n} line ends whatever the platform, one trailing newline. */
    static String serialize(EngagementEvent event) throws IOException {
        String json = pinnedMapper(event).writerWithDefaultPrettyPrinter().writeValueAsString(event);
        return json.replace("\r\n", "\n") + "\n";
    }

    /**
     * The stored form's mapper with reproducible keys and IVs: a fresh one per event, seeded by its type, so that files
     * do not depend on test order.
     */
    static ObjectMapper pinnedMapper(EngagementEvent event) {
        return PinnedEncryption.protection("approved-events/" + event.getClass().getSimpleName()).objectMapper();
    }

    private static void checkPersonalData(Object value, JsonNode node, String file, String path, List<String> problems) {
        if (value == null || !value.getClass().isRecord()) {
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    checkPersonalData(list.get(i), node.get(i), file, path + "[" + i + "]", problems);
                }
            }
            return;
        }
        for (var component : value.getClass().getRecordComponents()) {
            Object child;
            try {
                child = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String at = path + "." + component.getName();
            JsonNode stored = node.get(component.getName());
            if (component.isAnnotationPresent(PersonalData.class) && child != null) {
                if (stored == null || !stored.isObject() || !"AES-256-GCM".equals(stored.path("encryption").asText())) {
                    problems.add(at + " is personal data but is not stored encrypted: " + stored);
                }
                if (file.contains((String) child)) {
                    problems.add(at + " is personal data but its text '" + child + "' appears in the file");
                }
            } else if (stored != null) {
                checkPersonalData(child, stored, file, at, problems);
            }
        }
    }

    /** The approved JSON of an event type, with {@code \n} line ends, or {@code null} when there is none. */
    static String readApproved(String eventName) throws IOException {
        Path file = approvedFile(eventName);
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        URL resource = EventJsonApprovalTest.class.getResource("/approved-events/" + eventName + ".json");
        if (resource == null || Files.isDirectory(moduleDirectory().resolve("src/test/resources"))) {
            // the source tree is authoritative: a file deleted there must not survive as a stale copy in target
            return null;
        }
        try (var in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    static Path approvedDirectory() {
        Path inSources = moduleDirectory().resolve("src/test/resources/approved-events");
        if (Files.isDirectory(inSources)) {
            return inSources;
        }
        URL resource = EventJsonApprovalTest.class.getResource("/approved-events");
        assertNotNull(resource, "no approved-events directory");
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path approvedFile(String eventName) {
        return moduleDirectory().resolve("src/test/resources/approved-events").resolve(eventName + ".json");
    }

    static Path receivedFile(String eventName) {
        return targetDirectory().resolve("approval").resolve(eventName + ".received.json");
    }

    /** {@code target}: the parent of the directory this class was loaded from ({@code target/test-classes}). */
    static Path targetDirectory() {
        try {
            Path classes = Path.of(EventJsonApprovalTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path moduleDirectory() {
        return targetDirectory().getParent();
    }

    private static void checkComponentsInOrder(Class<?> type, JsonNode node, String path, List<String> problems) {
        if (!type.isRecord()) {
            return;
        }
        if (!node.isObject()) {
            problems.add(path + " should be an object, was " + node);
            return;
        }
        List<String> expected = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> actual = new ArrayList<>();
        node.fieldNames().forEachRemaining(actual::add);
        if (!expected.equals(actual)) {
            problems.add(path + " has properties " + actual + ", expected the record components in order " + expected);
        }
        for (var component : type.getRecordComponents()) {
            JsonNode child = node.get(component.getName());
            if (child != null && !child.isNull() && component.getType().isRecord()
                    && !org.engagementledger.api.Identifier.class.isAssignableFrom(component.getType())
                    && component.getType() != org.engagementledger.api.Money.class) {
                checkComponentsInOrder(component.getType(), child, path + "." + component.getName(), problems);
            }
        }
    }

    private static void checkConventions(JsonNode node, String path, List<String> problems) {
        if (node.isFloatingPointNumber()) {
            problems.add(path + " is a binary floating-point number: " + node);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkConventions(node.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1 && node.has("value")) {
            problems.add(path + " looks like a wrapped id: " + node);
        }
        if (node.has("amount") && node.has("currency")) {
            if (node.size() != 2) {
                problems.add(path + " is money and should hold only amount and currency, was " + node);
            }
            JsonNode amount = node.get("amount");
            if (!amount.isTextual() || !DECIMAL.matcher(amount.asText()).matches()) {
                problems.add(path + ".amount should be a decimal string, was " + amount);
            }
            if (!node.get("currency").isTextual() || !CURRENCY.matcher(node.get("currency").asText()).matches()) {
                problems.add(path + ".currency should be an ISO 4217 code, was " + node.get("currency"));
            }
            if ("EUR".equals(node.get("currency").asText()) && !amount.asText().matches("-?\\d+\\.\\d{2}")) {
                problems.add(path + ".amount should have two decimals in EUR, was " + amount);
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = path + "." + name;
            if (!value.isNull()) {
                if ((name.endsWith("Id") || name.equals("linkedRequirement")) && !value.isTextual()) {
                    problems.add(at + " is an id and should be a bare string, was " + value);
                }
                if (ID_LIST_FIELDS.contains(name)) {
                    value.forEach(element -> {
                        if (!element.isTextual()) {
                            problems.add(at + " should hold bare id strings, held " + element);
                        }
                    });
                }
                if (DATE_FIELDS.contains(name) && !(value.isTextual() && ISO_DATE.matcher(value.asText()).matches())) {
                    problems.add(at + " should be an ISO date string, was " + value);
                }
                if (name.equals("hours") && !(value.isTextual() && DECIMAL.matcher(value.asText()).matches())) {
                    problems.add(at + " should be a decimal string, was " + value);
                }
            }
            checkConventions(value, at, problems);
        }
    }
}
