package org.engagementledger.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;

import static org.junit.jupiter.api.Assertions.*;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void keygenWritesASigningKeyOnlyItsOwnerCanReadAndAPublicKeyForAuditors() throws Exception {
        KeyFiles.GeneratedKeys keys = KeyFiles.generate(dir.resolve("keys"));

        KeyPair pair = KeyFiles.readSigningKey(keys.signingKey());
        PublicKey published = KeyFiles.readPublicKey(keys.publicKey());
        assertEquals(pair.getPublic(), published);
        assertEquals(keys.keyId(), KeyFiles.keyId(published));
        assertTrue(Files.readString(keys.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertFalse(Files.readString(keys.publicKey()).contains("PRIVATE"));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.signingKey())));
        }
    }

    @Test
    void keygenNeverOverwritesExistingKeys() {
        KeyFiles.generate(dir);
        assertThrows(IntegrityException.class, () -> KeyFiles.generate(dir));
    }

    @Test
    void aPublicKeyIsAlsoReadFromBareBase64AndFromTheSigningKeyFile() throws Exception {
        KeyFiles.GeneratedKeys keys = KeyFiles.generate(dir);
        PublicKey key = KeyFiles.readPublicKey(keys.publicKey());
        Path bare = dir.resolve("bare.txt");
        Files.writeString(bare, KeyFiles.toBase64(key) + "\n");

        assertEquals(key, KeyFiles.readPublicKey(bare));
        assertEquals(key, KeyFiles.readPublicKey(keys.signingKey()));
        // the key id is SHA-256 of the DER SubjectPublicKeyInfo, as `openssl pkey -pubin -outform DER | sha256sum` prints
        assertEquals(Hashing.sha256Hex(java.util.Base64.getDecoder().decode(KeyFiles.toBase64(key))), keys.keyId());
    }

    @Test
    void aSigningKeyFileWhoseHalvesDoNotBelongTogetherIsRefused() throws Exception {
        KeyFiles.GeneratedKeys first = KeyFiles.generate(dir.resolve("a"));
        KeyFiles.GeneratedKeys second = KeyFiles.generate(dir.resolve("b"));
        String privateBlock = Files.readString(first.signingKey()).split("(?=-----BEGIN PUBLIC KEY)")[0];
        Path mixed = dir.resolve("mixed.pem");
        Files.writeString(mixed, privateBlock + Files.readString(second.publicKey()));

        assertThrows(IntegrityException.class, () -> KeyFiles.readSigningKey(mixed));
    }

    @Test
    void onlyEd25519KeysAreAccepted() throws Exception {
        PublicKey ec = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        assertThrows(IntegrityException.class, () -> KeyFiles.publicKeyFromBase64(java.util.Base64.getEncoder().encodeToString(ec.getEncoded())));
    }
}
