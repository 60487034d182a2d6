package org.engagementledger.privacy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A personal value as stored: which key encrypted it, the random IV and the AES-GCM ciphertext (with its
 * 128-bit authentication tag at the end). Its JSON form, in place of the plain value, is
 * <pre>{"encryption":"AES-256-GCM","keyId":"&lt;uuid&gt;","iv":"&lt;base64&gt;","ciphertext":"&lt;base64&gt;"}</pre>
 * Nothing in it identifies the subject: the key id is random.
 */
public record EncryptedValue(UUID keyId, byte[] iv, byte[] ciphertext) {

    public static final String ENCRYPTION = "encryption";
    public static final String KEY_ID = "keyId";
    public static final String IV = "iv";
    public static final String CIPHERTEXT = "ciphertext";

    public EncryptedValue {
        Objects.requireNonNull(keyId, "keyId");
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public String ivBase64() {
        return Base64.getEncoder().encodeToString(iv);
    }

    public String ciphertextBase64() {
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    /**
     * Reads the stored JSON form; empty when it is not one (wrong algorithm, missing or malformed members),
     * which readers treat like a value they cannot decrypt.
     */
    public static Optional<EncryptedValue> fromJson(JsonNode node) {
        if (node == null || !node.isObject()
                || !PersonalDataCipher.ALGORITHM.equals(text(node, ENCRYPTION))) {
            return Optional.empty();
        }
        try {
            String keyId = text(node, KEY_ID);
            String iv = text(node, IV);
            String ciphertext = text(node, CIPHERTEXT);
            if (keyId == null || iv == null || ciphertext == null) {
                return Optional.empty();
            }
            return Optional.of(new EncryptedValue(UUID.fromString(keyId), Base64.getDecoder().decode(iv),
                    Base64.getDecoder().decode(ciphertext)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedValue that && keyId.equals(that.keyId) && Arrays.equals(iv, that.iv)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(iv), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "EncryptedValue[key " + keyId + ", " + ciphertext.length + " bytes]";
    }
}
