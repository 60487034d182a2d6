package org.engagementledger.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Bundles built from hand-made chained rows: the file format and the offline verifier's edge cases. */
class BundleTest {

    private static final KeyPair KEYS = KeyFiles.newKeyPair();

    @TempDir
    Path dir;

    @Test
    void payloadBytesThatAreNotUtf8TravelAsBase64AndStillVerify() throws Exception {
        List<StoredEvent> events = chain("X", 3, sequence -> new byte[]{(byte) 0xff, (byte) 0xfe, (byte) sequence});
        Path file = dir.resolve("b.json");
        bundle(events, List.of()).write(file);

        assertTrue(Files.readString(file).contains("\"payloadEncoding\" : \"base64\""));
        Bundle read = Bundle.read(file);
        assertArrayEquals(events.get(2).payload(), read.events().get(2).payload());
        assertTrue(BundleVerifier.verify(read, KEYS.getPublic(), VerificationProgress.NONE).intact());
    }

    @Test
    void eventsInAnyOrderAreSortedBeforeVerifying() {
        List<StoredEvent> events = new ArrayList<>(chain("X", 4, BundleTest::json));
        events.addAll(chain("Y", 3, BundleTest::json));
        Collections.shuffle(events, new Random(7));
        Digest digest = Digest.issue(List.of(head(events, "X"), head(events, "Y")), KEYS, Instant.EPOCH, null);

        VerificationReport report = BundleVerifier.verify(bundle(events, List.of(digest)), KEYS.getPublic(), VerificationProgress.NONE);
        assertTrue(report.intact(), report::toText);
        assertEquals(7, report.eventsChecked());
    }

    @Test
    void aMissingFirstEventIsAGapAtZero() {
        List<StoredEvent> events = chain("X", 3, BundleTest::json);

        VerificationReport report = BundleVerifier.verify(bundle(events.subList(1, 3), List.of()), null, VerificationProgress.NONE);
        assertEquals(List.of(FindingKind.SEQ_GAP), report.findings().stream().map(Finding::kind).toList());
        assertEquals(0L, report.findings().get(0).sequence());
    }

    @Test
    void aSecondEventAtTheSamePositionBreaksTheLink() {
        List<StoredEvent> events = new ArrayList<>(chain("X", 3, BundleTest::json));
        List<StoredEvent> other = chain("X", 2, sequence -> ("{\"other\":" + sequence + "}").getBytes(StandardCharsets.UTF_8));
        events.add(other.get(1));

        VerificationReport report = BundleVerifier.verify(bundle(events, List.of()), null, VerificationProgress.NONE);
        assertEquals(1, report.findings().size(), report::toText);
        assertEquals(FindingKind.LINK_BROKEN, report.findings().get(0).kind());
        assertEquals(1L, report.findings().get(0).sequence());
    }

    @Test
    void digestsWithoutAnyPublicKeyCannotBeChecked() {
        List<StoredEvent> events = chain("X", 2, BundleTest::json);
        Digest digest = Digest.issue(List.of(head(events, "X")), KEYS, Instant.EPOCH, null);
        Bundle keyless = new Bundle("2026-05-01T10:00:00.000Z", null, null, List.of(digest), events);

        VerificationReport report = BundleVerifier.verify(keyless, null, VerificationProgress.NONE);
        assertEquals(List.of(FindingKind.DIGEST_SIGNATURE_INVALID), report.findings().stream().map(Finding::kind).toList());
    }

    @Test
    void aFileThatIsNotABundleIsRefused() throws Exception {
        Path file = dir.resolve("not.json");
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertThrows(IntegrityException.class, () -> Bundle.read(file));
    }

    private static Bundle bundle(List<StoredEvent> events, List<Digest> digests) {
        return new Bundle("2026-05-01T10:00:00.000Z", null, KeyFiles.toBase64(KEYS.getPublic()), digests, events);
    }

    private static byte[] json(long sequence) {
        return ("{\"n\":" + sequence + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static Head head(List<StoredEvent> events, String aggregate) {
        StoredEvent newest = events.stream().filter(e -> e.aggregateIdentifier().equals(aggregate))
                .max(java.util.Comparator.comparingLong(StoredEvent::sequenceNumber)).orElseThrow();
        return new Head(aggregate, newest.sequenceNumber(), EventHasher.chainLinks(newest.metaData()).hash());
    }

    /** Rows of a correctly chained engagement, as the chained engine would have stored them. */
    static List<StoredEvent> chain(String aggregate, int count, java.util.function.LongFunction<byte[]> payload) {
        List<StoredEvent> events = new ArrayList<>();
        String previous = Hashing.ZERO_HASH;
        for (long sequence = 0; sequence < count; sequence++) {
            StoredEvent unchained = new StoredEvent(sequence + 1, aggregate, sequence, "Engagement", aggregate + "-" + sequence,
                    "2026-01-15T09:30:0" + sequence + ".000Z", "test.Event", "1", payload.apply(sequence),
                    "{\"actorId\":\"tester\"}".getBytes(StandardCharsets.UTF_8));
            String hash = EventHasher.hash(unchained, previous);
            events.add(unchained.withMetaData(("{\"actorId\":\"tester\",\"chainVersion\":\"1\",\"chainPrev\":\"" + previous
                    + "\",\"chainHash\":\"" + hash + "\"}").getBytes(StandardCharsets.UTF_8)));
            previous = hash;
        }
        return events;
    }
}
