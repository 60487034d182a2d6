package org.engagementledger.reliability;

import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.engagement.TimeLogged;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the reliability tests share: the heavy-mode flag and the checks every one of them ends with
 * (gapless sequences, a chain that verifies, the number of stored events).
 *
 * <p>Heavy mode ({@code -Dreliability.heavy=true} or {@code RELIABILITY_HEAVY=true}) runs the same tests
 * with far more threads' commands, crash cycles and generated commands; the default sizes keep the suite
 * fast.
 */
final class Reliability {

    /** True when the heavy variants are asked for. */
    static final boolean HEAVY = Boolean.getBoolean("reliability.heavy")
            || "true".equalsIgnoreCase(System.getenv("RELIABILITY_HEAVY"));

    /** The fixed seed of the default jqwik properties, so that the default suite is deterministic. */
    static final String SEED = "20261123";

    private Reliability() {
    }

    /** {@code normal} by default, {@code heavy} in heavy mode. */
    static int scaled(int normal, int heavy) {
        return HEAVY ? heavy : normal;
    }

    /** How many events the store holds, all engagements together (snapshots not counted). */
    static long storedEvents(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the stored events", e);
        }
    }

    /** The history's sequence numbers are exactly 0, 1, ..., n-1. */
    static void assertGapless(List<RecordedEvent> history) {
        assertEquals(LongStream.range(0, history.size()).boxed().toList(),
                history.stream().map(RecordedEvent::sequence).toList(), "sequence numbers must run 0..n-1 without gaps");
    }

    /** The verifier recomputes every stored hash and link and finds nothing; it checked {@code events} events. */
    static void assertChainVerifies(DataSource dataSource, long events) {
        VerificationReport report = LedgerIntegrity.on(dataSource).verify(VerificationRequest.all());
        assertTrue(report.intact(), report::toText);
        assertEquals(events, report.eventsChecked(), report::toText);
    }

    /** The descriptions of the time entries in a history, in order: the tests use them as command ids. */
    static List<String> timeEntries(List<RecordedEvent> history) {
        return history.stream()
                .filter(e -> e.event() instanceof TimeLogged)
                .map(e -> ((TimeLogged) e.event()).description())
                .toList();
    }
}
