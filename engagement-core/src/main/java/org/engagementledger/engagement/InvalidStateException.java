package org.engagementledger.engagement;

/** The engagement, or one of its entities, is not in a state that allows the command. */
public final class InvalidStateException extends CommandRefusedException {
    public InvalidStateException(String message) {
        super("invalid-state", message);
    }
}
