package org.engagementledger.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.engagementledger.storage.LedgerJson;
import org.engagementledger.storage.LedgerSerializers;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The personal-data protection of one ledger: its key store, the cipher, and how to purge snapshots on
 * erasure. It makes the serializers that encrypt {@link org.engagementledger.api.PersonalData} fields
 * (see {@link PersonalDataModule}); give the same instance to every part of one ledger.
 */
public final class PersonalDataProtection {

    /** How long a key may be served from memory by default; see {@link JdbcPersonalDataKeys}. */
    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(30);

    private final PersonalDataKeys keys;
    private final PersonalDataCipher cipher;
    private final SnapshotPurge snapshots;

    private PersonalDataProtection(PersonalDataKeys keys, PersonalDataCipher cipher, SnapshotPurge snapshots) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    public static PersonalDataProtection of(PersonalDataKeys keys, PersonalDataCipher cipher, SnapshotPurge snapshots) {
        return new PersonalDataProtection(keys, cipher, snapshots);
    }

    /** Keys in memory only: for in-memory ledgers and tests (the keys, and so the personal data, die with the process). */
    public static PersonalDataProtection inMemory() {
        PersonalDataCipher cipher = new PersonalDataCipher();
        return new PersonalDataProtection(new InMemoryPersonalDataKeys(cipher), cipher, SnapshotPurge.NONE);
    }

    /**
     * Keys in the ledger's database ({@link JdbcPersonalDataKeys}); snapshots purged from Axon's snapshot table.
     *
     * @param transactional the connection of the current transaction (the ledger's {@code JdbcTransactionManager}, or Spring's)
     */
    public static PersonalDataProtection jdbc(DataSource dataSource, ConnectionProvider transactional, Duration keyCacheTtl) {
        PersonalDataCipher cipher = new PersonalDataCipher();
        return new PersonalDataProtection(new JdbcPersonalDataKeys(dataSource, transactional, cipher, keyCacheTtl, Clock.systemUTC()),
                cipher, SnapshotPurge.jdbc(transactional));
    }

    public PersonalDataKeys keys() {
        return keys;
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    public SnapshotPurge snapshots() {
        return snapshots;
    }

    /** The ledger's JSON form ({@link LedgerJson}) with personal fields encrypted. */
    public ObjectMapper objectMapper() {
        ObjectMapper mapper = LedgerJson.newObjectMapper();
        mapper.registerModule(new PersonalDataModule(keys, cipher));
        return mapper;
    }

    /** An Axon serializer for events, messages and snapshots: {@link LedgerSerializers} on {@link #objectMapper()}. */
    public JacksonSerializer serializer() {
        return LedgerSerializers.jackson(objectMapper());
    }

    /** True when {@code serializer} is a Jackson serializer that encrypts personal fields (has {@link PersonalDataModule}). */
    public static boolean protects(Serializer serializer) {
        return serializer instanceof JacksonSerializer jackson
                && jackson.getObjectMapper().getRegisteredModuleIds().contains(PersonalDataModule.class.getName());
    }
}
