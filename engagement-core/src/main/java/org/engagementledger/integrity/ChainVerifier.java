package org.engagementledger.integrity;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verification logic shared by the database verifier and the offline bundle verifier: fed the
 * stored events grouped by engagement and ordered by sequence number, one at a time, it keeps only the
 * current engagement's state (plus the digests' heads), so memory does not grow with the store.
 */
final class ChainVerifier {

    /** One (sequence, hash) a valid digest vouches for. */
    private record Checkpoint(long sequence, String hash, String issuedAt) {
    }

    private final String scope;
    private final VerificationProgress progress;
    private final long totalEvents;
    private final int maxFindings;
    private final List<Finding> findings = new ArrayList<>();
    private long omitted;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Set<Checkpoint>> checkpoints = new LinkedHashMap<>();
    private final Set<String> checkpointedSeen = new HashSet<>();
    private final Set<String> finished = new HashSet<>();
    private final int digestsChecked;

    private long events;
    private long engagements;

    // the engagement being read
    private String current;
    private long expected;
    private String previousStoredHash;
    private long lastSequence;
    private Set<Checkpoint> currentCheckpoints;
    private Set<Checkpoint> matched;

    ChainVerifier(VerificationRequest request, long totalEvents) {
        this.scope = request.engagementId();
        this.progress = request.progress();
        this.totalEvents = totalEvents;
        this.maxFindings = request.maxFindings();
        this.digestsChecked = request.digests().size();
        checkDigests(request.digests(), request.publicKey());
    }

    void note(String note) {
        notes.add(note);
    }

    void accept(StoredEvent event) {
        accept(event, EventHasher.inspect(event));
    }

    /** {@link #accept(StoredEvent)} with the event's inspection already computed (on another thread, say). */
    void accept(StoredEvent event, EventHasher.Inspection inspection) {
        String engagement = event.aggregateIdentifier();
        if (!engagement.equals(current)) {
            finishEngagement();
            startEngagement(engagement);
        }
        events++;
        long sequence = event.sequenceNumber();
        String eventId = event.eventIdentifier();
        String carriedPrevious = inspection.links().previous();
        String carriedHash = inspection.links().hash();

        boolean duplicate = sequence < expected;
        if (duplicate) {
            add(FindingKind.LINK_BROKEN, engagement, sequence, eventId,
                    "a second event claims position " + sequence + " (after event " + lastSequence + ")");
        } else if (sequence > expected) {
            // the link across a gap cannot be checked: the gap is the finding
            add(FindingKind.SEQ_GAP, engagement, expected, null, (sequence - expected == 1
                    ? "event " + expected + " is missing"
                    : "events " + expected + " to " + (sequence - 1) + " are missing")
                    + ": the next stored event is " + sequence + " (" + eventId + ")");
        } else {
            String expectedPrevious = sequence == 0 ? Hashing.ZERO_HASH : previousStoredHash;
            if (expectedPrevious != null && carriedPrevious != null && !expectedPrevious.equals(carriedPrevious)) {
                add(FindingKind.LINK_BROKEN, engagement, sequence, eventId, sequence == 0
                        ? "the first event's previous hash is " + carriedPrevious + ", not 64 zeros"
                        : "its previous hash " + carriedPrevious + " is not the hash of event " + (sequence - 1) + " ("
                        + expectedPrevious + ")");
            }
        }

        String recomputed = inspection.recomputedHash();
        if (inspection.problem() != null) {
            add(FindingKind.HASH_MISMATCH, engagement, sequence, eventId, "cannot be hashed: " + inspection.problem());
        } else if (!recomputed.equals(carriedHash)) {
            add(FindingKind.HASH_MISMATCH, engagement, sequence, eventId, "the stored event hashes to " + recomputed
                    + " but carries " + carriedHash + ": its payload, metadata or columns were changed");
        }

        for (Checkpoint checkpoint : currentCheckpoints) {
            if (checkpoint.sequence() == sequence && !duplicate) {
                matched.add(checkpoint);
                if (!checkpoint.hash().equals(recomputed)) {
                    add(FindingKind.HEAD_MISMATCH, engagement, sequence, eventId, "the digest issued " + checkpoint.issuedAt()
                            + " records hash " + checkpoint.hash() + " for this event; the stored event hashes to "
                            + (recomputed == null ? "nothing (it cannot be hashed)" : recomputed));
                }
            }
        }

        if (!duplicate) {
            previousStoredHash = carriedHash;
            lastSequence = sequence;
            expected = sequence + 1;
        }
        if (events % LedgerVerifier.PROGRESS_EVERY == 0) {
            progress.update(events, totalEvents, engagements);
        }
    }

    VerificationReport finish(String source) {
        finishEngagement();
        for (Map.Entry<String, Set<Checkpoint>> entry : checkpoints.entrySet()) {
            if (!checkpointedSeen.contains(entry.getKey())) {
                Checkpoint newest = newest(entry.getValue());
                add(FindingKind.ENGAGEMENT_MISSING, entry.getKey(), newest.sequence(), null, "the digest issued "
                        + newest.issuedAt() + " vouches for " + (newest.sequence() + 1) + " event(s) of this engagement (head hash "
                        + newest.hash() + "); the " + source + " holds none");
            }
        }
        progress.update(events, totalEvents, engagements);
        return new VerificationReport(source, scope, engagements, events, digestsChecked, findings, omitted, notes);
    }

    private void startEngagement(String engagement) {
        if (!finished.add(engagement)) {
            throw new IllegalArgumentException("events must come grouped by engagement and ordered by sequence number: "
                    + engagement + " appears twice");
        }
        current = engagement;
        engagements++;
        expected = 0;
        previousStoredHash = null;
        lastSequence = -1;
        currentCheckpoints = checkpoints.getOrDefault(engagement, Set.of());
        if (!currentCheckpoints.isEmpty()) {
            checkpointedSeen.add(engagement);
        }
        matched = new HashSet<>();
    }

    private void finishEngagement() {
        if (current == null) {
            return;
        }
        Checkpoint beyond = null;
        for (Checkpoint checkpoint : currentCheckpoints) {
            if (matched.contains(checkpoint)) {
                continue;
            }
            if (checkpoint.sequence() > lastSequence) {
                if (beyond == null || checkpoint.sequence() > beyond.sequence()) {
                    beyond = checkpoint;
                }
            } else {
                add(FindingKind.HEAD_MISMATCH, current, checkpoint.sequence(), null, "the digest issued " + checkpoint.issuedAt()
                        + " vouches for event " + checkpoint.sequence() + " (hash " + checkpoint.hash() + "), which is missing");
            }
        }
        if (beyond != null) {
            add(FindingKind.TRUNCATED, current, lastSequence + 1, null, "the digest issued " + beyond.issuedAt()
                    + " vouches for events up to " + beyond.sequence() + " (hash " + beyond.hash() + "); the "
                    + "engagement now ends at event " + lastSequence);
        }
        current = null;
    }

    private void checkDigests(List<Digest> digests, PublicKey key) {
        Digest previous = null;
        int index = 0;
        for (Digest digest : digests) {
            index++;
            String name = "digest " + index + " of " + digests.size() + " (issued " + digest.issuedAt() + ")";
            if (previous != null && !previous.linkHash().equals(digest.previousDigestHash())) {
                add(FindingKind.LINK_BROKEN, null, null, null, name + " does not link to the digest before it: its previous "
                        + "digest hash is " + digest.previousDigestHash() + ", the one before hashes to " + previous.linkHash());
            }
            previous = digest;
            if (key == null) {
                add(FindingKind.DIGEST_SIGNATURE_INVALID, null, null, null, name + " cannot be checked: no public key was given");
                continue;
            }
            if (!Digest.FORMAT_VERSION.equals(digest.formatVersion())) {
                add(FindingKind.DIGEST_SIGNATURE_INVALID, null, null, null, name + " has unknown format version '"
                        + digest.formatVersion() + "'");
                continue;
            }
            String keyId = KeyFiles.keyId(key);
            if (!keyId.equals(digest.keyId())) {
                add(FindingKind.DIGEST_SIGNATURE_INVALID, null, null, null, name + " names signing key " + digest.keyId()
                        + ", not the given public key " + keyId);
                continue;
            }
            if (!digest.signatureValid(key)) {
                add(FindingKind.DIGEST_SIGNATURE_INVALID, null, null, null, name + ": the signature does not verify, "
                        + "so the digest was changed after it was signed (or not signed by this key)");
                continue;
            }
            if (!digest.headsMatchRoot()) {
                add(FindingKind.DIGEST_SIGNATURE_INVALID, null, null, null, name + ": its heads do not reproduce its signed "
                        + "Merkle root " + digest.root());
                continue;
            }
            for (Head head : digest.heads()) {
                if (scope == null || scope.equals(head.engagementId())) {
                    checkpoints.computeIfAbsent(head.engagementId(), k -> new LinkedHashSet<>())
                            .add(new Checkpoint(head.sequence(), head.hash(), digest.issuedAt()));
                }
            }
        }
    }

    private static Checkpoint newest(Set<Checkpoint> set) {
        Checkpoint newest = null;
        for (Checkpoint checkpoint : set) {
            if (newest == null || checkpoint.sequence() > newest.sequence()) {
                newest = checkpoint;
            }
        }
        return newest;
    }

    private void add(FindingKind kind, String engagement, Long sequence, String eventId, String message) {
        if (findings.size() < maxFindings) {
            findings.add(new Finding(kind, engagement, sequence, eventId, message));
        } else {
            omitted++;
        }
    }
}
