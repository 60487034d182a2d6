package org.engagementledger.sample.bench;

/**
 * One figure of a benchmark, measured for the ledger and for its plain-JDBC baseline in the same run.
 * {@code ratio} is always {@code ledger / baseline}, whatever the unit: for rates above 1 is better,
 * for latencies below 1 is better.
 *
 * @param name     stable, machine-friendly name, e.g. {@code append-1-client}
 * @param ledger   the ledger's figure
 * @param baseline the plain-JDBC figure for the same work
 * @param unit     e.g. {@code ops/s}, {@code ms}, {@code bytes}, {@code x}
 */
public record Measure(String name, double ledger, double baseline, String unit) {

    public Measure {
        if (name == null || name.isBlank() || unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a measure needs a name and a unit");
        }
    }

    /** ledger / baseline; NaN when the baseline is zero. */
    public double ratio() {
        return baseline == 0 ? Double.NaN : ledger / baseline;
    }
}
