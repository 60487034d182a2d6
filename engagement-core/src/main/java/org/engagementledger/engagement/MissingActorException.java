package org.engagementledger.engagement;

/** The command carried no actor, or an actor whose metadata is malformed. */
public final class MissingActorException extends CommandRefusedException {
    public MissingActorException(String message) {
        super("actor-required", message);
    }
}
