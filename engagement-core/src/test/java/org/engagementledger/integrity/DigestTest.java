package org.engagementledger.integrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigestTest {

    private static final KeyPair KEYS = KeyFiles.newKeyPair();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final List<Head> HEADS = List.of(
            new Head("ENG-2", 3, "b".repeat(64)),
            new Head("ENG-1", 7, "a".repeat(64)),
            new Head("ENG-10", 0, "c".repeat(64)));

    @Test
    void aDigestSortsItsHeadsByEngagementIdAndSignsTheirMerkleRoot() {
        Digest digest = Digest.issue(HEADS, KEYS, NOW, null);

        assertEquals(List.of("ENG-1", "ENG-10", "ENG-2"), digest.heads().stream().map(Head::engagementId).toList());
        assertEquals(3, digest.size());
        assertEquals(MerkleTree.rootHex(digest.heads().stream().map(Head::leaf).toList()), digest.root());
        assertEquals(Hashing.ZERO_HASH, digest.previousDigestHash());
        assertEquals("2026-05-01T10:00:00.000Z", digest.issuedAt());
        assertEquals(KeyFiles.keyId(KEYS.getPublic()), digest.keyId());
        assertTrue(digest.signatureValid(KEYS.getPublic()));
        assertTrue(digest.headsMatchRoot());
    }

    @Test
    void aHeadLeafIsTheCanonicalJsonWithTheSequenceAsAString() {
        assertEquals("{\"engagementId\":\"ENG-1\",\"hash\":\"" + "a".repeat(64) + "\",\"sequence\":\"7\"}",
                new String(new Head("ENG-1", 7, "a".repeat(64)).leaf()));
    }

    @Test
    void theSignatureCoversEveryFieldAndTheHeads() {
        Digest digest = Digest.issue(HEADS, KEYS, NOW, null);
        Digest otherHead = new Digest(digest.formatVersion(), digest.keyId(), digest.issuedAt(), digest.previousDigestHash(),
                digest.size(), digest.root(), List.of(new Head("ENG-1", 8, "a".repeat(64)), digest.heads().get(1), digest.heads().get(2)),
                digest.signature());
        Digest otherTime = new Digest(digest.formatVersion(), digest.keyId(), "2026-05-02T10:00:00.000Z", digest.previousDigestHash(),
                digest.size(), digest.root(), digest.heads(), digest.signature());

        assertFalse(otherHead.signatureValid(KEYS.getPublic()));
        assertFalse(otherTime.signatureValid(KEYS.getPublic()));
    }

    @Test
    void aDigestDoesNotVerifyWithAnotherKey() {
        Digest digest = Digest.issue(HEADS, KEYS, NOW, null);
        assertFalse(digest.signatureValid(KeyFiles.newKeyPair().getPublic()));
    }

    @Test
    void aDigestSurvivesItsJsonFileUnchanged() throws Exception {
        Digest digest = Digest.issue(HEADS, KEYS, NOW, null);
        Digest read = Digest.fromJson(digest.toJson());

        assertEquals(digest.canonicalJson(), read.canonicalJson());
        assertTrue(read.signatureValid(KEYS.getPublic()));
        ObjectNode edited = (ObjectNode) IntegrityJson.MAPPER.readTree(digest.toJson());
        edited.put("size", "4");
        assertFalse(Digest.fromJson(edited.toString()).signatureValid(KEYS.getPublic()));
        edited.put("size", "03");
        assertThrows(IntegrityException.class, () -> Digest.fromJson(edited.toString()));
    }

    @Test
    void eachDigestLinksToTheHashOfThePreviousOneSignatureIncluded() {
        Digest first = Digest.issue(HEADS, KEYS, NOW, null);
        Digest second = Digest.issue(HEADS, KEYS, NOW.plusSeconds(60), first.linkHash());

        assertEquals(first.linkHash(), second.previousDigestHash());
        assertEquals(Hashing.taggedSha256Hex("engagement-ledger/digest/v1\0", first.canonicalJson().getBytes()), first.linkHash());
        assertNotEquals(first.linkHash(), first.withSignature(second.signature()).linkHash());
    }

    @Test
    void anEmptyLedgerHasTheEmptyTreeRoot() {
        Digest digest = Digest.issue(List.of(), KEYS, NOW, null);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", digest.root());
        assertTrue(digest.signatureValid(KEYS.getPublic()));
    }

    @Test
    void twoHeadsForOneEngagementAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Digest.issue(
                List.of(new Head("ENG-1", 1, "a".repeat(64)), new Head("ENG-1", 2, "b".repeat(64))), KEYS, NOW, null));
    }
}
