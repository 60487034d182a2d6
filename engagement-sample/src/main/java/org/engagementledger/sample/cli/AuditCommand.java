package org.engagementledger.sample.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.AuditAnswer;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.integrity.Finding;
import org.engagementledger.integrity.LedgerIntegrity;
import org.engagementledger.integrity.VerificationReport;
import org.engagementledger.integrity.VerificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Answers the auditor's twelve questions about an engagement and lists its red flags.")
final class AuditCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "<id>", description = "the engagement id")
    String id;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})")
    Output format = Output.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HikariDataSource dataSource = database.open(); EngagementLedger ledger = database.ledger(dataSource, true)) {
            Engagements.history(ledger, id);
            spec.commandLine().getErr().println("Bringing read models up to date (for the buyer's other engagements)...");
            ledger.awaitReadModels(Duration.ofMinutes(30));
            EngagementAudit audit = ledger.audit(EngagementId.of(id), Verification.of(dataSource, EngagementId.of(id)));
            if (format == Output.json) {
                out.println(Output.json(audit));
            } else {
                out.println("Audit of " + audit.engagementId() + " — " + audit.title() + " (" + audit.status() + ")");
                out.println("Buyer " + audit.buyer().name() + ", supplier " + audit.supplier().name());
                out.println();
                for (AuditAnswer answer : audit.answers()) {
                    out.println(answer.number() + ". " + answer.question());
                    out.println("   [" + answer.verdict() + "] " + answer.answer());
                    out.println("   events: " + answer.sequences());
                }
                out.println();
                out.println("Red flags (" + audit.redFlags().size() + "):");
                for (RedFlag flag : audit.redFlags()) {
                    out.println("  " + flag.severity() + " " + flag.code() + ": " + flag.message() + " (events " + flag.sequences() + ")");
                }
            }
        }
        return LedgerCli.OK;
    }

    /** Question 12 from the verifier: the engagement's chain recomputed from its raw rows, against the latest digest. */
    static final class Verification {
        static VerificationStatus of(HikariDataSource dataSource, EngagementId engagementId) {
            LedgerIntegrity integrity = LedgerIntegrity.on(dataSource);
            VerificationReport report = integrity.verify(VerificationRequest.all().forEngagement(engagementId.value()));
            Instant now = Instant.now();
            if (report.intact()) {
                return VerificationStatus.intact("hash chain of " + report.eventsChecked() + " events recomputed from the stored rows: intact"
                        + " (run 'verify --digest' with the auditor's digest and public key to also rule out a consistent rewrite)", now);
            }
            return VerificationStatus.findings(report.findings().size(), report.toText(),
                    report.findings().stream().map(Finding::sequence).filter(java.util.Objects::nonNull).distinct().toList(), now);
        }
    }
}
