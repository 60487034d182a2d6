package org.engagementledger.report;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.engagementledger.api.Actor;
import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;
import org.engagementledger.audit.AuditInputs;
import org.engagementledger.audit.EngagementAudit;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.audit.VerificationStatus;
import org.engagementledger.engagement.ActorMetaData;
import org.engagementledger.engagement.EngagementFixtures;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Histories and fixed inputs for the report tests.
 *
 * <p>The realistic and troubled engagements are the audit tests' own ({@code AuditScenarios}), read
 * through reflection because that class is package-private in another package: the report is tested on
 * exactly the histories the audit is, not on a copy that could drift. {@link #hostile()} is the report's
 * own: an engagement whose free text tries to inject markup everywhere it can.
 */
final class ReportFixtures {

    static final Instant GENERATED_AT = Instant.parse("2026-11-20T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(GENERATED_AT, ZoneOffset.UTC);
    static final AuditReport REPORT = AuditReport.withClock(CLOCK);

    static final EngagementId HOSTILE = EngagementId.of("ENG-2026-666");
    static final RequirementId REQ_X = RequirementId.of("REQ-X");
    static final CapabilityTargetId CAP_X = CapabilityTargetId.of("CAP-X");
    static final CapabilityTargetId CAP_Y = CapabilityTargetId.of("CAP-Y");

    static final String SCRIPT_OUTCOME = "<script>alert(\"xss\")</script> Letters & notices 'explained'";
    static final String TABLE_BREAKOUT = "Outcome </td></tr></table><script>alert(3)</script>";
    static final String IMG_ONERROR = "<img src=x onerror=alert(1)>";
    static final String ATTRIBUTE_BREAKOUT = "\"><svg onload=alert(2)>";
    static final String SVG_BREAKOUT = "</text></svg><script>alert(5)</script>";
    static final String CONTROL_CHARACTERS = "bell\u0007 nul\u0000 end";

    private ReportFixtures() {
    }

    /** The audit tests' clean, completed engagement (30 events, no red flag). */
    static EngagementHistory realistic() {
        return EngagementHistory.of(auditScenario("realistic"));
    }

    /** The audit tests' troubled engagement (15 events) that raises every red flag with {@link #realistic()} as the buyer's other engagement. */
    static EngagementHistory troubled() {
        return EngagementHistory.of(auditScenario("troubled"));
    }

    static AuditInputs troubledInputs(VerificationStatus verification) {
        return AuditInputs.none().withOtherEngagements(List.of(realistic().state())).withVerification(verification);
    }

    static EngagementAudit troubledAudit(VerificationStatus verification) {
        return EngagementAudit.of(troubled(), troubledInputs(verification));
    }

    static VerificationStatus intact() {
        return VerificationStatus.intact("chain of 30 events and 1 digest recomputed: intact", Instant.parse("2026-11-20T08:00:00Z"));
    }

    static VerificationStatus findings() {
        return VerificationStatus.findings(2, "HASH_MISMATCH at #7; LINK_BROKEN at #8", List.of(7L, 8L), Instant.parse("2026-11-20T08:00:00Z"));
    }

    @SuppressWarnings("unchecked")
    private static List<DomainEventMessage<?>> auditScenario(String name) {
        try {
            Class<?> scenarios = Class.forName("org.engagementledger.audit.AuditScenarios");
            Method factory = scenarios.getDeclaredMethod(name);
            factory.setAccessible(true);
            Object scenario = factory.invoke(null);
            Method messages = scenario.getClass().getDeclaredMethod("messages");
            messages.setAccessible(true);
            return (List<DomainEventMessage<?>>) messages.invoke(scenario);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the audit tests' scenario " + name + "() is needed by the report tests", e);
        }
    }

    /**
     * An engagement whose every free-text field tries to add markup, with two capability targets (one never
     * assessed), committed cost that rises above the ceiling before an amendment, and a termination.
     */
    static EngagementHistory hostile() {
        EngagementId id = HOSTILE;
        Party buyer = EngagementFixtures.BUYER;
        Actor official = EngagementFixtures.BUYER_OFFICIAL;
        Actor staff = EngagementFixtures.AGENCY_STAFF;
        Actor consultant = EngagementFixtures.CONSULTANT;
        Actor assessor = Actor.of("<b>assessor</b>", Role.AGENCY_STAFF, buyer.id());
        List<DomainEventMessage<?>> events = new ArrayList<>();
        add(events, id, "2026-01-05T09:00:00Z", official, new EngagementCommissioned(id, buyer, "Unit \"North\" & 'South'",
                EngagementFixtures.SUPPLIER, "<script>alert('title')</script> Letters & notices", "Problem <i>unclear</i>",
                "Outcome <u>stated</u>", ConsultantReason.INDEPENDENT_ASSESSMENT, false, null,
                new InHouseAlternative("Staff <em>secondment</em>", eur("1500.00")), List.of("Claimants <b>all</b>"), eur("1000.00"),
                Period.of("2026-01-01", "2026-12-31"), "ocds-<x>"));
        add(events, id, "2026-01-10T09:00:00Z", official, new EngagementActivated(id, LocalDate.parse("2026-01-10")));
        add(events, id, "2026-01-12T09:00:00Z", staff, new RequirementAdded(id, REQ_X, SCRIPT_OUTCOME, List.of(IMG_ONERROR),
                ATTRIBUTE_BREAKOUT, StatedBy.AGENCY_UNIT, false));
        add(events, id, "2026-01-20T09:00:00Z", staff, new RequirementRevised(id, REQ_X, 2, TABLE_BREAKOUT, List.of(IMG_ONERROR, "Plain criterion"),
                ATTRIBUTE_BREAKOUT, "Because <iframe src=\"javascript:alert(4)\"></iframe> " + CONTROL_CHARACTERS, false));
        add(events, id, "2026-01-21T09:00:00Z", staff, new CapabilityTargetDefined(id, CAP_X, SVG_BREAKOUT, "Team & <Co>", 0, 5));
        add(events, id, "2026-01-22T09:00:00Z", staff, new CapabilityTargetDefined(id, CAP_Y, "Plain capability", "Benefits team", 2, 3));
        add(events, id, "2026-02-02T17:00:00Z", consultant, new TimeLogged(id, CostLineId.of("cost-1"), "<i>Person</i>", "Role & <role>",
                LocalDate.parse("2026-02-02"), new BigDecimal("8.00"), eur("100.00"), eur("800.00"), CostCategory.DELIVERY, REQ_X,
                "Work </td> on <b>REQ-X</b>"));
        add(events, id, "2026-02-10T17:00:00Z", consultant, new ExpenseRecorded(id, CostLineId.of("cost-2"), LocalDate.parse("2026-02-10"),
                eur("300.00"), CostCategory.DELIVERY, "javascript:alert(6)"));
        add(events, id, "2026-02-15T09:00:00Z", official, new CeilingAmended(id, AmendmentId.of("amendment-1"), eur("1000.00"),
                eur("2000.00"), "<style>body{display:none}</style>", "Mallory <m@example.org>"));
        add(events, id, "2026-03-01T09:00:00Z", assessor, new CapabilityAssessed(id, CAP_X, 2, "<a href=\"http://evil.example/\">click</a>"));
        add(events, id, "2026-03-02T09:00:00Z", staff, new FeedbackReceived(id, FeedbackId.of("FB-1"), FeedbackSource.CITIZEN_PANEL,
                "<marquee>unanswered</marquee>", REQ_X, DataSubjectId.of("subject-panel-1"), null, null));
        add(events, id, "2026-03-10T09:00:00Z", official, new EngagementTerminated(id, "</html><body onload=alert(7)>", eur("1100.00")));
        return EngagementHistory.of(events);
    }

    private static void add(List<DomainEventMessage<?>> events, EngagementId id, String at, Actor actor, EngagementEvent event) {
        events.add(new GenericDomainEventMessage<>("Engagement", id.value(), events.size(), event, ActorMetaData.of(actor),
                id.value() + "-" + events.size(), Instant.parse(at)));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
