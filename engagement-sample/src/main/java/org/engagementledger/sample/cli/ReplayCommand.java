package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.Timeline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays an engagement's history: its timeline and its state, now or as it stood at a point.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Parameters(paramLabel = "<id>", description = "the engagement id")
    String id;

    @ArgGroup(exclusive = true)
    Cut cut;

    static final class Cut {
        @Option(names = "--as-of", paramLabel = "<instant>", description = "state as it stood at this ISO-8601 instant, e.g. 2026-03-01T00:00:00Z (inclusive)")
        Instant asOf;

        @Option(names = "--seq", paramLabel = "<n>", description = "state after the event with this sequence number")
        Long sequence;
    }

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})")
    Output format = Output.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            EngagementHistory history = Engagements.history(ledger, id);
            EngagementHistory cutHistory = cut == null ? history
                    : cut.asOf != null ? history.upTo(cut.asOf) : history.upToSequence(cut.sequence);
            Timeline timeline = cutHistory.timeline();
            EngagementState state = cut == null ? history.state()
                    : cut.asOf != null ? EngagementState.asOf(history, cut.asOf) : EngagementState.afterSequence(history, cut.sequence);
            if (format == Output.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("timeline", timeline);
                result.put("state", state);
                out.println(Output.json(result));
            } else {
                out.println("Timeline of " + id + (cut == null ? "" : cut.asOf != null ? " as of " + cut.asOf : " up to sequence " + cut.sequence) + ":");
                timeline.entries().forEach(entry -> out.println(entry.toText()));
                out.println();
                out.println("State: " + state.status() + ", ceiling " + state.ceiling().current() + ", committed "
                        + state.cost().committed() + ", " + state.requirements().size() + " requirements, "
                        + state.capabilityTargets().size() + " capability targets, " + state.redFlags().size() + " red flags");
            }
        }
        return LedgerCli.OK;
    }
}
