package org.engagementledger.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 and lowercase hex, the only hash and encoding the integrity format uses. */
public final class Hashing {

    /** The "previous hash" of the first event of every engagement, and of the first digest. */
    public static final String ZERO_HASH = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

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
        return sha256().digest(data);
    }

    public static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    /** SHA-256 over {@code tag} (UTF-8) followed by {@code data}: domain-separated hashing. */
    public static String taggedSha256Hex(String tag, byte[] data) {
        MessageDigest digest = sha256();
        digest.update(tag.getBytes(StandardCharsets.UTF_8));
        digest.update(data);
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
        return value != null && SHA256_HEX.matcher(value).matches();
    }
}
