package org.engagementledger.storage;

/** A storage operation failed (connection, commit, schema). Nothing of the failed transaction was stored. */
public class JdbcStorageException extends RuntimeException {
    public JdbcStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
