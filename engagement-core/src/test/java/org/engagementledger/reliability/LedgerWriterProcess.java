package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.config.LedgerSettings;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * The child JVM of {@link CrashRecoveryTest}: writes to a ledger as fast as it can until it is killed,
 * and prints {@code ACK <command id> END} on standard output, flushed, after each command the ledger
 * acknowledged (that is, after {@code send} returned). Nothing else goes to standard output.
 *
 * <p>Arguments: JDBC url, user, password, run tag, number of writer threads (each writes to its own
 * engagement, {@code CRASH-0}, {@code CRASH-1}, ...), snapshot threshold. Engagements that do not exist
 * yet are commissioned and activated first. Bounded: each writer stops after {@value #MAX_COMMANDS}
 * commands or {@value #MAX_SECONDS} seconds, whichever comes first, in case nobody kills it.
 */
public final class LedgerWriterProcess {

    static final int MAX_COMMANDS = 20_000;
    static final int MAX_SECONDS = 120;

    private LedgerWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        String run = args[3];
        int writers = Integer.parseInt(args[4]);
        int snapshotThreshold = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(writers + 2);
        HikariDataSource dataSource = new HikariDataSource(config);
        EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource)
                .settings(LedgerSettings.DEFAULTS.withSnapshotThreshold(snapshotThreshold)).build();
        for (int w = 0; w < writers; w++) {
            EngagementId id = engagement(w);
            if (!ledger.exists(id)) {
                ledger.send(commission(id), BUYER_OFFICIAL);
                ledger.send(new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
            }
        }
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            EngagementId id = engagement(w);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < MAX_COMMANDS && System.nanoTime() < deadline; i++) {
                    String commandId = id.value() + "/" + run + "/" + i;
                    ledger.send(new LogTime(id, "Consultant", "Data scientist", day("2026-02-03"), BigDecimal.ONE, eur("1.00"),
                            CostCategory.DELIVERY, null, commandId), CONSULTANT);
                    synchronized (out) {
                        out.println("ACK " + commandId + " END");
                        out.flush();
                    }
                }
            }, "writer-" + w);
            writer.start();
            threads.add(writer);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        ledger.close();
        dataSource.close();
    }

    static EngagementId engagement(int writer) {
        return EngagementId.of("CRASH-" + writer);
    }
}
