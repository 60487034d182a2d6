package org.engagementledger.integrity;

/** Told how far a verification has got, e.g. to draw a progress line on a terminal. */
@FunctionalInterface
public interface VerificationProgress {

    /** Reports no progress. */
    VerificationProgress NONE = (checked, total, engagements) -> {
    };

    /**
     * Called every {@value LedgerVerifier#PROGRESS_EVERY} events and once at the end, on the verifying thread.
     *
     * @param eventsChecked      events checked so far
     * @param totalEvents        events to check, or -1 when unknown
     * @param engagementsChecked engagements started so far
     */
    void update(long eventsChecked, long totalEvents, long engagementsChecked);
}
