package org.engagementledger.integrity;

import java.security.MessageDigest;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0, section 2.1.1; same as RFC 6962):
 * {@code MTH({}) = SHA-256()}, {@code MTH({d0}) = SHA-256(0x00 || d0)}, and for n &gt; 1 with k the
 * largest power of two smaller than n, {@code MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))}.
 * Checked against the RFC 6962 reference roots in {@code MerkleTreeTest}.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The root hash over the leaves' data, in order. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashing.sha256(new byte[0]);
        }
        byte[][] hashes = new byte[leaves.size()][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = leafHash(leaves.get(i));
        }
        return subtree(hashes, 0, hashes.length);
    }

    /** The root as lowercase hex. */
    public static String rootHex(List<byte[]> leaves) {
        return Hashing.hex(root(leaves));
    }

    /** {@code SHA-256(0x00 || leaf)}. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = Hashing.sha256();
        digest.update((byte) 0x00);
        digest.update(leaf);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Hashing.sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private static byte[] subtree(byte[][] leafHashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHashes[from];
        }
        int k = Integer.highestOneBit(n - 1);
        return nodeHash(subtree(leafHashes, from, from + k), subtree(leafHashes, from + k, to));
    }
}
