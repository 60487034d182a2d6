package org.engagementledger.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compiles the releases of one contracting process into a compiled release, by the OCDS 1.1 merge
 * rules as the reference implementation (ocdsmerge) applies them to schemas without
 * {@code wholeListMerge} fields in use:
 * <ul>
 *   <li>releases are applied oldest first (by {@code date}, ties in the given order);</li>
 *   <li>{@code id}, {@code date} and {@code tag} of a release are omitted ({@code omitWhenMerged}), and so
 *       is the ledger extension's per-release {@code engagementLedger.source}; the compiled release gets
 *       {@code tag: ["compiled"]}, {@code date} of the latest release and {@code id = <ocid>-<date>};</li>
 *   <li>objects merge field by field, the latest value of each field winning; {@code null} removes the
 *       field; empty objects and arrays change nothing;</li>
 *   <li>arrays of objects merge by the objects' {@code id} (an object without an {@code id} is appended);
 *       any other array (of strings, numbers, ...) is replaced whole.</li>
 * </ul>
 * Inputs are never modified.
 */
public final class OcdsMerge {

    /** Paths (from the release root) omitted when merging, beyond the release's own id, date and tag. */
    static final Set<List<String>> OMITTED = Set.of(List.of("id"), List.of("date"), List.of("tag"),
            List.of(OcdsExtension.FIELD, "source"));

    private OcdsMerge() {
    }

    /**
     * The compiled release of the given releases, which must share one {@code ocid}.
     *
     * @throws IllegalArgumentException when there are no releases, or their ocids or dates are missing or differ
     */
    public static ObjectNode compile(List<? extends JsonNode> releases) {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("no releases to compile");
        }
        String ocid = text(releases.get(0), "ocid");
        List<JsonNode> ordered = new ArrayList<>(releases);
        for (JsonNode release : ordered) {
            if (!ocid.equals(text(release, "ocid"))) {
                throw new IllegalArgumentException("releases of different ocids: " + ocid + " and " + text(release, "ocid"));
            }
            text(release, "date");
        }
        // Stable sort; OCDS dates are RFC 3339 with an offset, compared as instants.
        ordered.sort(Comparator.comparing(r -> OcdsDates.parseInstant(r.get("date").asText())));
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (JsonNode release : ordered) {
            mergeObject(merged, (ObjectNode) release, List.of());
        }
        String date = ordered.get(ordered.size() - 1).get("date").asText();
        ObjectNode compiled = JsonNodeFactory.instance.objectNode();
        compiled.put("ocid", ocid);
        compiled.put("id", ocid + "-" + date);
        compiled.put("date", date);
        compiled.putArray("tag").add("compiled");
        merged.remove("ocid");
        compiled.setAll(merged);
        return compiled;
    }

    private static String text(JsonNode release, String field) {
        JsonNode value = release.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("a release has no " + field);
        }
        return value.asText();
    }

    private static void mergeObject(ObjectNode target, ObjectNode source, List<String> path) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> fieldPath = append(path, field.getKey());
            if (OMITTED.contains(fieldPath)) {
                continue;
            }
            mergeField(target, field.getKey(), field.getValue(), fieldPath);
        }
    }

    private static void mergeField(ObjectNode target, String name, JsonNode value, List<String> path) {
        if (value == null || value.isNull()) {
            target.remove(name);
        } else if (value.isObject()) {
            if (value.isEmpty()) {
                return;
            }
            JsonNode existing = target.get(name);
            ObjectNode into = existing != null && existing.isObject() ? (ObjectNode) existing : target.putObject(name);
            mergeObject(into, (ObjectNode) value, path);
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                return;
            }
            if (allObjects(value)) {
                JsonNode existing = target.get(name);
                ArrayNode into = existing != null && existing.isArray() && allObjects(existing)
                        ? (ArrayNode) existing : target.putArray(name);
                mergeById(into, (ArrayNode) value, path);
            } else {
                target.set(name, value.deepCopy());
            }
        } else {
            target.set(name, value.deepCopy());
        }
    }

    private static void mergeById(ArrayNode target, ArrayNode source, List<String> path) {
        for (JsonNode item : source) {
            JsonNode id = item.get("id");
            ObjectNode into = null;
            if (id != null && !id.isNull()) {
                for (JsonNode existing : target) {
                    if (Objects.equals(existing.get("id"), id)) {
                        into = (ObjectNode) existing;
                        break;
                    }
                }
            }
            if (into == null) {
                into = target.addObject();
            }
            // Array positions are not part of a merge path: rules apply per field, whatever the position.
            mergeObject(into, (ObjectNode) item, path);
        }
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(name);
        return List.copyOf(longer);
    }
}
