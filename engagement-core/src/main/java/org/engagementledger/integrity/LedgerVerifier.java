package org.engagementledger.integrity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Verifies the hash chain from the stored rows of {@code DomainEventEntry}, read-only, with no Axon
 * deserialization and no upcasters, optionally against signed {@link Digest}s. Every event's hash is
 * recomputed ({@link EventHasher}) and every link checked; nothing the writer computed is trusted
 * except as the value being checked.
 *
 * <h2>Rules, per engagement, rows in sequence order</h2>
 * <ul>
 *   <li><b>HASH_MISMATCH</b> at n: event n's stored columns, with the previous hash it carries, do not
 *       hash to the hash it carries (or it carries no chain values).</li>
 *   <li><b>LINK_BROKEN</b> at n: event n's carried previous hash is not the hash carried by the event
 *       before it (64 zeros for n = 0); also for a second event at an already seen position, and, with
 *       no engagement, for a digest that does not link to the digest given before it.</li>
 *   <li><b>SEQ_GAP</b> at the first missing sequence number: the next stored event is further on. The
 *       link across a gap is not checked (there is nothing to link to): the gap is the finding.</li>
 *   <li>Against a digest whose signature verifies: <b>HEAD_MISMATCH</b> at d when the event at the
 *       digest's head d hashes differently (or is missing inside the engagement); <b>TRUNCATED</b> at
 *       the first missing sequence number when the engagement ends before d; <b>ENGAGEMENT_MISSING</b>
 *       (sequence = d) when the store holds no event of a digest's engagement.</li>
 *   <li><b>DIGEST_SIGNATURE_INVALID</b> (no engagement): a digest names another key than the one given,
 *       its signature does not verify, or its heads do not reproduce its root. Such a digest is not
 *       used for head comparisons.</li>
 * </ul>
 *
 * <h2>What each kind of tampering produces (pinned by {@code IntegrityContract})</h2>
 * <ul>
 *   <li>a changed byte of a payload, or changed metadata, of event k: HASH_MISMATCH at k only;</li>
 *   <li>a deleted event k in the middle: SEQ_GAP at k only;</li>
 *   <li>two events a &lt; b swapping sequence numbers: HASH_MISMATCH at a and b (the sequence number is
 *       hashed) and LINK_BROKEN at a, a+1, b and b+1 (for neighbours a+1 = b; b+1 only when it exists);</li>
 *   <li>the newest event deleted after a digest: TRUNCATED at that event's sequence number;</li>
 *   <li>a whole engagement rewritten consistently (hashes recomputed): nothing from the chain, HEAD_MISMATCH
 *       at the digest's head of that engagement;</li>
 *   <li>a whole engagement deleted after a digest: ENGAGEMENT_MISSING;</li>
 *   <li>an edited digest file, or the wrong public key: DIGEST_SIGNATURE_INVALID.</li>
 * </ul>
 * A change to the newest event, or a deletion of the newest events, with the chain values recomputed, is
 * only visible against a digest: issue digests regularly and keep them away from the database operator.
 *
 * <p>Rows are streamed (forward-only, {@link VerificationRequest#fetchSize()} per round trip, in a
 * read-only repeatable-read transaction, so the count and the scan see one snapshot); memory holds one
 * engagement's state plus the digests' heads.
 */
public final class LedgerVerifier {

    /** Progress is reported every this many events. */
    public static final int PROGRESS_EVERY = 1_000;

    private LedgerVerifier() {
    }

    /** Verifies the ledger's event table in this database. */
    public static VerificationReport verify(DataSource dataSource, VerificationRequest request) {
        return verify(dataSource, request, event -> { });
    }

    /**
     * Verifies the ledger's event table in this database and hands every row, once checked, to
     * {@code alsoEach}, in the same single scan (grouped by engagement, in sequence order): a caller that
     * needs the events as well (a whole-store replay) reads the store once, not twice.
     */
    public static VerificationReport verify(DataSource dataSource, VerificationRequest request, Consumer<StoredEvent> alsoEach) {
        return verify(dataSource, request, event -> null, (event, nothing) -> alsoEach.accept(event));
    }

    /**
     * {@link #verify(DataSource, VerificationRequest, Consumer)} for a caller with per-row work of its
     * own: {@code prepare}, which must depend on its row alone, runs on worker threads alongside the
     * hash recomputation, and {@code alsoEach} receives each checked row with what was prepared for it,
     * on the calling thread and in scan order. The rows are read once; the cores share the work.
     */
    public static <T> VerificationReport verify(DataSource dataSource, VerificationRequest request, Function<StoredEvent, T> prepare,
                                                BiConsumer<StoredEvent, T> alsoEach) {
        try (Connection connection = dataSource.getConnection()) {
            EventRows.Settings settings = EventRows.readOnly(connection);
            try {
                long total = EventRows.count(connection, request.engagementId());
                ChainVerifier verifier = new ChainVerifier(request, total);
                try (PipelinedScan<T> scan = new PipelinedScan<>(verifier, prepare, alsoEach)) {
                    EventRows.scan(connection, request.engagementId(), request.fetchSize(), scan::accept);
                    scan.finish();
                }
                return verifier.finish("database");
            } finally {
                EventRows.release(connection, settings);
            }
        } catch (SQLException e) {
            throw new IntegrityException("cannot read the event store: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies events from any source (e.g. an in-memory store, via {@link StoredEvent#from}), which must
     * come grouped by engagement and ordered by sequence number within each.
     */
    public static VerificationReport verify(Iterator<StoredEvent> events, VerificationRequest request, String source) {
        ChainVerifier verifier = new ChainVerifier(request, -1);
        while (events.hasNext()) {
            StoredEvent event = events.next();
            if (request.engagementId() == null || request.engagementId().equals(event.aggregateIdentifier())) {
                verifier.accept(event);
            }
        }
        return verifier.finish(source);
    }

    /** Verifies events in any order: they are sorted by engagement and sequence number first (in memory). */
    public static VerificationReport verifyUnordered(List<StoredEvent> events, VerificationRequest request, String source) {
        return verifyUnordered(events, request, source, List.of());
    }

    static VerificationReport verifyUnordered(List<StoredEvent> events, VerificationRequest request, String source, List<String> notes) {
        List<StoredEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(StoredEvent::aggregateIdentifier).thenComparingLong(StoredEvent::sequenceNumber));
        long total = request.engagementId() == null ? sorted.size()
                : sorted.stream().filter(e -> request.engagementId().equals(e.aggregateIdentifier())).count();
        ChainVerifier verifier = new ChainVerifier(request, total);
        notes.forEach(verifier::note);
        for (StoredEvent event : sorted) {
            if (request.engagementId() == null || request.engagementId().equals(event.aggregateIdentifier())) {
                verifier.accept(event);
            }
        }
        return verifier.finish(source);
    }
}
