package org.engagementledger.integrity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** RFC 9162 / RFC 6962 tree hashing, against the Certificate Transparency reference roots. */
class MerkleTreeTest {

    // The reference leaves and roots of the certificate-transparency project's merkle tree tests.
    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsOfTheReferenceTreesOfSizeZeroToEightMatchRfc6962() {
        for (int size = 0; size <= LEAVES.size(); size++) {
            List<byte[]> leaves = new ArrayList<>();
            LEAVES.subList(0, size).forEach(hex -> leaves.add(Hashing.unhex(hex)));
            assertEquals(ROOTS.get(size), MerkleTree.rootHex(leaves), "size " + size);
        }
    }

    @Test
    void leafAndNodeHashesUseTheZeroAndOnePrefixes() {
        byte[] a = "a".getBytes();
        byte[] b = "b".getBytes();
        assertEquals(Hashing.hex(Hashing.sha256(new byte[]{0, 'a'})), Hashing.hex(MerkleTree.leafHash(a)));
        byte[] node = new byte[65];
        node[0] = 1;
        System.arraycopy(MerkleTree.leafHash(a), 0, node, 1, 32);
        System.arraycopy(MerkleTree.leafHash(b), 0, node, 33, 32);
        assertEquals(Hashing.hex(Hashing.sha256(node)), MerkleTree.rootHex(List.of(a, b)));
    }

    @Test
    void aTreeOfFiveSplitsAfterTheLargestPowerOfTwoBelowFive() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leaves.add(new byte[]{(byte) i});
        }
        byte[] left = MerkleTree.root(leaves.subList(0, 4));
        byte[] right = MerkleTree.leafHash(leaves.get(4));
        assertEquals(Hashing.hex(MerkleTree.nodeHash(left, right)), MerkleTree.rootHex(leaves));
    }
}
