package org.engagementledger.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * A signed checkpoint of the whole ledger: the heads of all engagements at one moment, their Merkle
 * root ({@link MerkleTree}, leaves = {@link Head#leaf()} sorted by engagement id in UTF-16 code-unit
 * order, i.e. {@link String#compareTo}), signed with Ed25519 and linked to the digest issued before it.
 *
 * <p>The <b>signed content</b> is the RFC 8785 canonical JSON of
 * <pre>
 * {"formatVersion":"1", "keyId":..., "issuedAt":..., "previousDigestHash":..., "size":"&lt;decimal&gt;",
 *  "root":..., "heads":[{"engagementId":..., "sequence":"&lt;decimal&gt;", "hash":...}, ...]}
 * </pre>
 * (keys sorted by the canonicalization); the signature is Ed25519 over
 * {@code UTF-8("engagement-ledger/digest-signature/v1\0") || UTF-8(signed content)}, base64. The digest's
 * <b>link hash</b>, which the next digest carries as {@code previousDigestHash}, is
 * {@code hex(SHA-256(UTF-8("engagement-ledger/digest/v1\0") || UTF-8(canonical JSON with "signature")))};
 * the first digest's {@code previousDigestHash} is 64 zeros. {@code keyId} is {@link KeyFiles#keyId}.
 *
 * <p>Engagement ids and head hashes are in the digest so that a verifier can say which engagement
 * differs; they are not personal data.
 */
public record Digest(String formatVersion, String keyId, String issuedAt, String previousDigestHash, long size,
                     String root, List<Head> heads, String signature) {

    public static final String FORMAT_VERSION = "1";
    public static final String SIGNATURE_TAG = "engagement-ledger/digest-signature/v1\0";
    public static final String LINK_TAG = "engagement-ledger/digest/v1\0";

    public Digest {
        heads = List.copyOf(heads);
    }

    /** Orders heads as the Merkle tree does: by engagement id, UTF-16 code units. */
    public static final Comparator<Head> TREE_ORDER = Comparator.comparing(Head::engagementId);

    /**
     * Builds and signs a digest over these heads (any order; one per engagement).
     *
     * @param previousDigestHash the previous digest's {@link #linkHash()}, or {@code null} for the first
     */
    public static Digest issue(List<Head> heads, KeyPair keys, Instant issuedAt, String previousDigestHash) {
        KeyFiles.requireEd25519(keys.getPublic());
        List<Head> sorted = new ArrayList<>(heads);
        sorted.sort(TREE_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).engagementId().equals(sorted.get(i - 1).engagementId())) {
                throw new IllegalArgumentException("two heads for engagement " + sorted.get(i).engagementId());
            }
        }
        String previous = previousDigestHash == null ? Hashing.ZERO_HASH : previousDigestHash;
        Digest unsigned = new Digest(FORMAT_VERSION, KeyFiles.keyId(keys.getPublic()), formatInstant(issuedAt), previous,
                sorted.size(), rootOf(sorted), sorted, null);
        try {
            Signature signer = Signature.getInstance(KeyFiles.ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(unsigned.signedBytes());
            return unsigned.withSignature(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("cannot sign the digest", e);
        }
    }

    /** The Merkle root (hex) of heads already in {@link #TREE_ORDER}. */
    public static String rootOf(List<Head> sortedHeads) {
        return MerkleTree.rootHex(sortedHeads.stream().map(Head::leaf).toList());
    }

    public Digest withSignature(String newSignature) {
        return new Digest(formatVersion, keyId, issuedAt, previousDigestHash, size, root, heads, newSignature);
    }

    /** The canonical JSON that is signed (everything but the signature). */
    public String signedContent() {
        return CanonicalJson.canonicalizeValue(toMap(false));
    }

    /** The canonical JSON of the whole digest, signature included. */
    public String canonicalJson() {
        return CanonicalJson.canonicalizeValue(toMap(true));
    }

    /** The hash the next digest links to. */
    public String linkHash() {
        return Hashing.taggedSha256Hex(LINK_TAG, canonicalJson().getBytes(StandardCharsets.UTF_8));
    }

    /** True when {@code key} is the key this digest names and its signature over the content verifies. */
    public boolean signatureValid(PublicKey key) {
        if (signature == null || !KeyFiles.keyId(key).equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(KeyFiles.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes());
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the heads are in tree order, one per engagement, {@code size} counts them and they reproduce {@code root}. */
    public boolean headsMatchRoot() {
        for (int i = 1; i < heads.size(); i++) {
            if (TREE_ORDER.compare(heads.get(i - 1), heads.get(i)) >= 0) {
                return false;
            }
        }
        return size == heads.size() && rootOf(heads).equals(root);
    }

    /** The digest as a human-readable JSON document (the export file format). */
    public String toJson() {
        try {
            return IntegrityJson.PRETTY.writeValueAsString(toMap(true)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #toJson()} to a new file. */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new IntegrityException("cannot write digest file " + file + ": " + e, e);
        }
    }

    public static Digest read(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IntegrityException("cannot read digest file " + file, e);
        }
    }

    /** Reads a digest from its JSON form (pretty or canonical). */
    public static Digest fromJson(String json) {
        JsonNode node;
        try {
            node = IntegrityJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IntegrityException("not a digest: invalid JSON (" + e.getMessage() + ")", e);
        }
        return fromNode(node);
    }

    static Digest fromNode(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            throw new IntegrityException("not a digest: not a JSON object");
        }
        List<Head> heads = new ArrayList<>();
        JsonNode headNodes = object.get("heads");
        if (!(headNodes instanceof ArrayNode array)) {
            throw new IntegrityException("not a digest: no heads array");
        }
        for (JsonNode head : array) {
            heads.add(new Head(required(head, "engagementId"), number(head, "sequence"), required(head, "hash")));
        }
        JsonNode signature = object.get("signature");
        return new Digest(required(object, "formatVersion"), required(object, "keyId"), required(object, "issuedAt"),
                required(object, "previousDigestHash"), number(object, "size"), required(object, "root"), heads,
                signature == null || signature.isNull() ? null : signature.asText());
    }

    Map<String, Object> toMap(boolean withSignature) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("formatVersion", formatVersion);
        map.put("keyId", keyId);
        map.put("issuedAt", issuedAt);
        map.put("previousDigestHash", previousDigestHash);
        map.put("size", Long.toString(size));
        map.put("root", root);
        if (withSignature) {
            map.put("signature", signature);
        }
        map.put("heads", heads.stream().map(Head::toMap).toList());
        return map;
    }

    private byte[] signedBytes() {
        byte[] tag = SIGNATURE_TAG.getBytes(StandardCharsets.UTF_8);
        byte[] content = signedContent().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[tag.length + content.length];
        System.arraycopy(tag, 0, bytes, 0, tag.length);
        System.arraycopy(content, 0, bytes, tag.length, content.length);
        return bytes;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IntegrityException("not a digest: '" + field + "' is missing or not a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode node, String field) {
        String text = required(node, field);
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && Long.toString(value).equals(text)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IntegrityException("not a digest: '" + field + "' is not a plain decimal number: " + text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Digest digest && canonicalJson().equals(digest.canonicalJson());
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, signature, issuedAt);
    }
}
