package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The OCDS merge rules, one per test, on hand-written releases. */
class OcdsMergeTest {

    @Test
    void theLatestValueOfEachFieldWinsAndEarlierFieldsStay() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("1", "2026-01-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"title\":\"Old\",\"status\":\"planning\"}}"),
                release("2", "2026-02-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"status\":\"complete\"}}")));

        assertEquals(json("{\"id\":\"T\",\"title\":\"Old\",\"status\":\"complete\"}"), compiled.get("tender"));
    }

    @Test
    void releasesAreAppliedInDateOrderWhateverTheirOrderInTheList() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("2", "2026-02-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"status\":\"complete\"}}"),
                release("1", "2026-01-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"status\":\"planning\"}}")));

        assertEquals("complete", compiled.at("/tender/status").asText());
        assertEquals("2026-02-01T00:00:00Z", compiled.get("date").asText());
    }

    @Test
    void arraysOfObjectsMergeByIdAtEveryDepth() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("1", "2026-01-01T00:00:00Z", "{\"contracts\":[{\"id\":\"C\",\"awardID\":\"A\",\"implementation\":"
                        + "{\"milestones\":[{\"id\":\"M1\",\"title\":\"One\",\"status\":\"scheduled\"}]}}]}"),
                release("2", "2026-01-02T00:00:00Z", "{\"contracts\":[{\"id\":\"C\",\"awardID\":\"A\",\"implementation\":"
                        + "{\"milestones\":[{\"id\":\"M2\",\"title\":\"Two\"},{\"id\":\"M1\",\"status\":\"met\"}]}}]}")));

        assertEquals(json("[{\"id\":\"M1\",\"title\":\"One\",\"status\":\"met\"},{\"id\":\"M2\",\"title\":\"Two\"}]"),
                compiled.at("/contracts/0/implementation/milestones"));
        assertEquals(1, compiled.get("contracts").size());
    }

    @Test
    void arraysOfStringsAreReplacedWhole() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("1", "2026-01-01T00:00:00Z", "{\"parties\":[{\"id\":\"B\",\"roles\":[\"buyer\",\"payer\"]}]}"),
                release("2", "2026-01-02T00:00:00Z", "{\"parties\":[{\"id\":\"B\",\"roles\":[\"buyer\"]}]}")));

        assertEquals(json("[\"buyer\"]"), compiled.at("/parties/0/roles"));
    }

    @Test
    void nullRemovesAFieldAndEmptyObjectsOrArraysChangeNothing() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("1", "2026-01-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"title\":\"X\",\"documents\":[{\"id\":\"D\"}]},"
                        + "\"planning\":{\"rationale\":\"Why\"}}"),
                release("2", "2026-01-02T00:00:00Z", "{\"tender\":{\"title\":null,\"documents\":[]},\"planning\":{}}")));

        assertEquals(json("{\"id\":\"T\",\"documents\":[{\"id\":\"D\"}]}"), compiled.get("tender"));
        assertEquals("Why", compiled.at("/planning/rationale").asText());
    }

    @Test
    void objectsWithoutAnIdAreAppended() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("1", "2026-01-01T00:00:00Z", "{\"relatedProcesses\":[{\"title\":\"A\"}]}"),
                release("2", "2026-01-02T00:00:00Z", "{\"relatedProcesses\":[{\"title\":\"B\"}]}")));

        assertEquals(2, compiled.get("relatedProcesses").size());
    }

    @Test
    void theReleasesIdDateTagAndTheExtensionsSourceAreOmittedAndTheCompiledReleaseGetsItsOwn() {
        ObjectNode compiled = OcdsMerge.compile(List.of(
                release("ocds-x-1-0", "2026-01-01T00:00:00Z", "{\"engagementLedger\":{\"source\":{\"sequence\":0},\"status\":\"commissioned\"}}"),
                release("ocds-x-1-1", "2026-01-02T10:00:00Z", "{\"engagementLedger\":{\"source\":{\"sequence\":1},\"status\":\"active\"}}")));

        assertEquals(json("{\"ocid\":\"ocds-x-1\",\"id\":\"ocds-x-1-2026-01-02T10:00:00Z\",\"date\":\"2026-01-02T10:00:00Z\","
                + "\"tag\":[\"compiled\"],\"initiationType\":\"tender\",\"engagementLedger\":{\"status\":\"active\"}}"), compiled);
    }

    @Test
    void releasesOfDifferentProcessesAreNotCompiledTogether() {
        ObjectNode other = release("2", "2026-01-02T00:00:00Z", "{}");
        other.put("ocid", "ocds-y-2");

        assertThrows(IllegalArgumentException.class, () -> OcdsMerge.compile(List.of(release("1", "2026-01-01T00:00:00Z", "{}"), other)));
        assertThrows(IllegalArgumentException.class, () -> OcdsMerge.compile(List.of()));
    }

    @Test
    void theInputReleasesAreLeftUntouched() {
        ObjectNode first = release("1", "2026-01-01T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"status\":\"planning\"}}");
        ObjectNode copy = first.deepCopy();

        OcdsMerge.compile(List.of(first, release("2", "2026-01-02T00:00:00Z", "{\"tender\":{\"id\":\"T\",\"status\":\"complete\"}}")));

        assertEquals(copy, first);
    }

    private static ObjectNode release(String id, String date, String body) {
        ObjectNode release = (ObjectNode) json("{\"ocid\":\"ocds-x-1\",\"initiationType\":\"tender\",\"tag\":[\"planning\"]}");
        release.put("id", id);
        release.put("date", date);
        release.setAll((ObjectNode) json(body));
        return release;
    }

    private static JsonNode json(String text) {
        return OcdsExport.read(text);
    }
}
