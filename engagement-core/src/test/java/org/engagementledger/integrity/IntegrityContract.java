package org.engagementledger.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.engagementledger.api.EngagementId;
import org.engagementledger.config.LedgerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.engagementledger.engagement.EngagementFixtures.ENGAGEMENT;
import static org.engagementledger.integrity.FindingKind.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The hash chain, digests and verifier on a real store, run on H2 and on PostgreSQL by the subclasses.
 * Three engagements: A (events 0-4), B (events 0-4), C (events 0-2). Each tampering is done directly in
 * the database and must be reported as exactly the documented findings (see {@link LedgerVerifier}).
 */
abstract class IntegrityContract {

    static final EngagementId A = ENGAGEMENT;
    static final EngagementId B = EngagementId.of("ENG-2026-002");
    static final EngagementId C = EngagementId.of("ENG-2026-003");
    static final KeyPair KEYS = KeyFiles.newKeyPair();

    protected HikariDataSource dataSource;
    private final List<Configuration> ledgers = new ArrayList<>();
    private Configuration ledger;
    private LedgerIntegrity integrity;

    @TempDir
    Path dir;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void recordThreeEngagements() {
        dataSource = newDataSource();
        ledger = startLedger();
        integrity = LedgerIntegrity.on(dataSource, Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC));
        TestLedgers.record(ledger, A, 3);
        TestLedgers.record(ledger, B, 3);
        TestLedgers.record(ledger, C, 1);
    }

    @AfterEach
    void closeDatabase() {
        ledgers.forEach(Configuration::shutdown);
        release(dataSource);
    }

    @Test
    void anUntouchedLedgerVerifiesWithNoFindings() {
        VerificationReport report = integrity.verify(VerificationRequest.all());

        assertTrue(report.intact(), report::toText);
        assertEquals(3, report.engagementsChecked());
        assertEquals(13, report.eventsChecked());
        Digest digest = integrity.issueDigest(KEYS);
        assertTrue(integrity.verify(VerificationRequest.all().againstDigest(digest, KEYS.getPublic())).intact());
    }

    @Test
    void everyStoredRowCarriesTheHashOfItsStoredBytes() throws SQLException {
        List<StoredEvent> rows = rows(A);
        List<? extends DomainEventMessage<?>> messages = ledger.eventStore().readEvents(A.value(), 0).asStream().toList();
        assertEquals(5, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent row = rows.get(i);
            DomainEventMessage<?> message = messages.get(i);
            // what the chain hashed is what the JDBC engine wrote: the timestamp text and the serializer's payload bytes
            assertEquals(DateTimeUtils.formatInstant(message.getTimestamp()), row.timeStamp());
            assertArrayEquals(ledger.eventSerializer().serialize(message.getPayload(), byte[].class).getData(), row.payload());
            EventHasher.Inspection inspection = EventHasher.inspect(row);
            assertNull(inspection.problem());
            assertEquals(inspection.links().hash(), inspection.recomputedHash(), "event " + row.sequenceNumber());
            assertEquals(inspection.links().hash(), message.getMetaData().get(EventHasher.CHAIN_HASH));
        }
    }

    @Test
    void changingOneByteOfAPayloadIsAHashMismatchAtThatEvent() throws SQLException {
        byte[] payload = column("payload", B, 2);
        int at = new String(payload, StandardCharsets.UTF_8).indexOf("Model design");
        payload[at] = 'N';
        update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?", payload, B.value(), 2L);

        assertFindings(integrity.verify(VerificationRequest.all()), found(HASH_MISMATCH, B, 2));
        assertEquals(eventId(B, 2), integrity.verify(VerificationRequest.all()).findings().get(0).eventId());
    }

    @Test
    void changingMetadataIsAHashMismatchAtThatEvent() throws SQLException {
        String metadata = new String(column("metaData", A, 1), StandardCharsets.UTF_8);
        assertTrue(metadata.contains("procurement-lead"), metadata);
        update("UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                metadata.replace("procurement-lead", "someone-else").getBytes(StandardCharsets.UTF_8), A.value(), 1L);

        assertFindings(integrity.verify(VerificationRequest.all()), found(HASH_MISMATCH, A, 1));
    }

    @Test
    void deletingAnEventInTheMiddleIsASequenceGapAtItsPosition() throws SQLException {
        update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", B.value(), 2L);

        VerificationReport report = integrity.verify(VerificationRequest.all());
        assertFindings(report, found(SEQ_GAP, B, 2));
        assertNull(report.findings().get(0).eventId());
    }

    @Test
    void swappingTwoSequenceNumbersBreaksBothHashesAndTheLinksAroundThem() throws SQLException {
        update("UPDATE DomainEventEntry SET sequenceNumber = -1 WHERE aggregateIdentifier = ? AND sequenceNumber = ?", A.value(), 2L);
        update("UPDATE DomainEventEntry SET sequenceNumber = 2 WHERE aggregateIdentifier = ? AND sequenceNumber = ?", A.value(), 3L);
        update("UPDATE DomainEventEntry SET sequenceNumber = 3 WHERE aggregateIdentifier = ? AND sequenceNumber = ?", A.value(), -1L);

        assertFindings(integrity.verify(VerificationRequest.all()),
                found(HASH_MISMATCH, A, 2), found(HASH_MISMATCH, A, 3),
                found(LINK_BROKEN, A, 2), found(LINK_BROKEN, A, 3), found(LINK_BROKEN, A, 4));
    }

    @Test
    void deletingTheNewestEventAfterADigestIsTruncation() throws SQLException {
        Digest digest = integrity.issueDigest(KEYS);
        update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", A.value(), 4L);

        assertTrue(integrity.verify(VerificationRequest.all()).intact(), "the chain alone cannot see a shortened end");
        assertFindings(integrity.verify(VerificationRequest.all().againstDigest(digest, KEYS.getPublic())), found(TRUNCATED, A, 4));
    }

    @Test
    void rewritingAWholeEngagementConsistentlyIsCaughtOnlyByTheDigest() throws SQLException {
        Digest digest = integrity.issueDigest(KEYS);
        rewriteConsistently(B, 1);
        assertTrue(new String(column("payload", B, 1), StandardCharsets.UTF_8).contains("2026-01-14"));

        assertTrue(integrity.verify(VerificationRequest.all()).intact(), "a consistent rewrite passes the chain");
        assertFindings(integrity.verify(VerificationRequest.all().againstDigest(digest, KEYS.getPublic())), found(HEAD_MISMATCH, B, 4));
    }

    @Test
    void deletingAWholeEngagementAfterADigestIsAMissingEngagement() throws SQLException {
        Digest digest = integrity.issueDigest(KEYS);
        update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", C.value());

        assertTrue(integrity.verify(VerificationRequest.all()).intact());
        assertFindings(integrity.verify(VerificationRequest.all().againstDigest(digest, KEYS.getPublic())), found(ENGAGEMENT_MISSING, C, 2));
    }

    @Test
    void anEditedDigestFileHasAnInvalidSignature() throws Exception {
        Path file = dir.resolve("digest.json");
        integrity.issueDigest(KEYS).write(file);
        ObjectNode json = (ObjectNode) IntegrityJson.MAPPER.readTree(file.toFile());
        ((ObjectNode) json.get("heads").get(0)).put("sequence", "3");
        Files.writeString(file, IntegrityJson.PRETTY.writeValueAsString(json));

        VerificationReport report = integrity.verify(VerificationRequest.all().againstDigest(Digest.read(file), KEYS.getPublic()));
        assertFindings(report, new Located(DIGEST_SIGNATURE_INVALID, null, null));
    }

    @Test
    void aDigestCheckedWithTheWrongPublicKeyHasAnInvalidSignature() {
        Digest digest = integrity.issueDigest(KEYS);

        VerificationReport report = integrity.verify(VerificationRequest.all().againstDigest(digest, KeyFiles.newKeyPair().getPublic()));
        assertFindings(report, new Located(DIGEST_SIGNATURE_INVALID, null, null));
        assertTrue(report.findings().get(0).message().contains("names signing key"), report::toText);
    }

    @Test
    void digestsAreStoredInOrderEachLinkedToThePreviousOne() {
        Digest first = integrity.issueDigest(KEYS);
        TestLedgers.logTime(ledger, C, "1", "100.00");
        Digest second = integrity.issueDigest(KEYS);

        assertEquals(List.of(first, second), integrity.digests());
        assertEquals(java.util.Optional.of(second), integrity.latestDigest());
        assertEquals(Hashing.ZERO_HASH, first.previousDigestHash());
        assertEquals(first.linkHash(), second.previousDigestHash());
        assertEquals(new Head(C.value(), 3, second.heads().get(2).hash()), second.heads().get(2));
        assertEquals(integrity.heads(), second.heads());
        assertTrue(integrity.verify(VerificationRequest.all().againstDigests(List.of(first, second), KEYS.getPublic())).intact());
        assertFindings(integrity.verify(VerificationRequest.all().againstDigests(List.of(second, first), KEYS.getPublic())),
                new Located(LINK_BROKEN, null, null));
    }

    @Test
    void noDigestIsSignedOverAHeadThatDoesNotVerify() throws SQLException {
        byte[] payload = column("payload", C, 2);
        payload[payload.length - 2] ^= 1;
        update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?", payload, C.value(), 2L);

        IntegrityException refused = assertThrows(IntegrityException.class, () -> integrity.issueDigest(KEYS));
        assertTrue(refused.getMessage().contains(C.value()), refused.getMessage());
        assertTrue(integrity.digests().isEmpty());
    }

    @Test
    void verifyingOneEngagementReadsOnlyThatEngagementAndItsHeadInTheDigest() throws SQLException {
        Digest digest = integrity.issueDigest(KEYS);
        update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", C.value());
        update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?", A.value(), 2L);

        VerificationReport onlyB = integrity.verify(VerificationRequest.all().forEngagement(B.value()).againstDigest(digest, KEYS.getPublic()));
        assertTrue(onlyB.intact(), onlyB::toText);
        assertEquals(5, onlyB.eventsChecked());
        assertEquals(1, onlyB.engagementsChecked());
        assertFindings(integrity.verify(VerificationRequest.all().forEngagement(C.value()).againstDigest(digest, KEYS.getPublic())),
                found(ENGAGEMENT_MISSING, C, 2));
    }

    @Test
    void progressIsReportedWithTheTotalAndAtTheEnd() {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        integrity.verify(VerificationRequest.all().withFetchSize(2).withProgress((checked, all, engagements) -> {
            last.set(checked);
            total.set(all);
        }));

        assertEquals(13, last.get());
        assertEquals(13, total.get());
    }

    @Test
    void racingWritersOnSeveralNodesLoseWithAConcurrencyErrorAndLeaveNoBrokenLink() throws Exception {
        List<Configuration> nodes = List.of(ledger, startLedger(), startLedger(), startLedger());
        int threads = 8;
        int commandsEach = 6;
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            Configuration node = nodes.get(t % nodes.size());
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < commandsEach; i++) {
                    try {
                        TestLedgers.logTime(node, A, "1", "10.00");
                        stored.incrementAndGet();
                    } catch (Exception e) {
                        if (isConcurrencyFailure(e)) {
                            lost.incrementAndGet();
                        } else {
                            unexpected.add(e);
                        }
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));

        assertEquals(List.of(), unexpected);
        assertEquals(threads * commandsEach, stored.get() + lost.get());
        assertTrue(lost.get() > 0, "writers on four nodes must have collided at least once");
        assertEquals(5 + stored.get(), rows(A).size());
        VerificationReport report = integrity.verify(VerificationRequest.all());
        assertTrue(report.intact(), report::toText);
    }

    @Test
    void anExportedBundleVerifiesOfflineAndItsTamperingIsCaught() throws Exception {
        integrity.issueDigest(KEYS);
        Path bundle = dir.resolve("a.bundle.json");
        integrity.exportBundle(A.value(), bundle);

        VerificationReport trusted = LedgerIntegrity.verifyBundle(bundle, KEYS.getPublic(), VerificationProgress.NONE);
        assertTrue(trusted.intact(), trusted::toText);
        assertEquals(5, trusted.eventsChecked());
        assertEquals(1, trusted.digestsChecked());
        VerificationReport selfKeyed = LedgerIntegrity.verifyBundle(bundle, null, VerificationProgress.NONE);
        assertTrue(selfKeyed.intact());
        assertTrue(selfKeyed.notes().get(0).contains(KeyFiles.keyId(KEYS.getPublic())), selfKeyed::toText);
        assertFindings(LedgerIntegrity.verifyBundle(bundle, KeyFiles.newKeyPair().getPublic(), VerificationProgress.NONE),
                new Located(DIGEST_SIGNATURE_INVALID, null, null));

        Path tampered = dir.resolve("tampered.bundle.json");
        Files.writeString(tampered, Files.readString(bundle).replace("Model design", "Model desigN"));
        assertFindings(LedgerIntegrity.verifyBundle(tampered, KEYS.getPublic(), VerificationProgress.NONE),
                found(HASH_MISMATCH, A, 2), found(HASH_MISMATCH, A, 3), found(HASH_MISMATCH, A, 4), found(HEAD_MISMATCH, A, 4));

        Path truncated = dir.resolve("truncated.bundle.json");
        Bundle read = Bundle.read(bundle);
        new Bundle(read.exportedAt(), read.engagementId(), read.publicKey(), read.digests(), read.events().subList(0, 4)).write(truncated);
        assertFindings(LedgerIntegrity.verifyBundle(truncated, KEYS.getPublic(), VerificationProgress.NONE), found(TRUNCATED, A, 4));
    }

    @Test
    void aWholeStoreBundleCarriesEveryEventAndTheLatestDigest() throws Exception {
        integrity.issueDigest(KEYS);
        TestLedgers.logTime(ledger, B, "1", "100.00");
        Digest latest = integrity.issueDigest(KEYS);
        Path bundle = dir.resolve("all.bundle.json");
        integrity.exportBundle(null, bundle);

        Bundle read = Bundle.read(bundle);
        assertEquals(14, read.events().size());
        assertEquals(List.of(latest), read.digests());
        assertEquals(KeyFiles.toBase64(KEYS.getPublic()), read.publicKey());
        assertTrue(LedgerIntegrity.verifyBundle(bundle, KEYS.getPublic(), VerificationProgress.NONE).intact());
        assertThrows(IntegrityException.class, () -> integrity.exportBundle("ENG-UNKNOWN", dir.resolve("none.json")));
        assertThrows(IntegrityException.class, () -> integrity.exportBundle(null, bundle), "an existing file is never overwritten");
        assertTrue(Files.size(bundle) > 0);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private Configuration startLedger() {
        Configuration started = TestLedgers.jdbc(dataSource, LedgerSettings.DEFAULTS);
        ledgers.add(started);
        return started;
    }

    /** Changes a payload byte of event {@code from} and recomputes every chain value from there on, as a careful forger would. */
    private void rewriteConsistently(EngagementId id, long from) throws SQLException {
        String previous = null;
        for (StoredEvent row : rows(id)) {
            if (row.sequenceNumber() < from) {
                previous = EventHasher.chainLinks(row.metaData()).hash();
                continue;
            }
            byte[] payload = row.payload();
            if (row.sequenceNumber() == from) {
                // backdate the contract signature
                payload = new String(payload, StandardCharsets.UTF_8).replace("2026-01-15", "2026-01-14").getBytes(StandardCharsets.UTF_8);
            }
            String hash = EventHasher.hash(row.withPayload(payload), previous);
            ObjectNode metadata;
            try {
                metadata = (ObjectNode) IntegrityJson.MAPPER.readTree(row.metaData());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            metadata.put(EventHasher.CHAIN_PREV, previous);
            metadata.put(EventHasher.CHAIN_HASH, hash);
            update("UPDATE DomainEventEntry SET payload = ?, metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                    payload, metadata.toString().getBytes(StandardCharsets.UTF_8), id.value(), row.sequenceNumber());
            previous = hash;
        }
    }

    /** A lost race must surface as Axon's retryable ConcurrencyException (see DuplicateKeyResolver). */
    private static boolean isConcurrencyFailure(Throwable failure) {
        return failure instanceof ConcurrencyException;
    }

    record Located(FindingKind kind, String engagementId, Long sequence) {
    }

    static Located found(FindingKind kind, EngagementId id, long sequence) {
        return new Located(kind, id.value(), sequence);
    }

    static void assertFindings(VerificationReport report, Located... expected) {
        List<Located> actual = report.findings().stream().map(f -> new Located(f.kind(), f.engagementId(), f.sequence())).toList();
        assertEquals(Set.of(expected), Set.copyOf(actual), report::toText);
        assertEquals(expected.length, actual.size(), report::toText);
    }

    private List<StoredEvent> rows(EngagementId id) throws SQLException {
        List<StoredEvent> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            EventRows.scan(connection, id == null ? null : id.value(), 100, rows::add);
        }
        return rows;
    }

    private byte[] column(String column, EngagementId id, long sequence) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT " + column
                     + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            statement.setString(1, id.value());
            statement.setLong(2, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next());
                return rows.getBytes(1);
            }
        }
    }

    private String eventId(EngagementId id, long sequence) throws SQLException {
        return rows(id).stream().filter(row -> row.sequenceNumber() == sequence).findFirst().orElseThrow().eventIdentifier();
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertTrue(statement.executeUpdate() > 0, sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
