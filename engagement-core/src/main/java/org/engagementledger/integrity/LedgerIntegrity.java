package org.engagementledger.integrity;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * Tamper evidence for a ledger database, in one place: the hash chain for writers, digests, verification
 * and export bundles. The tables come from the ledger's migrations ({@code LedgerSchema}, which a ledger
 * runs on start); nothing here migrates, so that verifying never writes.
 *
 * <h2>Wiring the chain into a ledger</h2>
 * Wrap the event storage engine with the engine's own event serializer:
 * <pre>{@code
 * configurer.registerComponent(EventStorageEngine.class, c -> LedgerIntegrity.chain(
 *         JdbcLedgerStorage.eventStorageEngine(tx, c.eventSerializer(), c.serializer(), c.upcasterChain(), gapTimeout),
 *         c.eventSerializer()));
 * // in memory: LedgerIntegrity.chain(new InMemoryEventStorageEngine(), c.eventSerializer())
 * }</pre>
 *
 * <h2>What an auditor's command line calls</h2>
 * <ul>
 *   <li>{@code keygen --out DIR}: {@link KeyFiles#generate(Path)};</li>
 *   <li>{@code digest --private-key FILE --out FILE}: {@code on(ds).issueDigest(KeyFiles.readSigningKey(key)).write(out)};</li>
 *   <li>{@code verify [--engagement ID] [--digest FILE --public-key FILE]}: {@code on(ds).verify(VerificationRequest.all()
 *       .forEngagement(id).againstDigest(Digest.read(file), KeyFiles.readPublicKey(key)).withProgress(...))};</li>
 *   <li>{@code verify --bundle FILE [--public-key FILE]}: {@link #verifyBundle(Path, PublicKey, VerificationProgress)};</li>
 *   <li>{@code export ID --format bundle --out FILE}: {@code on(ds).exportBundle(id, out)}.</li>
 * </ul>
 * Exit status: {@link VerificationReport#intact()} ? 0 : 1; an {@link IntegrityException} (unreadable file,
 * database error) is a usage or connection error.
 */
public final class LedgerIntegrity {

    private final DataSource dataSource;
    private final Clock clock;

    private LedgerIntegrity(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static LedgerIntegrity on(DataSource dataSource) {
        return new LedgerIntegrity(dataSource, Clock.systemUTC());
    }

    /** As {@link #on(DataSource)}, with the clock that dates digests and exports. */
    public static LedgerIntegrity on(DataSource dataSource, Clock clock) {
        return new LedgerIntegrity(dataSource, clock);
    }

    /** The hash-chain decorator: see {@link ChainedEventStorageEngine#wrap(EventStorageEngine, Serializer)}. */
    public static ChainedEventStorageEngine chain(EventStorageEngine engine, Serializer eventSerializer) {
        return ChainedEventStorageEngine.wrap(engine, eventSerializer);
    }

    /** Every engagement's head now, verified, in tree order (one SQL statement). */
    public List<Head> heads() {
        try (Connection connection = dataSource.getConnection()) {
            return LedgerHeads.read(connection);
        } catch (SQLException e) {
            throw new IntegrityException("cannot read the heads: " + e.getMessage(), e);
        }
    }

    /**
     * Issues a digest over every engagement's head, linked to the latest stored digest, signs it, stores
     * it and returns it (write it to a file with {@link Digest#write(Path)} and hand it over).
     *
     * @throws IntegrityException when a head does not verify, or another digest was issued at the same moment
     */
    public Digest issueDigest(KeyPair keys) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<DigestStore.StoredDigest> latest = DigestStore.latest(connection);
                List<Head> heads = LedgerHeads.read(connection);
                Digest digest = Digest.issue(heads, keys, clock.instant(),
                        latest.map(stored -> stored.digest().linkHash()).orElse(null));
                DigestStore.insert(connection, latest.map(stored -> stored.sequence() + 1).orElse(1L), digest, keys.getPublic());
                connection.commit();
                return digest;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IntegrityException("cannot issue a digest (if another digest was issued at the same moment, issue again): "
                    + e.getMessage(), e);
        }
    }

    /** The latest stored digest. */
    public Optional<Digest> latestDigest() {
        return latestStored().map(DigestStore.StoredDigest::digest);
    }

    /** Every stored digest, oldest first. */
    public List<Digest> digests() {
        return DigestStore.all(dataSource).stream().map(DigestStore.StoredDigest::digest).toList();
    }

    /** Verifies the stored events: see {@link LedgerVerifier}. */
    public VerificationReport verify(VerificationRequest request) {
        return LedgerVerifier.verify(dataSource, request);
    }

    /**
     * Exports one engagement (or, for {@code null}, the whole store) as a bundle, with the latest stored
     * digest and the public key that signed it.
     *
     * @throws IntegrityException when the engagement has no events, or the file exists
     */
    public void exportBundle(String engagementId, Path out) {
        Optional<DigestStore.StoredDigest> latest = latestStored();
        exportBundle(engagementId, out, latest.map(stored -> List.of(stored.digest())).orElse(List.of()),
                latest.map(DigestStore.StoredDigest::publicKey).orElse(null));
    }

    /** Exports a bundle with the given digests (oldest first) and public key ({@code null}: none). */
    public void exportBundle(String engagementId, Path out, List<Digest> digests, PublicKey publicKey) {
        try (Connection connection = dataSource.getConnection()) {
            EventRows.Settings settings = EventRows.readOnly(connection);
            try {
                if (engagementId != null && EventRows.count(connection, engagementId) == 0) {
                    throw new IntegrityException("the store holds no events of engagement " + engagementId);
                }
                writeBundle(connection, engagementId, out, digests, publicKey);
            } finally {
                EventRows.release(connection, settings);
            }
        } catch (SQLException e) {
            throw new IntegrityException("cannot read the event store: " + e.getMessage(), e);
        }
    }

    /** Verifies a bundle file offline: see {@link BundleVerifier}. */
    public static VerificationReport verifyBundle(Path bundle, PublicKey trustedKey, VerificationProgress progress) {
        return BundleVerifier.verify(bundle, trustedKey, progress);
    }

    private Optional<DigestStore.StoredDigest> latestStored() {
        try (Connection connection = dataSource.getConnection()) {
            return DigestStore.latest(connection);
        } catch (SQLException e) {
            throw new IntegrityException("cannot read the digests: " + e.getMessage(), e);
        }
    }

    private void writeBundle(Connection connection, String engagementId, Path out, List<Digest> digests, PublicKey key)
            throws SQLException {
        OutputStream stream;
        try {
            stream = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new IntegrityException("cannot create bundle file " + out + ": " + e, e);
        }
        boolean done = false;
        try (stream; Bundle.Writer writer = new Bundle.Writer(stream, formatInstant(clock.instant()), engagementId,
                key == null ? null : KeyFiles.toBase64(key), digests)) {
            EventRows.scan(connection, engagementId, VerificationRequest.DEFAULT_FETCH_SIZE, event -> {
                try {
                    writer.write(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            done = true;
        } catch (IOException | UncheckedIOException e) {
            throw new IntegrityException("cannot write bundle " + out + ": " + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // nothing more to clean up
                }
            }
        }
    }
}
