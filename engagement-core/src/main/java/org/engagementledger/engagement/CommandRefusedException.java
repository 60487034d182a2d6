package org.engagementledger.engagement;

/**
 * A command the engagement refused because of its state, the actor's role or a business rule
 * (shape errors are Jakarta validation errors instead). A refused command stores nothing. The
 * {@link #rule()} is a stable, kebab-case code that hosts can map to an error type.
 */
public abstract sealed class CommandRefusedException extends RuntimeException
        permits NotPermittedException, InvalidStateException, CeilingExceededException, RuleViolationException, MissingActorException {

    private final String rule;

    protected CommandRefusedException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** A stable code naming the rule that refused the command, e.g. {@code ceiling-exceeded}. */
    public String rule() {
        return rule;
    }
}
