package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-256-GCM from the JDK, as the ledger uses it for personal values: fresh IVs, authenticated, failing closed. */
class PersonalDataCipherTest {

    private static final DataSubjectId SUBJECT = DataSubjectId.of("subject-1");
    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final SubjectKey key = new SubjectKey(cipher.newKeyId(), SUBJECT, cipher.newKey());

    @Test
    void aValueDecryptsUnderItsKeyToTheSameText() {
        EncryptedValue value = cipher.encrypt(key, "Ålesund, +47 000 00 000 — «quoted»");
        assertEquals(Optional.of("Ålesund, +47 000 00 000 — «quoted»"), cipher.decrypt(value, key.key()));
        assertEquals(key.keyId(), value.keyId());
    }

    @Test
    void everyValueGetsAFreshTwelveByteIvSoEqualTextsLookDifferent() {
        EncryptedValue first = cipher.encrypt(key, "Robin Example");
        EncryptedValue second = cipher.encrypt(key, "Robin Example");
        assertEquals(12, first.iv().length);
        assertFalse(Arrays.equals(first.iv(), second.iv()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
        // 13 bytes of text plus the 16-byte authentication tag
        assertEquals(13 + 16, first.ciphertext().length);
    }

    @Test
    void keysAre256BitAesAndKeyIdsAreRandomVersion4Uuids() {
        SecretKey aes = cipher.newKey();
        assertEquals("AES", aes.getAlgorithm());
        assertEquals(32, aes.getEncoded().length);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            UUID id = cipher.newKeyId();
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
            ids.add(id);
        }
        assertEquals(100, ids.size());
        assertThrows(IllegalArgumentException.class, () -> PersonalDataCipher.key(new byte[16]));
    }

    @Test
    void aWrongKeyYieldsNothingNeverAGarbledText() {
        EncryptedValue value = cipher.encrypt(key, "Robin Example");
        assertEquals(Optional.empty(), cipher.decrypt(value, cipher.newKey()));
    }

    @Test
    void aChangedCiphertextOrIvYieldsNothing() {
        EncryptedValue value = cipher.encrypt(key, "Robin Example");
        byte[] ciphertext = value.ciphertext();
        ciphertext[0] ^= 1;
        assertEquals(Optional.empty(), cipher.decrypt(new EncryptedValue(value.keyId(), value.iv(), ciphertext), key.key()));
        byte[] iv = value.iv();
        iv[11] ^= 1;
        assertEquals(Optional.empty(), cipher.decrypt(new EncryptedValue(value.keyId(), iv, value.ciphertext()), key.key()));
        assertEquals(Optional.empty(), cipher.decrypt(new EncryptedValue(value.keyId(), new byte[5], value.ciphertext()), key.key()));
        assertEquals(Optional.empty(), cipher.decrypt(new EncryptedValue(value.keyId(), value.iv(), new byte[3]), key.key()));
    }

    @Test
    void aValueRelabelledWithAnotherKeyIdDoesNotDecryptEvenUnderTheRightKeyMaterial() {
        EncryptedValue value = cipher.encrypt(key, "Robin Example");
        EncryptedValue relabelled = new EncryptedValue(UUID.randomUUID(), value.iv(), value.ciphertext());
        assertEquals(Optional.empty(), cipher.decrypt(relabelled, key.key()));
    }

    @Test
    void theStoredFormNamesTheAlgorithmKeyIvAndCiphertextAndReadsBack() throws Exception {
        EncryptedValue value = cipher.encrypt(key, "Robin Example");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("encryption", "AES-256-GCM").put("keyId", value.keyId().toString())
                .put("iv", value.ivBase64()).put("ciphertext", value.ciphertextBase64());
        EncryptedValue read = EncryptedValue.fromJson(json).orElseThrow();
        assertEquals(value, read);
        assertArrayEquals(value.iv(), read.iv());
        assertTrue(EncryptedValue.fromJson(json.deepCopy().put("encryption", "ROT13")).isEmpty());
        assertTrue(EncryptedValue.fromJson(json.deepCopy().put("keyId", "not-a-uuid")).isEmpty());
        assertTrue(EncryptedValue.fromJson(json.deepCopy().put("iv", "%%%")).isEmpty());
        assertTrue(EncryptedValue.fromJson(json.deepCopy().remove(java.util.List.of("ciphertext"))).isEmpty());
        assertFalse(value.toString().contains("Robin"), "toString shows no plaintext");
    }
}
