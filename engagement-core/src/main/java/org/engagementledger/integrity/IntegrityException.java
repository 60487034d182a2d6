package org.engagementledger.integrity;

/**
 * An integrity operation could not be carried out: the hash chain cannot be extended (its
 * predecessor carries no chain hash), a digest cannot be issued over a store whose heads do not
 * verify, a key or digest file is unreadable, or the database failed. Verification never throws this
 * for tampered data: it reports {@link Finding}s instead.
 */
public class IntegrityException extends RuntimeException {

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
