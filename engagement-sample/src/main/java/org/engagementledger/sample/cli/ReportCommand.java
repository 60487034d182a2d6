package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.report.AuditReport;
import org.engagementledger.sample.EngagementVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes a self-contained HTML audit report of one engagement: the twelve answers, red flags, charts, "
                + "requirements trace, timeline and verification status. Works offline and prints well.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "<id>", description = "the engagement id")
    String id;

    @Option(names = "--out", required = true, paramLabel = "<file.html>", description = "the HTML file to write")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            EngagementHistory history = Engagements.history(ledger, id);
            spec.commandLine().getErr().println("Bringing read models up to date (for the buyer's other engagements)...");
            ledger.awaitReadModels(Duration.ofMinutes(30));
            EngagementId engagementId = EngagementId.of(id);
            EngagementAudit audit = ledger.audit(engagementId, EngagementVerification.status(context.dataSource(), engagementId));
            Path written = AuditReport.create().write(history, audit, out);
            spec.commandLine().getOut().println("report of " + id + " written to " + written.toAbsolutePath());
        }
        return LedgerCli.OK;
    }
}
