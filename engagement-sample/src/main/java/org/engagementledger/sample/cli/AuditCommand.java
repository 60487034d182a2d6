package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.audit.AuditAnswer;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.RedFlag;
import org.engagementledger.sample.EngagementVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
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
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            Engagements.history(ledger, id);
            spec.commandLine().getErr().println("Bringing read models up to date (for the buyer's other engagements)...");
            ledger.awaitReadModels(Duration.ofMinutes(30));
            EngagementAudit audit = ledger.audit(EngagementId.of(id), EngagementVerification.status(context.dataSource(), EngagementId.of(id)));
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
}
