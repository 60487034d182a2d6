package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;

import javax.crypto.SecretKey;
import java.util.Objects;
import java.util.UUID;

/**
 * One data subject's AES-256 key and its random id. The id is what encrypted values carry; it says
 * nothing about the subject. {@link #toString()} never shows the key material.
 */
public record SubjectKey(UUID keyId, DataSubjectId subject, SecretKey key) {

    public SubjectKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "SubjectKey[" + keyId + " of " + subject + "]";
    }
}
