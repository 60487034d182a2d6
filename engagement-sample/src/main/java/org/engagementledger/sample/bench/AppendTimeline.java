package org.engagementledger.sample.bench;

import java.util.Arrays;

/**
 * Timings of one target's measured appends, in the order they ran. For each append it keeps the
 * latency (the append call alone) and the service time (from the end of the previous append in the
 * same slice to the end of this one, so that client-side work between calls is counted in the rate).
 * Rates are appends per second of service time, so pauses while the other target runs its slice are
 * not counted.
 */
final class AppendTimeline {

    private static final double NANOS_PER_SECOND = 1e9;

    private final long[] latencyNanos;
    private final long[] serviceNanos;
    private int count;
    private long cpuNanos;

    AppendTimeline(int capacity) {
        latencyNanos = new long[capacity];
        serviceNanos = new long[capacity];
    }

    void record(long serviceTime, long latency) {
        serviceNanos[count] = serviceTime;
        latencyNanos[count] = latency;
        count++;
    }

    /** Adds CPU time the client thread spent on a slice of appends (JDBC driver, ledger, Axon; not the database). */
    void addCpu(long nanos) {
        cpuNanos = nanos < 0 || cpuNanos < 0 ? -1 : cpuNanos + nanos;
    }

    /** Client-thread CPU time per append in microseconds, or NaN when the JVM cannot measure thread CPU time. */
    double cpuMicrosPerAppend() {
        return count == 0 || cpuNanos < 0 ? Double.NaN : cpuNanos / 1e3 / count;
    }

    int count() {
        return count;
    }

    /** Appends per second over the whole measured run. */
    double rate() {
        return rate(0, count);
    }

    /** Appends per second over the first {@code fraction} of the appends (0.1 = the first 10 %). */
    double rateOfFirst(double fraction) {
        return rate(0, portion(fraction));
    }

    /** Appends per second over the last {@code fraction} of the appends. */
    double rateOfLast(double fraction) {
        return rate(count - portion(fraction), count);
    }

    /** The latency at quantile {@code q} (0.5 = median) in milliseconds, nearest-rank. */
    double latencyMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencyNanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    /** Appends per second over appends {@code from} (inclusive) to {@code to} (exclusive), in recording order. */
    double rateBetween(int from, int to) {
        return rate(from, to);
    }

    private int portion(double fraction) {
        return Math.max(1, (int) Math.round(count * fraction));
    }

    private double rate(int from, int to) {
        long nanos = 0;
        for (int i = from; i < to; i++) {
            nanos += serviceNanos[i];
        }
        return nanos == 0 ? Double.NaN : (to - from) * NANOS_PER_SECOND / nanos;
    }
}
