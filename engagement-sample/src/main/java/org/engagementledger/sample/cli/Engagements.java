package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.EngagementHistory;

/** Looks up an engagement named on the command line, failing with a usage error when it is unknown. */
final class Engagements {

    private Engagements() {
    }

    static EngagementHistory history(EngagementLedger ledger, String id) {
        EngagementId engagementId;
        try {
            engagementId = EngagementId.of(id);
        } catch (IllegalArgumentException e) {
            throw new LedgerCli.UsageFailure(e.getMessage());
        }
        if (!ledger.exists(engagementId)) {
            throw new LedgerCli.UsageFailure("no engagement '" + id + "' in this database");
        }
        return ledger.auditHistory(engagementId);
    }
}
