package org.engagementledger.engagement;

/** The command breaks a business rule other than roles, state and the ceiling (period, currency, references, ...). */
public final class RuleViolationException extends CommandRefusedException {
    public RuleViolationException(String rule, String message) {
        super(rule, message);
    }
}
