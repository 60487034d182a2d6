package org.engagementledger.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * AES-256-GCM from the JDK ({@code AES/GCM/NoPadding}) for personal values: a fresh random 96-bit IV per
 * value, a 128-bit tag, and as associated data a fixed tag plus the key id, so a value only decrypts
 * under the key it names. Decryption fails closed: any failure (a wrong or damaged key, a changed IV or
 * ciphertext) gives no plaintext at all, never a partial or garbled one.
 *
 * <p>Random IVs are safe for far more values per key than one data subject ever has (NIST SP 800-38D
 * allows 2^32 per key).
 */
public final class PersonalDataCipher {

    /** The algorithm named in every stored value. */
    public static final String ALGORITHM = "AES-256-GCM";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] AAD_TAG = "engagement-ledger/personal-data/v1\0".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random;

    /** A cipher drawing keys, key ids and IVs from {@code random} (a {@link SecureRandom}; tests may pin it). */
    public PersonalDataCipher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public PersonalDataCipher() {
        this(new SecureRandom());
    }

    /** A new random 256-bit AES key. */
    public SecretKey newKey() {
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        return key(material);
    }

    /** A new random (version 4) key id. */
    public UUID newKeyId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** An AES key from its 32 bytes of material. */
    public static SecretKey key(byte[] material) {
        if (material == null || material.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, was "
                    + (material == null ? "null" : material.length));
        }
        return new SecretKeySpec(material, "AES");
    }

    public EncryptedValue encrypt(SubjectKey key, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(key.keyId()));
            return new EncryptedValue(key.keyId(), iv, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java platform; failing here means a broken runtime, not bad data
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        }
    }

    /** The plaintext, or empty when {@code key} does not decrypt {@code value} (wrong key, damaged value). */
    public Optional<String> decrypt(EncryptedValue value, SecretKey key) {
        if (value.iv().length != IV_BYTES || value.ciphertext().length < TAG_BITS / 8 || key == null) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value.iv()));
            cipher.updateAAD(associatedData(value.keyId()));
            return Optional.of(new String(cipher.doFinal(value.ciphertext()), StandardCharsets.UTF_8));
        } catch (AEADBadTagException wrongKeyOrDamaged) {
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException unusable) {
            // e.g. a key of the wrong length, or a provider refusing the input: never plaintext, never a crash
            return Optional.empty();
        }
    }

    private static byte[] associatedData(UUID keyId) {
        byte[] id = keyId.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] aad = new byte[AAD_TAG.length + id.length];
        System.arraycopy(AAD_TAG, 0, aad, 0, AAD_TAG.length);
        System.arraycopy(id, 0, aad, AAD_TAG.length, id.length);
        return aad;
    }
}
