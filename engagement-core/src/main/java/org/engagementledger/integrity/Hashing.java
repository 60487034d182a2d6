package org.engagementledger.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lowercase hex, the only hash and encoding the integrity format uses. */
public final class Hashing {

    /** The "previous hash" of the first event of every engagement, and of the first digest. */
    public static final String ZERO_HASH = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread for the hashing helpers below: looking up a provider costs more than hashing a small event. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Hashing::sha256);

    private Hashing() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        return DIGEST.get().digest(data); // digest() resets it for the next use
    }

    public static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    /** SHA-256 over {@code tag} (UTF-8) followed by {@code data}: domain-separated hashing. */
    public static String taggedSha256Hex(String tag, byte[] data) {
        return taggedSha256Hex(tag.getBytes(StandardCharsets.UTF_8), data);
    }

    /** {@link #taggedSha256Hex(String, byte[])} with the tag already encoded. */
    static String taggedSha256Hex(byte[] tag, byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.update(tag);
        digest.update(data);
        return hex(digest.digest());
    }

    /** SHA-256 (hex) of {@code length} bytes of {@code data} from 0, followed by the byte {@code last}. */
    static String sha256Hex(byte[] data, int length, byte last) {
        MessageDigest digest = DIGEST.get();
        digest.update(data, 0, length);
        digest.update(last);
        return hex(digest.digest());
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** True for exactly 64 lowercase hex digits. */
    public static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
