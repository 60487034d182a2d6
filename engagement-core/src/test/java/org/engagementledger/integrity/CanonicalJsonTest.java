package org.engagementledger.integrity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The RFC 8785 test vectors (src/test/resources/jcs-testdata, Apache-2.0) against the canonicalizer the chain uses. */
class CanonicalJsonTest {

    static final List<String> VECTORS = List.of("arrays", "french", "structures", "unicode", "values", "weird");

    @ParameterizedTest(name = "{0}.json")
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void everyRfc8785VectorCanonicalizesToExactlyItsExpectedBytes(String name) throws IOException {
        byte[] input = resource("jcs-testdata/input/" + name + ".json");
        byte[] expected = resource("jcs-testdata/output/" + name + ".json");

        assertArrayEquals(expected, CanonicalJson.canonicalize(input).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(expected, CanonicalJson.canonicalize(new String(input, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void theHexFormOfEachVectorMatchesItsOutputFile(String name) throws IOException {
        String hex = new String(resource("jcs-testdata/outhex/" + name + ".txt"), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        assertEquals(hex, Hashing.hex(resource("jcs-testdata/output/" + name + ".json")));
    }

    @Test
    void allSixVectorsArePresent() {
        assertEquals(6, VECTORS.size());
        VECTORS.forEach(name -> assertNotNull(getClass().getClassLoader().getResource("jcs-testdata/input/" + name + ".json"), name));
    }

    @Test
    void numbersBecomeDoublesWhichIsWhyAmountsAndSequenceNumbersAreStrings() {
        assertEquals("{\"amount\":1000.1,\"big\":12345678901234567000}",
                CanonicalJson.canonicalize("{\"big\":12345678901234567890,\"amount\":1000.10}"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sequence", "12345678901234567890");
        record.put("amount", "1000.10");
        assertEquals("{\"amount\":\"1000.10\",\"sequence\":\"12345678901234567890\"}", CanonicalJson.canonicalizeValue(record));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.canonicalize("{\"a\":1,\"a\":2}"));
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return in.readAllBytes();
        }
    }

    @Test
    void aFlatStringObjectIsWrittenExactlyAsTheLibraryCanonicalizesIt() {
        Random random = new Random(8785);
        String[] alphabet = {"a", "Z", "0", " ", "-", ":", ".", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "\u00e9",
                "\u20ac", "\u2028", "\ud83d\ude00", "\ud800", "\udfff", "\uffff", "\u00a0", "\u0130"};
        for (int round = 0; round < 2_000; round++) {
            Map<String, String> members = new LinkedHashMap<>();
            int size = random.nextInt(12);
            for (int i = 0; i < size; i++) {
                members.put(randomText(random, alphabet), random.nextInt(8) == 0 ? null : randomText(random, alphabet));
            }
            assertEquals(CanonicalJson.canonicalizeValue(members), CanonicalJson.flatObject(members), () -> "members " + members);
        }
    }

    @Test
    void aChainRecordTakesTheDirectPathAndSortsKeysByCodeUnits() {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("sequence", "7");
        record.put("aggregateType", null);
        record.put("aggregateId", "ENG-2026-001");
        record.put("Zeta", "\u00e9t\u00e9 \u20ac");

        assertEquals("{\"Zeta\":\"\u00e9t\u00e9 \u20ac\",\"aggregateId\":\"ENG-2026-001\",\"aggregateType\":null,\"sequence\":\"7\"}",
                CanonicalJson.flatObject(record));
    }

    private static String randomText(Random random, String[] alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
