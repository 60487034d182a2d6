package org.engagementledger.engagement;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.Actor;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Shared test data: one municipality hiring one consultancy, the four standard actors, and factory
 * methods for the commands and events that most tests start from. Amounts are EUR; the period is
 * 2026-01-01..2026-12-31 and the ceiling 100,000.00 EUR.
 */
public final class EngagementFixtures {

    public static final EngagementId ENGAGEMENT = EngagementId.of("ENG-2026-001");
    public static final Party BUYER = Party.of("municipality-northvale", "Municipality of Northvale");
    public static final Party SUPPLIER = Party.of("brightpath-consulting", "BrightPath Consulting");
    public static final Period PERIOD = Period.of("2026-01-01", "2026-12-31");
    public static final Money CEILING = eur("100000.00");
    public static final LocalDate SIGNED = LocalDate.parse("2026-01-15");

    public static final Actor BUYER_OFFICIAL = Actor.of("procurement-lead", Role.AGENCY_BUYER, BUYER.id());
    public static final Actor AGENCY_STAFF = Actor.of("employment-caseworker", Role.AGENCY_STAFF, BUYER.id());
    public static final Actor CONSULTANT = Actor.of("lead-consultant", Role.CONSULTANT, SUPPLIER.id());
    public static final Actor AUDITOR = Actor.of("regional-auditor", Role.AUDITOR, "regional-audit-office");
    public static final Actor OUTSIDE_BUYER = Actor.of("other-official", Role.AGENCY_BUYER, "municipality-southvale");
    public static final Actor OUTSIDE_CONSULTANT = Actor.of("rival-consultant", Role.CONSULTANT, "rival-consulting");

    public static final RequirementId REQUIREMENT = RequirementId.of("REQ-1");
    public static final CapabilityTargetId TARGET = CapabilityTargetId.of("CAP-1");
    public static final InvoiceId INVOICE = InvoiceId.of("INV-1");
    public static final MilestoneId MILESTONE = MilestoneId.of("MS-1");
    /** The frontline caseworker who gives the fixtures' feedback, as a data subject (a pseudonym). */
    public static final DataSubjectId FEEDBACK_GIVER = DataSubjectId.of("subject-frontline-17");

    private EngagementFixtures() {
    }

    /** A fixture with the real validation interceptor and command routing used in production. */
    public static AggregateTestFixture<Engagement> newFixture() {
        AggregateTestFixture<Engagement> fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
        fixture.registerCommandTargetResolver(EngagementCommandTargetResolver.INSTANCE);
        return fixture;
    }

    public static MetaData as(Actor actor) {
        return ActorMetaData.of(actor);
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static CommissionEngagement commission() {
        return new CommissionEngagement(ENGAGEMENT, BUYER, "Employment Services", SUPPLIER,
                "Redesign youth job matching", "Young unemployed people wait months for a first match",
                "Half of young job seekers matched within six weeks", ConsultantReason.SPECIALISED_SKILLS, false, null,
                new InHouseAlternative("Second two analysts from the statistics unit for a year", eur("140000.00")),
                List.of("Young unemployed people aged 16-24"), CEILING, PERIOD, "ocds-nv0001-2026-001");
    }

    /** {@link #commission()} for another engagement id: same parties, period and ceiling. */
    public static CommissionEngagement commission(EngagementId id) {
        CommissionEngagement c = commission();
        return new CommissionEngagement(id, c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(), c.intendedOutcome(),
                c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(), c.rightsHolderGroups(), c.ceiling(),
                c.period(), c.procurementReference());
    }

    public static EngagementCommissioned commissioned() {
        CommissionEngagement c = commission();
        return new EngagementCommissioned(c.engagementId(), c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(),
                c.intendedOutcome(), c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(),
                c.rightsHolderGroups(), c.ceiling(), c.period(), c.procurementReference());
    }

    public static EngagementActivated activated() {
        return new EngagementActivated(ENGAGEMENT, SIGNED);
    }

    public static AddRequirement addRequirement() {
        return new AddRequirement(ENGAGEMENT, REQUIREMENT, "Caseworkers see a ranked list of matching vacancies",
                List.of("Ranking explained in plain language", "Caseworkers can override the ranking"),
                "Usability test with ten caseworkers", StatedBy.AGENCY_UNIT);
    }

    public static RequirementAdded requirementAdded() {
        AddRequirement c = addRequirement();
        return new RequirementAdded(ENGAGEMENT, REQUIREMENT, c.outcome(), c.acceptanceCriteria(), c.verificationMethod(),
                c.statedBy(), false);
    }

    public static FulfilmentSubmitted fulfilmentSubmitted() {
        return new FulfilmentSubmitted(ENGAGEMENT, REQUIREMENT, 1, "Prototype and usability test report");
    }

    public static FulfilmentAccepted fulfilmentAccepted() {
        return new FulfilmentAccepted(ENGAGEMENT, REQUIREMENT, 1, addRequirement().acceptanceCriteria(), "All criteria met");
    }

    public static CapabilityTargetDefined targetDefined() {
        return new CapabilityTargetDefined(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4);
    }

    public static LogTime logTime(String hours, String rate) {
        return new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", day("2026-02-03"), new BigDecimal(hours),
                eur(rate), CostCategory.DELIVERY, null, "Model design");
    }

    /** One hour at a rate equal to {@code cost}: a consistent time entry of any amount. */
    public static TimeLogged timeLogged(String cost) {
        return new TimeLogged(ENGAGEMENT, new org.engagementledger.api.CostLineId("cost-1"), "Senior consultant A", "Data scientist",
                day("2026-02-03"), new BigDecimal("1.00"), eur(cost), eur(cost), CostCategory.DELIVERY, null, "Model design");
    }

    public static InvoiceRegistered invoiceRegistered(String amount) {
        return new InvoiceRegistered(ENGAGEMENT, INVOICE, day("2026-03-01"), eur(amount), List.of(REQUIREMENT), true);
    }

    public static MilestoneScheduled milestoneScheduled() {
        return new MilestoneScheduled(ENGAGEMENT, MILESTONE, "Prototype in use by one team", day("2026-06-30"));
    }

    public static FeedbackReceived feedbackReceived() {
        return new FeedbackReceived(ENGAGEMENT, org.engagementledger.api.FeedbackId.of("FB-1"), FeedbackSource.FRONTLINE_STAFF,
                "The ranking ignores travel time by public transport", REQUIREMENT, FEEDBACK_GIVER, null, null);
    }

    public static Evaluation evaluation() {
        return new Evaluation("Median time to first match fell from 14 to 7 weeks", "Faster matching; fewer repeat visits",
                eur("60000.00"), "Delivered on time; documentation good", true, "Involve caseworkers from week one");
    }

    public static EngagementCompleted completed() {
        return new EngagementCompleted(ENGAGEMENT, evaluation(), List.of(), eur("0.00"));
    }

    /** The exception is a refusal carrying the given stable rule code. */
    public static Matcher<CommandRefusedException> refusedBy(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefusedException e) {
                return rule.equals(e.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal by rule ").appendValue(rule);
            }
        };
    }
}
