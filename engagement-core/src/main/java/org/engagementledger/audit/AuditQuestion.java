package org.engagementledger.audit;

/** The twelve questions an auditor must be able to answer from a replay (domain notes), in order. */
public enum AuditQuestion {
    WHY_A_CONSULTANT(1, "Why a consultant rather than agency staff, and was a cost comparison recorded before deciding?"),
    CORE_WORK(2, "Was this core work that should not have been outsourced?"),
    REQUIREMENTS(3, "What were the requirements on a given date, who stated or changed them, and were they outcomes?"),
    DELIVERABLES(4, "Which deliverables were accepted, by whom, against which criteria? Was anything invoiced or paid without an accepted deliverable?"),
    COST(5, "What did it cost in the end against the ceiling, and what explains the difference?"),
    AMENDMENTS(6, "How many amendments, how much value did they add (percent of the original ceiling), what changed?"),
    CAPABILITY(7, "Which staff gained which capability, on what evidence? Can the agency now do it alone, or was the same supplier engaged again for the same capability?"),
    CONFLICTS_OF_INTEREST(8, "Were conflicts of interest declared before award or discovered later, and how were they handled?"),
    RIGHTS_HOLDERS(9, "Which rights-holders were affected, were they involved, was discrimination assessed?"),
    FEEDBACK(10, "What did frontline staff and citizens report, and what was decided in response?"),
    OUTCOMES(11, "What was achieved against the stated outcomes, and what lessons were recorded?"),
    INTEGRITY(12, "Is the recorded history complete and unaltered since it was written?");

    private final int number;
    private final String text;

    AuditQuestion(int number, String text) {
        this.number = number;
        this.text = text;
    }

    public int number() {
        return number;
    }

    public String text() {
        return text;
    }
}
