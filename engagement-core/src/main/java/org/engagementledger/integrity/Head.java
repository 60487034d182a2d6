package org.engagementledger.integrity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An engagement's head: its newest event's sequence number and chain hash. A digest is a Merkle tree
 * over the heads of all engagements.
 *
 * @param engagementId the aggregate identifier
 * @param sequence     the newest event's sequence number
 * @param hash         that event's chain hash (64 lowercase hex digits)
 */
public record Head(String engagementId, long sequence, String hash) {

    public Head {
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * The Merkle leaf data: the RFC 8785 canonical JSON of
     * {@code {"engagementId":..., "hash":..., "sequence":"<decimal>"}} as UTF-8.
     */
    public byte[] leaf() {
        return CanonicalJson.canonicalBytes(toMap());
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("engagementId", engagementId);
        map.put("sequence", Long.toString(sequence));
        map.put("hash", hash);
        return map;
    }
}
