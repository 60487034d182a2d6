package org.engagementledger.sample.cli;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.PersonalData;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.ErasureGround;
import org.engagementledger.api.privacy.DataSubjectErasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erases a data subject's personal data from every engagement (GDPR article 17): destroys the subject's key "
                + "and records the erasure in each engagement concerned, in one transaction. Afterwards replay, audit, report and "
                + "export show '" + PersonalData.REPLACEMENT + "' in its place, and verification still passes. "
                + "See docs/personal-data.md for what this does and does not guarantee.")
final class EraseCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--subject", required = true, paramLabel = "<id>", description = "the data subject's pseudonym, e.g. citizen-0042")
    String subject;

    @Option(names = "--ground", required = true, paramLabel = "<ground>",
            description = "why (GDPR article 17(1)): ${COMPLETION-CANDIDATES}")
    ErasureGround ground;

    @Option(names = "--actor", required = true, paramLabel = "<id>", description = "who erases (an agency official)")
    String actorId;

    @Option(names = "--role", paramLabel = "<role>", description = "AGENCY_BUYER or AGENCY_STAFF (default: ${DEFAULT-VALUE})")
    Role role = Role.AGENCY_STAFF;

    @Option(names = "--organisation", required = true, paramLabel = "<party-id>",
            description = "the agency the actor acts for: the buyer of every engagement concerned")
    String organisation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DataSubjectId subjectId;
        Actor actor;
        try {
            subjectId = DataSubjectId.of(subject);
            actor = Actor.of(actorId, role, organisation);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerContext context = LedgerContext.start(database)) {
            EngagementLedger ledger = context.ledger();
            DataSubjectErasure erasure = ledger.eraseDataSubject(subjectId, ground, actor);
            spec.commandLine().getErr().println("Bringing read models up to date (replacing their copies)...");
            ledger.awaitReadModels(Duration.ofMinutes(30));
            if (erasure.engagements().isEmpty()) {
                out.println("No engagement holds personal data of " + subjectId + "; " + erasure.keysDestroyed()
                        + " key(s) destroyed.");
            } else {
                out.println("Erased the personal data of " + subjectId + " (" + ground + "): recorded in " + erasure.engagements().size()
                        + " engagement(s) " + erasure.engagements() + "; " + erasure.keysDestroyed() + " key(s) destroyed.");
                out.println("Its personal fields now read '" + PersonalData.REPLACEMENT + "'. Copies outside this database"
                        + " (backups, exports already handed out) are not reached: see docs/personal-data.md.");
            }
        }
        return LedgerCli.OK;
    }
}
