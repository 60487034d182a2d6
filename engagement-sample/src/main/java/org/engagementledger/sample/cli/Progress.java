package org.engagementledger.sample.cli;

import org.engagementledger.integrity.VerificationProgress;

import java.io.PrintWriter;

/** A progress line on stderr for long verifications, refreshed at most every half second. */
final class Progress implements VerificationProgress {

    private final PrintWriter err;
    private long lastPrinted;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(long eventsChecked, long totalEvents, long engagementsChecked) {
        long now = System.nanoTime();
        if (now - lastPrinted > 500_000_000L || eventsChecked == totalEvents) {
            lastPrinted = now;
            err.print("\rverified " + eventsChecked + (totalEvents > 0 ? " of " + totalEvents : "") + " events in "
                    + engagementsChecked + " engagements");
            if (eventsChecked == totalEvents) {
                err.println();
            }
            err.flush();
        }
    }
}
