package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.report.AuditReport;
import org.engagementledger.sample.EngagementVerification;
import org.engagementledger.sample.scenario.Cast;
import org.engagementledger.sample.scenario.DemoScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Records the evaluation scenario (three fictional engagements: one well run, and one agency engaging the same "
                + "supplier twice for the same capability), unless they are already there; prints what the audit finds, writes an "
                + "HTML report per engagement and says how to open the dashboard.",
                "Running it again records nothing twice: engagements already in the database are left as they are."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--reports", paramLabel = "<dir>", description = "where to write the HTML reports (default: ${DEFAULT-VALUE})")
    Path reports = Path.of("engagement-ledger-data", "reports");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Ledger database: " + database.effectiveUrl());
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            List<DemoScenario.Outcome> outcomes = DemoScenario.record(ledger, line -> out.println("  " + line));
            for (DemoScenario.Outcome outcome : outcomes) {
                out.printf("%s %-12s %4d events  %s%n", outcome.recordedNow() ? "Recorded          " : "Already recorded, ",
                        outcome.id(), outcome.events(), outcome.title());
            }
            out.println();
            ledger.awaitReadModels(Duration.ofMinutes(5));
            out.printf("%-12s %-10s %16s %16s %9s  %s%n", "ENGAGEMENT", "STATUS", "COMMITTED", "CEILING", "RED FLAGS", "INTEGRITY");
            List<Path> written = new ArrayList<>();
            for (DemoScenario.Outcome outcome : outcomes) {
                EngagementSummary summary = ledger.summary(outcome.id()).orElseThrow();
                EngagementAudit audit = ledger.audit(outcome.id(), EngagementVerification.status(context.dataSource(), outcome.id()));
                out.printf("%-12s %-10s %16s %16s %9d  %s%n", outcome.id(), summary.status(), summary.committed(), summary.ceiling(),
                        audit.redFlags().size(), audit.verification().outcome());
                for (RedFlag flag : audit.redFlags()) {
                    out.println("    " + flag.severity() + " " + flag.code());
                }
                written.add(AuditReport.create().write(ledger.auditHistory(outcome.id()), audit,
                        reports.resolve(outcome.id().value() + ".html")).toAbsolutePath());
            }
            out.println();
            out.println("HTML audit reports (open in any browser, they work offline):");
            written.forEach(file -> out.println("  " + file.toUri()));
        }
        String jar = "java -jar engagement-sample/target/engagement-sample.jar";
        String db = database.url == null ? "" : " --db " + database.url;
        out.println();
        out.println("Open the dashboard:");
        out.println("  " + jar + " serve" + db);
        out.println("  then browse to http://127.0.0.1:8080/ and sign in as " + Cast.AUDITOR.username() + " / " + Cast.AUDITOR.password()
                + " (demo users for evaluation only; all are listed on the sign-in page and in the README)");
        out.println("Or ask the auditor's questions here: " + jar + " audit " + DemoScenario.EASTMOOR_REPEAT + db);
        return LedgerCli.OK;
    }
}
