package org.engagementledger.engagement;

import org.engagementledger.api.Money;

/** Recording the amount would take committed cost above the budget ceiling; the ceiling must be amended first. */
public final class CeilingExceededException extends CommandRefusedException {

    private final Money ceiling;
    private final Money committed;
    private final Money attempted;

    public CeilingExceededException(Money ceiling, Money committed, Money attempted) {
        super("ceiling-exceeded", "committed cost may not exceed the ceiling: ceiling " + ceiling + ", committed " + committed
                + ", attempted " + attempted + " (over by " + attempted.minus(ceiling.minus(committed))
                + "); amend the ceiling first");
        this.ceiling = ceiling;
        this.committed = committed;
        this.attempted = attempted;
    }

    public Money ceiling() {
        return ceiling;
    }

    public Money committed() {
        return committed;
    }

    public Money attempted() {
        return attempted;
    }
}
