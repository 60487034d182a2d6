package org.engagementledger.privacy;

/**
 * The key store could not be reached or read. Never means "no key": a read that fails this way stops
 * (and is retried, e.g. by a read model) rather than showing the replacement value, so that an outage
 * is never mistaken for an erasure.
 */
public class PersonalDataKeysException extends RuntimeException {

    public PersonalDataKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
