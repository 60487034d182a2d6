package org.engagementledger.sample.bench;

/**
 * Something that appends one record per call, each in its own transaction: the ledger (one command)
 * or the plain-JDBC baseline (one row). The benchmark drives every target through the same timed
 * loop, so both sides are measured the same way.
 */
interface AppendTarget {

    /** Short name used in progress output, e.g. {@code ledger}. */
    String name();

    /**
     * Appends the {@code index}-th record (counting warm-up appends too); index {@code i} goes to
     * stream {@code i % streams}, round-robin.
     */
    void append(long index) throws Exception;
}
