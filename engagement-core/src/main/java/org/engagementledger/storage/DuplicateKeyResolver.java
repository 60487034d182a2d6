package org.engagementledger.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

import java.sql.SQLException;

/**
 * Recognises a duplicate (aggregateIdentifier, sequenceNumber) key however the driver reports it, so
 * that a writer who lost a race gets Axon's retryable {@code ConcurrencyException} rather than a
 * generic storage error. Axon appends events as a JDBC batch; PostgreSQL and H2 then report the
 * violation inside a {@code BatchUpdateException}, whose cause chain or next-exception chain carries
 * SQLState {@value #UNIQUE_VIOLATION}, which Axon's default resolver does not look into.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    /** SQL standard "integrity constraint violation: unique" (PostgreSQL and H2 both use it). */
    public static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver fallback = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return fallback.isDuplicateKeyViolation(exception);
    }
}
