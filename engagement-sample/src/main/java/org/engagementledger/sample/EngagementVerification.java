package org.engagementledger.sample;

import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.integrity.Finding;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Objects;

/**
 * Question 12 for one engagement: its hash chain recomputed from the raw stored rows (read-only), as the
 * status the audit and the report show. Checking against a signed digest needs the auditor's public key and
 * is the {@code verify --digest} command's job.
 */
public final class EngagementVerification {

    private EngagementVerification() {
    }

    public static VerificationReport report(DataSource dataSource, EngagementId engagementId) {
        return LedgerIntegrity.on(dataSource).verify(VerificationRequest.all().forEngagement(engagementId.value()));
    }

    public static VerificationStatus status(DataSource dataSource, EngagementId engagementId) {
        return status(report(dataSource, engagementId));
    }

    public static VerificationStatus status(VerificationReport report) {
        Instant now = Instant.now();
        if (report.intact()) {
            return VerificationStatus.intact("hash chain of " + report.eventsChecked() + " events recomputed from the stored rows: intact"
                    + " (run 'verify --digest' with the auditor's digest and public key to also rule out a consistent rewrite)", now);
        }
        return VerificationStatus.findings(report.findings().size(), report.toText(),
                report.findings().stream().map(Finding::sequence).filter(Objects::nonNull).distinct().toList(), now);
    }
}
