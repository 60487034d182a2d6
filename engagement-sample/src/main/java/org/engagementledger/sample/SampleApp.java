package org.engagementledger.sample;

import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.sample.cli.LedgerCli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation scenario behind {@code demo}: records one fictional engagement (a municipality
 * redesigning youth job matching with a consultancy), shows a refused over-ceiling entry, and prints the
 * engagement's history with the actor of every event. A second run finds the engagement recorded and
 * only prints it. All people and organisations are fictional.
 */
public final class SampleApp {

    static final EngagementId ENGAGEMENT = EngagementId.of("NV-2026-014");
    static final Party MUNICIPALITY = Party.of("municipality-northvale", "Municipality of Northvale");
    static final Party CONSULTANCY = Party.of("brightpath-consulting", "BrightPath Consulting");
    static final Actor BUYER = Actor.of("procurement-lead", Role.AGENCY_BUYER, MUNICIPALITY.id());
    static final Actor CASEWORKER = Actor.of("employment-caseworker", Role.AGENCY_STAFF, MUNICIPALITY.id());
    static final Actor CONSULTANT = Actor.of("lead-consultant", Role.CONSULTANT, CONSULTANCY.id());
    /** A young job seeker who gave feedback: personal data, stored encrypted, erasable with {@code erase --subject citizen-0042}. */
    static final DataSubjectId CITIZEN = DataSubjectId.of("citizen-0042");

    private SampleApp() {
    }

    /** Same as {@code engagement-ledger demo [options]}. */
    public static void main(String[] args) {
        String[] demo = new String[args.length + 1];
        demo[0] = "demo";
        System.arraycopy(args, 0, demo, 1, args.length);
        LedgerCli.main(demo);
    }

    /** Records the scenario unless it is already there, prints the history; returns the number of events stored. */
    public static int run(EngagementLedger ledger, PrintStream out) {
        if (ledger.history(ENGAGEMENT).isEmpty()) {
            record(ledger, out);
        } else {
            out.println("Engagement " + ENGAGEMENT + " is already recorded in this database; showing its history.");
        }
        List<RecordedEvent> history = ledger.history(ENGAGEMENT);
        out.println("History of " + ENGAGEMENT + ":");
        for (RecordedEvent e : history) {
            out.printf("%3d  %-58s %s%n", e.sequence(), e.actor(), e.event().getClass().getSimpleName());
        }
        return history.size();
    }

    private static void record(EngagementLedger ledger, PrintStream out) {
        RequirementId matching = RequirementId.of("REQ-MATCHING");
        {
            ledger.send(new CommissionEngagement(ENGAGEMENT, MUNICIPALITY, "Employment Services", CONSULTANCY,
                    "Redesign how young unemployed people are matched with work",
                    "Young job seekers wait on average 14 weeks for a first match",
                    "Half of young job seekers matched within six weeks, with the municipal team able to run the model",
                    ConsultantReason.SPECIALISED_SKILLS, false, null,
                    new InHouseAlternative("Recruit two data scientists on one-year contracts", Money.of("150000", "EUR")),
                    List.of("Young unemployed people aged 16-24", "Employers in the region"),
                    Money.of("120000", "EUR"), Period.of("2026-02-01", "2026-11-30"), "ocds-nv0001-2026-014"), BUYER);
            ledger.send(new AddRequirement(ENGAGEMENT, matching, "Caseworkers see a ranked, explained list of vacancies",
                    List.of("Every ranking shows its three main reasons", "Caseworkers can override a ranking"),
                    "Usability test with ten caseworkers", StatedBy.FRONTLINE_STAFF), CASEWORKER);
            ledger.send(new ActivateEngagement(ENGAGEMENT, LocalDate.parse("2026-02-10")), BUYER);
            ledger.send(new LogTime(ENGAGEMENT, "Consultant A", "Data scientist", LocalDate.parse("2026-02-16"),
                    new BigDecimal("7.5"), Money.of("135", "EUR"), CostCategory.DELIVERY, matching, "Matching model design"), CONSULTANT);
            refusedOrStored(out, ledger, new LogTime(ENGAGEMENT, "Consultant A", "Data scientist", LocalDate.parse("2026-02-17"),
                    new BigDecimal("8"), Money.of("16000", "EUR"), CostCategory.DELIVERY, matching, "Typo in the rate"), CONSULTANT);
            ledger.send(new SubmitFulfilment(ENGAGEMENT, matching, "Prototype and usability test report"), CONSULTANT);
            ledger.send(new AcceptFulfilment(ENGAGEMENT, matching, "Both criteria met in the usability test"), CASEWORKER);
            ledger.send(new RecordFeedback(ENGAGEMENT, FeedbackId.of("FB-1"), FeedbackSource.RIGHTS_HOLDER,
                    "Alex Example (19) says the ranked list never showed jobs reachable without a car", matching, CITIZEN,
                    "Alex Example", "alex.example@example.org"), CASEWORKER);
        }
    }

    private static void refusedOrStored(PrintStream out, EngagementLedger ledger, EngagementCommand command, Actor actor) {
        try {
            ledger.send(command, actor);
        } catch (CommandRefusedException refused) {
            out.println("Refused (" + refused.rule() + "): " + refused.getMessage());
        }
    }
}
