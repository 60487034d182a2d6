package org.engagementledger.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Reproducible encryption for tests that pin the stored form (approval files): keys, key ids and IVs come
 * from a counter-mode SHA-256 stream over a fixed seed instead of real randomness. Never for production,
 * where a repeated IV under one key would break AES-GCM.
 */
public final class PinnedEncryption {

    private PinnedEncryption() {
    }

    /** A protection whose first key, key id and IVs are always the same for the same seed and call order. */
    public static PersonalDataProtection protection(String seed) {
        PersonalDataCipher cipher = new PersonalDataCipher(new PinnedRandom(seed));
        return PersonalDataProtection.of(new InMemoryPersonalDataKeys(cipher), cipher, SnapshotPurge.NONE);
    }

    static final class PinnedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private long counter;

        PinnedRandom(String seed) {
            this.seed = seed.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            int filled = 0;
            while (filled < bytes.length) {
                byte[] block = block(counter++);
                int n = Math.min(block.length, bytes.length - filled);
                System.arraycopy(block, 0, bytes, filled, n);
                filled += n;
            }
        }

        private byte[] block(long index) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(seed);
                sha256.update(Long.toString(index).getBytes(StandardCharsets.US_ASCII));
                return sha256.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
