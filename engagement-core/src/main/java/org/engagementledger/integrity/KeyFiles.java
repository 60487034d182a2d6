package org.engagementledger.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for signing digests (the JDK's own provider, no extra library) and their files.
 *
 * <ul>
 *   <li>The <b>signing key file</b> ({@value #SIGNING_KEY_FILE}, owner-only permissions where the file
 *       system has them) holds two PEM blocks: {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY}
 *       (X.509 SubjectPublicKeyInfo). The public half is kept beside the private one because the JDK
 *       cannot derive it, and a digest names the key that signed it.</li>
 *   <li>The <b>public key file</b> ({@value #PUBLIC_KEY_FILE}) holds the {@code PUBLIC KEY} block only:
 *       hand it to auditors.</li>
 * </ul>
 * Readers also accept a bare base64 DER key. A key's id ({@link #keyId}) is the lowercase hex SHA-256
 * of its X.509 encoding, e.g. as printed by
 * {@code openssl pkey -pubin -in public-key.pem -outform DER | sha256sum}.
 */
public final class KeyFiles {

    public static final String SIGNING_KEY_FILE = "digest-signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "digest-public-key.pem";
    public static final String ALGORITHM = "Ed25519";

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private KeyFiles() {
    }

    /** Where {@link #generate(Path)} wrote a new key pair. */
    public record GeneratedKeys(Path signingKey, Path publicKey, String keyId) {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("this Java runtime has no Ed25519", e);
        }
    }

    /**
     * Generates a key pair into a directory (created if missing): {@value #SIGNING_KEY_FILE} and
     * {@value #PUBLIC_KEY_FILE}. Existing files are never overwritten.
     */
    public static GeneratedKeys generate(Path directory) {
        KeyPair keys = newKeyPair();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IntegrityException("cannot create " + directory, e);
        }
        Path signing = directory.resolve(SIGNING_KEY_FILE);
        Path pub = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(signing) || Files.exists(pub)) {
            throw new IntegrityException("refusing to overwrite existing keys in " + directory);
        }
        writeSigningKey(keys, signing);
        writePublicKey(keys.getPublic(), pub);
        return new GeneratedKeys(signing, pub, keyId(keys.getPublic()));
    }

    /** Writes both halves to a new file readable by its owner only (where the file system supports it). */
    public static void writeSigningKey(KeyPair keys, Path file) {
        requireEd25519(keys.getPublic());
        String text = pem("PRIVATE KEY", keys.getPrivate().getEncoded()) + pem("PUBLIC KEY", keys.getPublic().getEncoded());
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IntegrityException("refusing to overwrite " + file, e);
        } catch (IOException e) {
            throw new IntegrityException("cannot write " + file, e);
        }
    }

    public static void writePublicKey(PublicKey key, Path file) {
        requireEd25519(key);
        try {
            Files.writeString(file, pem("PUBLIC KEY", key.getEncoded()), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new IntegrityException("refusing to overwrite " + file, e);
        } catch (IOException e) {
            throw new IntegrityException("cannot write " + file, e);
        }
    }

    /** Reads a signing key file, checking that its two halves belong together. */
    public static KeyPair readSigningKey(Path file) {
        String text = read(file);
        byte[] privateDer = block(text, "PRIVATE KEY");
        byte[] publicDer = block(text, "PUBLIC KEY");
        if (privateDer == null || publicDer == null) {
            throw new IntegrityException(file + " is not a signing key file: it needs a PRIVATE KEY and a PUBLIC KEY PEM block");
        }
        KeyPair keys = new KeyPair(publicKey(publicDer), privateKey(privateDer));
        if (!belongTogether(keys)) {
            throw new IntegrityException(file + ": its private and public keys do not belong together");
        }
        return keys;
    }

    /** Reads a public key: the {@code PUBLIC KEY} PEM block of a file (a signing key file will do), or bare base64. */
    public static PublicKey readPublicKey(Path file) {
        String text = read(file);
        byte[] der = block(text, "PUBLIC KEY");
        if (der == null) {
            if (text.contains("-----BEGIN")) {
                throw new IntegrityException(file + " holds no PUBLIC KEY PEM block");
            }
            return publicKeyFromBase64(text.strip());
        }
        return publicKey(der);
    }

    /** A public key from base64 (standard alphabet) of its X.509 encoding. */
    public static PublicKey publicKeyFromBase64(String base64) {
        try {
            return publicKey(Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("not a base64 public key", e);
        }
    }

    /** Base64 (standard alphabet) of the key's X.509 encoding. */
    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The key id: lowercase hex SHA-256 of the public key's X.509 (SubjectPublicKeyInfo) encoding. */
    public static String keyId(PublicKey key) {
        return Hashing.sha256Hex(key.getEncoded());
    }

    private static boolean belongTogether(KeyPair keys) {
        try {
            byte[] probe = "engagement-ledger/key-check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.getPublic());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey publicKey(byte[] der) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            requireEd25519(key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("not an Ed25519 public key", e);
        }
    }

    private static PrivateKey privateKey(byte[] der) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("not an Ed25519 private key", e);
        }
    }

    static void requireEd25519(PublicKey key) {
        if (!(key instanceof EdECKey edec) || !ALGORITHM.equalsIgnoreCase(edec.getParams().getName())) {
            throw new IntegrityException("digest keys must be Ed25519, not " + key.getAlgorithm());
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] block(String text, String label) {
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                return Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            }
        }
        return null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IntegrityException("cannot read key file " + file, e);
        }
    }
}
