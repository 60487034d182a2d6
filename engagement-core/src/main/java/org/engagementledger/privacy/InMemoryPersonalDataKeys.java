package org.engagementledger.privacy;

import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;

import javax.crypto.SecretKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keys held in memory only, for in-memory ledgers and tests: they die with the process, and with them
 * every personal value they encrypted. Not transactional: {@link #destroy} takes effect at once.
 */
public final class InMemoryPersonalDataKeys implements PersonalDataKeys {

    private final PersonalDataCipher cipher;
    private final Map<DataSubjectId, SubjectKey> current = new HashMap<>();
    private final Map<UUID, SubjectKey> byId = new HashMap<>();
    private final Map<DataSubjectId, Set<EngagementId>> uses = new HashMap<>();

    public InMemoryPersonalDataKeys(PersonalDataCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    public InMemoryPersonalDataKeys() {
        this(new PersonalDataCipher());
    }

    @Override
    public synchronized SubjectKey keyForWriting(DataSubjectId subject, EngagementId engagement) {
        Objects.requireNonNull(subject, "subject");
        SubjectKey key = current.computeIfAbsent(subject, s -> {
            SubjectKey created = new SubjectKey(cipher.newKeyId(), s, cipher.newKey());
            byId.put(created.keyId(), created);
            return created;
        });
        if (engagement != null) {
            uses.computeIfAbsent(subject, s -> new LinkedHashSet<>()).add(engagement);
        }
        return key;
    }

    @Override
    public synchronized Optional<SecretKey> keyForReading(UUID keyId) {
        return Optional.ofNullable(byId.get(keyId)).map(SubjectKey::key);
    }

    @Override
    public synchronized List<EngagementId> engagementsOf(DataSubjectId subject) {
        return uses.getOrDefault(subject, Set.of()).stream().sorted(Comparator.comparing(EngagementId::value)).toList();
    }

    @Override
    public synchronized List<UUID> destroy(DataSubjectId subject) {
        SubjectKey key = current.remove(subject);
        if (key == null) {
            return List.of();
        }
        byId.remove(key.keyId());
        return List.of(key.keyId());
    }
}
