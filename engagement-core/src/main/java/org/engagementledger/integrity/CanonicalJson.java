package org.engagementledger.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), by {@code io.github.erdtman:java-json-canonicalization},
 * which passes the RFC's test vectors (see {@code CanonicalJsonTest}): object keys sorted by UTF-16
 * code units, no whitespace, strings with minimal escaping, numbers in ECMAScript double form.
 *
 * <p>Because JCS turns every number into an IEEE double, the structures the ledger hashes (chain
 * records, Merkle leaves, digests) hold sequence numbers, sizes and amounts as <em>strings</em>.
 * Duplicate keys are rejected.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical form of a JSON text. */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
    }

    /** The canonical form of a JSON text given as UTF-8 bytes. */
    public static String canonicalize(byte[] utf8Json) {
        return canonicalize(new String(utf8Json, StandardCharsets.UTF_8));
    }

    /** The canonical form of a value made of maps, lists, strings, booleans and {@code null}. */
    public static String canonicalizeValue(Object value) {
        try {
            return canonicalize(IntegrityJson.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }

    /** {@link #canonicalizeValue(Object)} as UTF-8 bytes, ready to hash or sign. */
    public static byte[] canonicalBytes(Object value) {
        return canonicalizeValue(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of a flat object whose values are strings or {@code null}, such as a chain
     * record. Equal to {@link #canonicalizeValue(Object)} of the same map; written directly (keys sorted,
     * no parsing) when every key and value consists of printable characters that JCS leaves unescaped,
     * which is the case for every record the ledger writes, and by the library otherwise.
     */
    public static String flatObject(Map<String, String> members) {
        TreeMap<String, String> sorted = new TreeMap<>(members); // String order = UTF-16 code units, as RFC 8785 sorts
        StringBuilder json = new StringBuilder(64 * sorted.size());
        json.append('{');
        for (Map.Entry<String, String> member : sorted.entrySet()) {
            if (!verbatim(member.getKey()) || (member.getValue() != null && !verbatim(member.getValue()))) {
                return canonicalizeValue(members);
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(member.getKey()).append("\":");
            if (member.getValue() == null) {
                json.append("null");
            } else {
                json.append('"').append(member.getValue()).append('"');
            }
        }
        return json.append('}').toString();
    }

    /** Whether JCS writes this string between quotes unchanged: no quote, backslash, control character or surrogate. */
    static boolean verbatim(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
