package org.engagementledger.integrity;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies an export {@link Bundle} offline, with exactly the rules of {@link LedgerVerifier} (the same
 * code): every event re-hashed from its stored bytes, every link, the digests' signatures, and the
 * engagements' heads against the digests.
 *
 * <p>Give the public key you obtained independently (from the ledger's operator, a publication, an
 * earlier audit). Without one, the key inside the bundle is used and the report notes it: that only
 * shows the bundle is consistent with itself, since whoever could rewrite the events could also have
 * replaced the key and re-signed.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    public static VerificationReport verify(Path bundle, PublicKey trustedKey, VerificationProgress progress) {
        return verify(Bundle.read(bundle), trustedKey, progress);
    }

    public static VerificationReport verify(Bundle bundle, PublicKey trustedKey, VerificationProgress progress) {
        List<String> notes = new ArrayList<>();
        PublicKey key = trustedKey;
        if (key == null && bundle.publicKey() != null) {
            key = KeyFiles.publicKeyFromBase64(bundle.publicKey());
            notes.add("the digests were checked with the public key inside the bundle (key id " + KeyFiles.keyId(key)
                    + "); compare this id with the key id the ledger's operator published, or pass a trusted public key");
        } else if (key != null && bundle.publicKey() != null
                && !KeyFiles.toBase64(key).equals(bundle.publicKey().replaceAll("\\s", ""))) {
            notes.add("the bundle carries another public key than the trusted one given; the trusted key was used");
        }
        VerificationRequest request = new VerificationRequest(bundle.engagementId(), bundle.digests(), key, progress,
                VerificationRequest.DEFAULT_FETCH_SIZE, VerificationRequest.DEFAULT_MAX_FINDINGS);
        return LedgerVerifier.verifyUnordered(bundle.events(), request, "bundle", notes);
    }
}
