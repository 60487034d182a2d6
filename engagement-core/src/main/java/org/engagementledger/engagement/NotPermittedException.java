package org.engagementledger.engagement;

/** The actor's role or organisation may not issue this command. */
public final class NotPermittedException extends CommandRefusedException {
    public NotPermittedException(String message) {
        super("not-permitted", message);
    }
}
