package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.query.EngagementSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists engagements with id, status, buyer, supplier, ceiling and committed cost.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})")
    Output format = Output.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            spec.commandLine().getErr().println("Bringing read models up to date...");
            ledger.awaitReadModels(Duration.ofMinutes(30));
            List<EngagementSummary> summaries = ledger.summaries();
            if (format == Output.json) {
                out.println(Output.json(summaries));
            } else {
                out.printf("%-20s %-12s %-28s %-28s %18s %18s%n", "ID", "STATUS", "BUYER", "SUPPLIER", "CEILING", "COMMITTED");
                for (EngagementSummary s : summaries) {
                    out.printf("%-20s %-12s %-28s %-28s %18s %18s%n", s.engagementId(), s.status(), s.buyer().id(),
                            s.supplier().id(), s.ceiling(), s.committed());
                }
            }
        }
        return LedgerCli.OK;
    }
}
