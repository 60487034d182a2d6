package org.engagementledger.sample.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (every thread: clients, event processors, JIT, GC; on H2 the database engine
 * too) and, when the PostgreSQL server runs on this machine, by all its processes (backends, WAL writer,
 * checkpointer): the part of a measure's cost that a rate alone does not show. The server's share is read
 * from {@code /proc} (Linux) and counts whatever the server does meanwhile, for whomever.
 */
final class CpuMeter {

    /** CPU consumed so far, in nanoseconds; {@code database} is -1 where it cannot be read. */
    record Reading(long jvm, long database) {

        /** The CPU consumed between {@code earlier} and this reading. */
        Reading since(Reading earlier) {
            return new Reading(jvm - earlier.jvm, database < 0 || earlier.database < 0 ? -1 : database - earlier.database);
        }

        Reading plus(Reading other) {
            return new Reading(jvm + other.jvm, database < 0 || other.database < 0 ? -1 : database + other.database);
        }
    }

    static final Reading ZERO = new Reading(0, 0);

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Path PROC = Path.of("/proc");

    private final boolean localPostgres;
    private final long nanosPerTick;

    private CpuMeter(boolean localPostgres, long nanosPerTick) {
        this.localPostgres = localPostgres;
        this.nanosPerTick = nanosPerTick;
    }

    /** A meter for a benchmark on {@code store} at {@code jdbcUrl}: the server is read only when it is PostgreSQL on this machine. */
    static CpuMeter forStore(String store, String jdbcUrl) {
        boolean local = "postgres".equals(store) && LOCAL_HOSTS.contains(host(jdbcUrl)) && Files.isReadable(PROC.resolve("self/stat"));
        // USER_HZ is 100 on every Linux architecture the JDK runs on; /proc/<pid>/stat counts in it
        return new CpuMeter(local, 10_000_000L);
    }

    /** Whether {@link Reading#database()} is measured. */
    boolean measuresDatabase() {
        return localPostgres;
    }

    Reading read() {
        return new Reading(jvmCpuNanos(), localPostgres ? postgresCpuNanos() : -1);
    }

    private static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** utime + stime of every process named postgres, in nanoseconds. */
    private long postgresCpuNanos() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    ticks += postgresTicks(process);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * nanosPerTick;
    }

    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !stat.substring(open + 1, close).startsWith("postgres")) {
                return 0;
            }
            // after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15
            String[] fields = stat.substring(close + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended while we looked
        }
    }

    private static String host(String jdbcUrl) {
        try {
            String host = URI.create(jdbcUrl.replaceFirst("^jdbc:", "")).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
