package org.engagementledger.engagement;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.engagementledger.api.Actor;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.Limits;
import org.engagementledger.api.NonNegativeMoney;
import org.engagementledger.api.Party;
import org.engagementledger.api.PositiveMoney;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Jakarta constraint of every command, checked through the real {@code BeanValidationInterceptor}
 * registered as a command handler interceptor (as in production, via {@link EngagementFixtures#newFixture()}).
 *
 * <p>Each case takes a valid command, breaks exactly one field and expects a {@link JSR303ViolationException}
 * whose violations all lie on that field's path and include the expected rule, and no events. Two
 * meta-tests keep the table complete: every command has a case for a missing field, and every constraint
 * declared on a command (or on a {@code @Valid} nested record) is exercised by some case.
 */
public class CommandValidationTest {

    // ---- valid commands, one per type; each case breaks exactly one field of one of them --------------------

    public static final FeedbackId FEEDBACK = FeedbackId.of("FB-1");

    /** One valid command of every type (the reliability tests break them too). */
    public static final Map<Class<? extends EngagementCommand>, EngagementCommand> VALID = validCommands();

    private static Map<Class<? extends EngagementCommand>, EngagementCommand> validCommands() {
        List<EngagementCommand> commands = List.of(
                commission(),
                new ActivateEngagement(ENGAGEMENT, SIGNED),
                addRequirement(),
                new ReviseRequirement(ENGAGEMENT, REQUIREMENT, "Caseworkers see a ranked and filtered list of vacancies",
                        List.of("Ranking explained in plain language"), "Usability test with ten caseworkers",
                        "Caseworkers asked for filters"),
                new WithdrawRequirement(ENGAGEMENT, REQUIREMENT, "Covered by the national platform"),
                new SubmitFulfilment(ENGAGEMENT, REQUIREMENT, "Prototype and usability test report"),
                new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "All criteria met"),
                new RejectFulfilment(ENGAGEMENT, REQUIREMENT, "Ranking not explained"),
                new DefineCapabilityTarget(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4),
                new RecordTransferActivity(ENGAGEMENT, TARGET, TransferActivityKind.WORKSHOP, day("2026-02-10"),
                        new BigDecimal("3.50"), 6, "Retraining the model"),
                new AssessCapability(ENGAGEMENT, TARGET, 3, "Team retrained the model unaided"),
                logTime("8", "150.00"),
                new RecordExpense(ENGAGEMENT, day("2026-02-04"), eur("240.00"), CostCategory.DELIVERY, "Train tickets"),
                new RegisterInvoice(ENGAGEMENT, INVOICE, day("2026-03-01"), eur("1200.00"), List.of(REQUIREMENT)),
                new AcceptInvoice(ENGAGEMENT, INVOICE),
                new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not itemised"),
                new AmendCeiling(ENGAGEMENT, eur("120000.00"), "Second pilot municipality added", "Head of Employment Services"),
                new RecordRightsHolderImpact(ENGAGEMENT, "Young unemployed people aged 16-24",
                        List.of("Right to work", "Non-discrimination"), "Two co-design workshops with job seekers",
                        NonDiscriminationAssessment.RISK_MITIGATED, "Ranking audited for age and gender bias",
                        "Complaint to the municipal ombudsman", List.of(new Participant(DataSubjectId.of("subject-youth-council-4"),
                                "Alex Example", "alex@example.org", "Tested the ranking on their own job search"))),
                new RecordFeedback(ENGAGEMENT, FEEDBACK, FeedbackSource.FRONTLINE_STAFF,
                        "The ranking ignores travel time by public transport", REQUIREMENT, FEEDBACK_GIVER, null, null),
                new RespondToFeedback(ENGAGEMENT, FEEDBACK, "Travel time added to the ranking", "Revise REQ-1"),
                new DeclareConflictOfInterest(ENGAGEMENT, "Senior consultant A", ConflictNature.POTENTIAL,
                        "Former employee of the vendor of the current matching system", "Does not assess the vendor's system",
                        DeclarationTiming.DISCOVERED_LATER),
                new RecordDecision(ENGAGEMENT, "Pilot in two offices", "Limits risk before rollout", day("2026-03-02")),
                new ScheduleMilestone(ENGAGEMENT, MILESTONE, "Prototype in use by one team", day("2026-06-30")),
                new RecordMilestoneOutcome(ENGAGEMENT, MILESTONE, MilestoneStatus.MET, day("2026-06-20"), "Ahead of plan"),
                new CompleteEngagement(ENGAGEMENT, evaluation()),
                new TerminateEngagement(ENGAGEMENT, "Funding withdrawn"),
                new AddAuditorNote(ENGAGEMENT, "Ceiling amendment rationale checked"));
        Map<Class<? extends EngagementCommand>, EngagementCommand> byType = new java.util.LinkedHashMap<>();
        commands.forEach(c -> byType.put(c.getClass(), c));
        return Collections.unmodifiableMap(byType);
    }

    @SuppressWarnings("unchecked")
    public static <C extends EngagementCommand> C valid(Class<C> type) {
        return (C) VALID.get(type);
    }

    /** An actor allowed to issue the command, so that a missing constraint would show up as success, not as a refusal. */
    public static Actor actorFor(EngagementCommand command) {
        if (command instanceof AddAuditorNote) {
            return AUDITOR;
        }
        if (command instanceof SubmitFulfilment || command instanceof LogTime || command instanceof RecordExpense
                || command instanceof RegisterInvoice || command instanceof RecordTransferActivity) {
            return CONSULTANT;
        }
        return BUYER_OFFICIAL;
    }

    // ---- the cases --------------------------------------------------------------------------------------------

    /** One invalid command: which field is broken, how, and which rule must report it. */
    record Case(String name, EngagementCommand command, String path, Class<? extends Annotation> rule, boolean missing) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> invalidCommands() {
        List<Case> cases = new ArrayList<>();
        Consumer<Case> add = cases::add;

        // CommissionEngagement, with the nested @Valid records Party and InHouseAlternative
        CommissionEngagement commission = valid(CommissionEngagement.class);
        required(add, commission, "engagementId");
        required(add, commission, "buyer");
        party(add, commission, "buyer", commission.buyer());
        text(add, commission, "buyerUnit", Limits.NAME);
        required(add, commission, "supplier");
        party(add, commission, "supplier", commission.supplier());
        text(add, commission, "title", Limits.TITLE);
        text(add, commission, "problem", Limits.TEXT);
        text(add, commission, "intendedOutcome", Limits.TEXT);
        required(add, commission, "reason");
        optionalText(add, commission, "coreWorkJustification", Limits.TEXT);
        required(add, commission, "inHouseAlternative");
        InHouseAlternative alternative = commission.inHouseAlternative();
        for (String bad : blanks()) {
            add.accept(nested(commission, "inHouseAlternative", new InHouseAlternative(bad, alternative.estimatedCost()),
                    "description", show(bad), NotBlank.class));
        }
        add.accept(nested(commission, "inHouseAlternative", new InHouseAlternative(tooLong(Limits.TEXT), alternative.estimatedCost()),
                "description", show(tooLong(Limits.TEXT)), Size.class));
        add.accept(nested(commission, "inHouseAlternative", new InHouseAlternative(alternative.description(), null),
                "estimatedCost", "null", NotNull.class));
        add.accept(nested(commission, "inHouseAlternative", new InHouseAlternative(alternative.description(), eur("-0.01")),
                "estimatedCost", "-0.01 EUR", NonNegativeMoney.class));
        add.accept(nested(commission, "inHouseAlternative", new InHouseAlternative(alternative.description(), eur("-140000.00")),
                "estimatedCost", "-140000.00 EUR", NonNegativeMoney.class));
        textList(add, commission, "rightsHolderGroups", Limits.NAME, true);
        positiveMoney(add, commission, "ceiling");
        required(add, commission, "period");
        add.accept(invalid(commission, "procurementReference", tooLong(Identifier.MAX_LENGTH), Size.class));
        for (String bad : List.of("ocds nv0001", "-ocds-nv0001", ".ocds", "ocds#1", "ocds-nv0001?x", "", " ")) {
            add.accept(invalid(commission, "procurementReference", bad, Pattern.class));
        }

        ActivateEngagement activate = valid(ActivateEngagement.class);
        required(add, activate, "engagementId");
        required(add, activate, "contractSigned");

        AddRequirement addRequirement = valid(AddRequirement.class);
        required(add, addRequirement, "engagementId");
        required(add, addRequirement, "requirementId");
        text(add, addRequirement, "outcome", Limits.TEXT);
        textList(add, addRequirement, "acceptanceCriteria", Limits.TEXT, false);
        text(add, addRequirement, "verificationMethod", Limits.TITLE);
        required(add, addRequirement, "statedBy");

        ReviseRequirement revise = valid(ReviseRequirement.class);
        required(add, revise, "engagementId");
        required(add, revise, "requirementId");
        text(add, revise, "outcome", Limits.TEXT);
        textList(add, revise, "acceptanceCriteria", Limits.TEXT, false);
        text(add, revise, "verificationMethod", Limits.TITLE);
        text(add, revise, "reason", Limits.TEXT);

        WithdrawRequirement withdraw = valid(WithdrawRequirement.class);
        required(add, withdraw, "engagementId");
        required(add, withdraw, "requirementId");
        text(add, withdraw, "reason", Limits.TEXT);

        SubmitFulfilment submit = valid(SubmitFulfilment.class);
        required(add, submit, "engagementId");
        required(add, submit, "requirementId");
        text(add, submit, "evidence", Limits.TEXT);

        AcceptFulfilment accept = valid(AcceptFulfilment.class);
        required(add, accept, "engagementId");
        required(add, accept, "requirementId");
        text(add, accept, "assessment", Limits.TEXT);

        RejectFulfilment reject = valid(RejectFulfilment.class);
        required(add, reject, "engagementId");
        required(add, reject, "requirementId");
        text(add, reject, "reason", Limits.TEXT);

        DefineCapabilityTarget define = valid(DefineCapabilityTarget.class);
        required(add, define, "engagementId");
        required(add, define, "targetId");
        text(add, define, "capability", Limits.NAME);
        text(add, define, "recipientTeam", Limits.NAME);
        level(add, define, "baselineLevel");
        level(add, define, "targetLevel");

        RecordTransferActivity transfer = valid(RecordTransferActivity.class);
        required(add, transfer, "engagementId");
        required(add, transfer, "targetId");
        required(add, transfer, "kind");
        required(add, transfer, "date");
        hours(add, transfer);
        add.accept(invalid(transfer, "participants", 0, Min.class));
        add.accept(invalid(transfer, "participants", -1, Min.class));
        add.accept(invalid(transfer, "participants", 1001, Max.class));
        text(add, transfer, "description", Limits.TEXT);

        AssessCapability assess = valid(AssessCapability.class);
        required(add, assess, "engagementId");
        required(add, assess, "targetId");
        level(add, assess, "level");
        text(add, assess, "evidence", Limits.TEXT);

        LogTime logTime = valid(LogTime.class);
        required(add, logTime, "engagementId");
        text(add, logTime, "person", Limits.NAME);
        text(add, logTime, "personRole", Limits.NAME);
        required(add, logTime, "date");
        hours(add, logTime);
        positiveMoney(add, logTime, "hourlyRate");
        required(add, logTime, "category");
        optionalText(add, logTime, "description", Limits.TEXT);

        RecordExpense expense = valid(RecordExpense.class);
        required(add, expense, "engagementId");
        required(add, expense, "date");
        positiveMoney(add, expense, "amount");
        required(add, expense, "category");
        text(add, expense, "description", Limits.TEXT);

        RegisterInvoice register = valid(RegisterInvoice.class);
        required(add, register, "engagementId");
        required(add, register, "invoiceId");
        required(add, register, "issued");
        positiveMoney(add, register, "amount");
        required(add, register, "billedRequirements");
        List<RequirementId> tooManyRequirements = new ArrayList<>();
        for (int i = 1; i <= Limits.LIST + 1; i++) {
            tooManyRequirements.add(RequirementId.of("REQ-" + i));
        }
        add.accept(invalid(register, "billedRequirements", tooManyRequirements, Size.class));
        add.accept(element(register, "billedRequirements", Arrays.asList(REQUIREMENT, null), "null", NotNull.class));

        AcceptInvoice acceptInvoice = valid(AcceptInvoice.class);
        required(add, acceptInvoice, "engagementId");
        required(add, acceptInvoice, "invoiceId");

        DisputeInvoice dispute = valid(DisputeInvoice.class);
        required(add, dispute, "engagementId");
        required(add, dispute, "invoiceId");
        text(add, dispute, "reason", Limits.TEXT);

        AmendCeiling amend = valid(AmendCeiling.class);
        required(add, amend, "engagementId");
        positiveMoney(add, amend, "newCeiling");
        text(add, amend, "rationale", Limits.TEXT);
        text(add, amend, "requestedBy", Limits.NAME);

        RecordRightsHolderImpact impact = valid(RecordRightsHolderImpact.class);
        required(add, impact, "engagementId");
        text(add, impact, "group", Limits.NAME);
        textList(add, impact, "rightsEngaged", Limits.NAME, true);
        text(add, impact, "participation", Limits.TEXT);
        required(add, impact, "assessment");
        optionalText(add, impact, "assessmentNote", Limits.TEXT);
        text(add, impact, "remedyChannel", Limits.TEXT);
        participants(add, impact);

        RecordFeedback feedback = valid(RecordFeedback.class);
        required(add, feedback, "engagementId");
        required(add, feedback, "feedbackId");
        required(add, feedback, "source");
        text(add, feedback, "observation", Limits.TEXT);
        required(add, feedback, "givenBy");
        optionalText(add, feedback, "givenByName", Limits.NAME);
        optionalText(add, feedback, "givenByContact", Limits.NAME);

        RespondToFeedback respond = valid(RespondToFeedback.class);
        required(add, respond, "engagementId");
        required(add, respond, "feedbackId");
        text(add, respond, "response", Limits.TEXT);
        optionalText(add, respond, "decision", Limits.TEXT);

        DeclareConflictOfInterest declare = valid(DeclareConflictOfInterest.class);
        required(add, declare, "engagementId");
        text(add, declare, "declarant", Limits.NAME);
        required(add, declare, "nature");
        text(add, declare, "description", Limits.TEXT);
        text(add, declare, "mitigation", Limits.TEXT);
        required(add, declare, "timing");

        RecordDecision decision = valid(RecordDecision.class);
        required(add, decision, "engagementId");
        text(add, decision, "subject", Limits.TITLE);
        text(add, decision, "rationale", Limits.TEXT);
        required(add, decision, "decidedOn");

        ScheduleMilestone schedule = valid(ScheduleMilestone.class);
        required(add, schedule, "engagementId");
        required(add, schedule, "milestoneId");
        text(add, schedule, "title", Limits.TITLE);
        required(add, schedule, "dueDate");

        RecordMilestoneOutcome outcome = valid(RecordMilestoneOutcome.class);
        required(add, outcome, "engagementId");
        required(add, outcome, "milestoneId");
        required(add, outcome, "status");
        optionalText(add, outcome, "note", Limits.TEXT);

        // CompleteEngagement, with the nested @Valid record Evaluation
        CompleteEngagement complete = valid(CompleteEngagement.class);
        required(add, complete, "engagementId");
        required(add, complete, "evaluation");
        Evaluation evaluation = complete.evaluation();
        for (String component : List.of("outcomesAgainstTargets", "benefitsRealised", "supplierPerformance", "lessonsLearned")) {
            for (String bad : blanks()) {
                add.accept(nested(complete, "evaluation", with(evaluation, component, bad), component, show(bad), NotBlank.class));
            }
            add.accept(nested(complete, "evaluation", with(evaluation, component, tooLong(Limits.TEXT)), component,
                    show(tooLong(Limits.TEXT)), Size.class));
        }
        add.accept(nested(complete, "evaluation", with(evaluation, "costsAvoided", null), "costsAvoided", "null", NotNull.class));
        add.accept(nested(complete, "evaluation", with(evaluation, "costsAvoided", eur("-0.01")), "costsAvoided", "-0.01 EUR",
                NonNegativeMoney.class));

        TerminateEngagement terminate = valid(TerminateEngagement.class);
        required(add, terminate, "engagementId");
        text(add, terminate, "reason", Limits.TEXT);

        AddAuditorNote note = valid(AddAuditorNote.class);
        required(add, note, "engagementId");
        text(add, note, "note", Limits.TEXT);

        return cases.stream();
    }

    // ---- the tests ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommands")
    void invalidCommandIsRefusedByTheValidationInterceptorWithoutEvents(Case invalid) {
        reportingCase(invalid.name(), () -> givenStateFor(invalid.command())
                .when(invalid.command(), as(actorFor(invalid.command())))
                .expectException(JSR303ViolationException.class)
                .expectException(violationOf(invalid.path(), invalid.rule()))
                .expectExceptionMessage(allOf(containsString("property " + invalid.path() + " in"),
                        containsString(invalid.command().getClass().getName())))
                .expectNoEvents());
    }

    /** Values on the edge of each range are accepted by the interceptor and the command goes through. */
    static Stream<Arguments> boundaryValues() {
        LogTime logTime = valid(LogTime.class);
        RecordTransferActivity transfer = valid(RecordTransferActivity.class);
        DefineCapabilityTarget define = valid(DefineCapabilityTarget.class);
        AssessCapability assess = valid(AssessCapability.class);
        CommissionEngagement commission = valid(CommissionEngagement.class);
        List<String> fiftyGroups = new ArrayList<>();
        List<String> fiftyCriteria = new ArrayList<>();
        for (int i = 1; i <= Limits.LIST; i++) {
            fiftyGroups.add(("group " + i + " ").repeat(30).substring(0, Limits.NAME));
            fiftyCriteria.add(("criterion " + i + " ").repeat(400).substring(0, Limits.TEXT));
        }
        return Stream.of(
                Arguments.of("LogTime.hours = 24", with(logTime, "hours", new BigDecimal("24"))),
                Arguments.of("LogTime.hours = 24.00", with(logTime, "hours", new BigDecimal("24.00"))),
                Arguments.of("LogTime.hours = 0.01", with(logTime, "hours", new BigDecimal("0.01"))),
                Arguments.of("LogTime.hours = 12.50 and 200-character person, personRole", with(with(with(logTime,
                        "hours", new BigDecimal("12.50")), "person", tooLong(Limits.NAME - 1)), "personRole", tooLong(Limits.NAME - 1))),
                Arguments.of("LogTime.description of 4000 characters", with(logTime, "description", tooLong(Limits.TEXT - 1))),
                Arguments.of("LogTime.hourlyRate = 0.01 EUR", with(logTime, "hourlyRate", eur("0.01"))),
                Arguments.of("RecordTransferActivity.participants = 1", with(transfer, "participants", 1)),
                Arguments.of("RecordTransferActivity.participants = 1000 and hours = 24", with(with(transfer, "participants", 1000),
                        "hours", new BigDecimal("24.00"))),
                Arguments.of("DefineCapabilityTarget.baselineLevel = 0 and targetLevel = 5",
                        with(with(define, "baselineLevel", 0), "targetLevel", 5)),
                Arguments.of("AssessCapability.level = 0", with(assess, "level", 0)),
                Arguments.of("AssessCapability.level = 5", with(assess, "level", 5)),
                Arguments.of("CommissionEngagement with 50 rightsHolderGroups of 200 characters", with(commission, "rightsHolderGroups", fiftyGroups)),
                Arguments.of("CommissionEngagement.procurementReference of 64 characters",
                        with(commission, "procurementReference", tooLong(Identifier.MAX_LENGTH - 1))),
                Arguments.of("CommissionEngagement.procurementReference = null (optional)", with(commission, "procurementReference", null)),
                Arguments.of("CommissionEngagement.inHouseAlternative.estimatedCost = 0.00 EUR", with(commission, "inHouseAlternative",
                        new InHouseAlternative("No in-house option exists", eur("0.00")))),
                Arguments.of("CommissionEngagement.title of 300 characters", with(commission, "title", tooLong(Limits.TITLE - 1))),
                Arguments.of("AddRequirement with 50 acceptanceCriteria of 4000 characters",
                        with(valid(AddRequirement.class), "acceptanceCriteria", fiftyCriteria)),
                Arguments.of("AddRequirement with no acceptanceCriteria (flagged, not refused)",
                        with(valid(AddRequirement.class), "acceptanceCriteria", List.of())),
                Arguments.of("CompleteEngagement.evaluation.costsAvoided = 0.00 EUR",
                        new CompleteEngagement(ENGAGEMENT, with(evaluation(), "costsAvoided", eur("0.00")))),
                Arguments.of("AddAuditorNote.note of 4000 characters", new AddAuditorNote(ENGAGEMENT, tooLong(Limits.TEXT - 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryValues")
    void valueOnTheEdgeOfItsRangeIsAccepted(String name, EngagementCommand command) {
        TestExecutor<Engagement> given;
        if (command instanceof CommissionEngagement) {
            given = newFixture().givenNoPriorActivity();
        } else if (command instanceof AssessCapability || command instanceof RecordTransferActivity) {
            given = newFixture().given(commissioned(), activated(), targetDefined());
        } else {
            given = newFixture().given(commissioned(), activated());
        }
        reportingCase(name, () -> given.when(command, as(actorFor(command)))
                .expectSuccessfulHandlerExecution());
    }

    @Test
    void everyValidCommandUsedByTheCasesHasNoViolations() {
        assertEquals(Set.of(EngagementCommand.class.getPermittedSubclasses()), VALID.keySet(),
                "a valid command of every type");
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            VALID.values().forEach(command -> assertEquals(Set.of(), factory.getValidator().validate(command),
                    () -> command.getClass().getSimpleName() + " should be valid"));
        }
    }

    @Test
    void everyCommandHasACaseForAMissingRequiredField() {
        Set<Class<?>> withMissingCase = invalidCommands().filter(Case::missing)
                .map(c -> c.command().getClass()).collect(Collectors.toSet());
        Set<String> without = Arrays.stream(EngagementCommand.class.getPermittedSubclasses())
                .filter(type -> !withMissingCase.contains(type)).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), without, "commands without a case for a missing required field");
    }

    @Test
    void everyDeclaredConstraintIsExercisedByACase() {
        Set<String> declared = new TreeSet<>();
        for (Class<?> command : EngagementCommand.class.getPermittedSubclasses()) {
            declared.addAll(declaredConstraints(command));
        }
        Set<String> exercised = invalidCommands().flatMap(CommandValidationTest::exercised).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(exercised);
        assertEquals(Set.of(), missing, "declared constraints without an invalid case");
        assertTrue(declared.size() > 200, "sanity: found " + declared.size() + " constraints");
    }

    /** Free text and lists are bounded everywhere, so that read models can size their columns from {@link Limits}. */
    @Test
    void everyTextAndListComponentHasAnUpperBound() {
        List<String> unbounded = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>(List.of(EngagementCommand.class.getPermittedSubclasses()));
        types.addAll(List.of(Party.class, InHouseAlternative.class, Evaluation.class, Participant.class));
        for (Class<?> type : types) {
            for (RecordComponent component : type.getRecordComponents()) {
                boolean textOrList = component.getType() == String.class || List.class.isAssignableFrom(component.getType());
                if (!textOrList) {
                    continue;
                }
                Set<String> rules = declaredConstraints(type);
                String key = type.getSimpleName() + "." + component.getName();
                if (!rules.contains(key + "@Size")) {
                    unbounded.add(key);
                }
                if (List.class.isAssignableFrom(component.getType()) && rules.stream().noneMatch(r -> r.startsWith(key + "[]@"))) {
                    unbounded.add(key + " (elements)");
                }
            }
        }
        assertEquals(List.of(), unbounded, "text or list components without @Size or element constraints");
    }

    // ---- assertions -------------------------------------------------------------------------------------------

    /** Runs a fixture check so that a failure names the case, also in reports that show only the invocation index. */
    private static void reportingCase(String name, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    private static TestExecutor<Engagement> givenStateFor(EngagementCommand command) {
        AggregateTestFixture<Engagement> fixture = newFixture();
        if (command instanceof CommissionEngagement) {
            return fixture.givenNoPriorActivity();
        }
        // a state in which the valid command would be handled, so that only validation can refuse it
        return fixture.given(commissioned(), activated(), requirementAdded(), targetDefined());
    }

    /** The exception's violations all lie on {@code path} and include one of {@code rule}. */
    static Matcher<JSR303ViolationException> violationOf(String path, Class<? extends Annotation> rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(JSR303ViolationException exception, Description mismatch) {
                Set<ConstraintViolation<Object>> violations = exception.getViolations();
                mismatch.appendText("violations were ").appendValue(describe(violations));
                return !violations.isEmpty()
                        && violations.stream().allMatch(v -> v.getPropertyPath().toString().equals(path))
                        && violations.stream().anyMatch(v -> ruleOf(v) == rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("only violations of " + path + ", including @" + rule.getSimpleName());
            }
        };
    }

    private static Class<? extends Annotation> ruleOf(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType();
    }

    private static List<String> describe(Set<ConstraintViolation<Object>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + " @" + ruleOf(v).getSimpleName() + " (" + v.getMessage() + ")")
                .sorted().toList();
    }

    // ---- case builders ----------------------------------------------------------------------------------------

    private static List<String> blanks() {
        return List.of("", "   ", "\t\n");
    }

    /** A string one character longer than {@code max}. */
    private static String tooLong(int max) {
        return "x".repeat(max + 1);
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s.length() > 20 ? "\"xxx…\" (" + s.length() + " characters)" : "\"" + s.replace("\t", "\\t").replace("\n", "\\n") + "\"";
        }
        if (value instanceof List<?> list) {
            return list.size() > 3 ? "a list of " + list.size() : list.stream().map(CommandValidationTest::show).toList().toString();
        }
        return value.toString();
    }

    private static String simpleName(Object o) {
        return o.getClass().getSimpleName();
    }

    static Case invalid(EngagementCommand base, String component, Object value, Class<? extends Annotation> rule) {
        return new Case(simpleName(base) + "." + component + " = " + show(value) + " violates @" + rule.getSimpleName(),
                with(base, component, value), component, rule, value == null);
    }

    static Case nested(EngagementCommand base, String component, Record value, String nestedComponent, String shown,
                       Class<? extends Annotation> rule) {
        String path = component + "." + nestedComponent;
        return new Case(simpleName(base) + "." + path + " = " + shown + " violates @" + rule.getSimpleName() + " (@Valid)",
                with(base, component, value), path, rule, false);
    }

    static Case element(EngagementCommand base, String component, List<?> list, String shown, Class<? extends Annotation> rule) {
        int index = list.size() - 1;
        String path = component + "[" + index + "].<list element>";
        return new Case(simpleName(base) + "." + component + "[" + index + "] = " + shown + " violates @" + rule.getSimpleName(),
                with(base, component, list), path, rule, false);
    }

    private static void required(Consumer<Case> add, EngagementCommand base, String component) {
        add.accept(invalid(base, component, null, NotNull.class));
    }

    private static void text(Consumer<Case> add, EngagementCommand base, String component, int max) {
        add.accept(invalid(base, component, null, NotBlank.class));
        for (String blank : blanks()) {
            add.accept(invalid(base, component, blank, NotBlank.class));
        }
        add.accept(invalid(base, component, tooLong(max), Size.class));
    }

    private static void optionalText(Consumer<Case> add, EngagementCommand base, String component, int max) {
        add.accept(invalid(base, component, tooLong(max), Size.class));
    }

    private static void textList(Consumer<Case> add, EngagementCommand base, String component, int elementMax, boolean atLeastOne) {
        required(add, base, component);
        if (atLeastOne) {
            add.accept(invalid(base, component, List.of(), Size.class));
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 1; i <= Limits.LIST + 1; i++) {
            tooMany.add("entry " + i);
        }
        add.accept(invalid(base, component, tooMany, Size.class));
        for (String blank : blanks()) {
            add.accept(element(base, component, List.of("valid entry", blank), show(blank), NotBlank.class));
        }
        add.accept(element(base, component, Arrays.asList("valid entry", null), "null", NotBlank.class));
        add.accept(element(base, component, List.of("valid entry", tooLong(elementMax)), show(tooLong(elementMax)), Size.class));
    }

    /** The participants of a rights-holder impact: a bounded list of non-null, valid {@link Participant}s. */
    private static void participants(Consumer<Case> add, RecordRightsHolderImpact base) {
        Participant valid = base.participants().get(0);
        add.accept(invalid(base, "participants", java.util.Collections.nCopies(Limits.LIST + 1, valid), Size.class));
        add.accept(element(base, "participants", Arrays.asList(valid, null), "null", NotNull.class));
        participant(add, base, new Participant(null, valid.name(), valid.contact(), valid.note()), "subject", "null", NotNull.class);
        participant(add, base, new Participant(valid.subject(), tooLong(Limits.NAME), valid.contact(), valid.note()), "name",
                show(tooLong(Limits.NAME)), Size.class);
        participant(add, base, new Participant(valid.subject(), valid.name(), tooLong(Limits.NAME), valid.note()), "contact",
                show(tooLong(Limits.NAME)), Size.class);
        participant(add, base, new Participant(valid.subject(), valid.name(), valid.contact(), tooLong(Limits.TEXT)), "note",
                show(tooLong(Limits.TEXT)), Size.class);
    }

    private static void participant(Consumer<Case> add, RecordRightsHolderImpact base, Participant invalid, String component,
                                    String shown, Class<? extends Annotation> rule) {
        String path = "participants[0]." + component;
        add.accept(new Case("RecordRightsHolderImpact." + path + " = " + shown + " violates @" + rule.getSimpleName() + " (@Valid)",
                with(base, "participants", List.of(invalid)), path, rule, false));
    }

    private static void party(Consumer<Case> add, EngagementCommand base, String component, Party valid) {
        add.accept(nested(base, component, new Party(null, valid.name()), "id", "null", NotBlank.class));
        add.accept(nested(base, component, new Party("", valid.name()), "id", "\"\"", NotBlank.class));
        add.accept(nested(base, component, new Party("  ", valid.name()), "id", "\"  \"", NotBlank.class));
        add.accept(nested(base, component, new Party(tooLong(Identifier.MAX_LENGTH), valid.name()), "id",
                show(tooLong(Identifier.MAX_LENGTH)), Size.class));
        for (String bad : List.of("municipality northvale", "-northvale", "northvale#1", "Ärende")) {
            add.accept(nested(base, component, new Party(bad, valid.name()), "id", show(bad), Pattern.class));
        }
        add.accept(nested(base, component, new Party(valid.id(), null), "name", "null", NotBlank.class));
        add.accept(nested(base, component, new Party(valid.id(), " "), "name", "\" \"", NotBlank.class));
        add.accept(nested(base, component, new Party(valid.id(), tooLong(Limits.NAME)), "name", show(tooLong(Limits.NAME)), Size.class));
    }

    private static void level(Consumer<Case> add, EngagementCommand base, String component) {
        add.accept(invalid(base, component, -1, Min.class));
        add.accept(invalid(base, component, 6, Max.class));
    }

    private static void hours(Consumer<Case> add, EngagementCommand base) {
        add.accept(invalid(base, "hours", null, NotNull.class));
        add.accept(invalid(base, "hours", new BigDecimal("0"), DecimalMin.class));
        add.accept(invalid(base, "hours", new BigDecimal("0.00"), DecimalMin.class));
        add.accept(invalid(base, "hours", new BigDecimal("-1"), DecimalMin.class));
        add.accept(invalid(base, "hours", new BigDecimal("24.01"), DecimalMax.class));
        add.accept(invalid(base, "hours", new BigDecimal("25"), DecimalMax.class));
        add.accept(invalid(base, "hours", new BigDecimal("1.125"), Digits.class));
        add.accept(invalid(base, "hours", new BigDecimal("7.999"), Digits.class));
    }

    private static void positiveMoney(Consumer<Case> add, EngagementCommand base, String component) {
        add.accept(invalid(base, component, null, NotNull.class));
        add.accept(invalid(base, component, eur("0.00"), PositiveMoney.class));
        add.accept(invalid(base, component, eur("-0.01"), PositiveMoney.class));
        add.accept(invalid(base, component, eur("-1250.00"), PositiveMoney.class));
    }

    /** A copy of {@code record} with one component replaced, through the canonical constructor. */
    @SuppressWarnings("unchecked")
    public static <R> R with(R record, String component, Object value) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(component)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                fail(record.getClass().getSimpleName() + " has no component " + component);
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return (R) constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- completeness of the table ------------------------------------------------------------------------------

    /**
     * The constraints declared on a record's components, as "Type.component@Rule" (or "Type.component[]@Rule"
     * for list elements), following {@code @Valid} into nested records that declare constraints themselves.
     */
    static Set<String> declaredConstraints(Class<?> type) {
        Set<String> result = new LinkedHashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            String key = type.getSimpleName() + "." + component.getName();
            for (Annotation annotation : field.getAnnotations()) {
                if (annotation instanceof Valid) {
                    Set<String> nested = declaredConstraints(component.getType().isRecord() ? component.getType() : Object.class);
                    if (!nested.isEmpty()) {
                        result.add(key + "@Valid");
                        result.addAll(nested);
                    }
                } else if (isConstraint(annotation)) {
                    result.add(key + "@" + annotation.annotationType().getSimpleName());
                }
            }
            AnnotatedType annotatedType = field.getAnnotatedType();
            if (annotatedType instanceof AnnotatedParameterizedType parameterized) {
                for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                    for (Annotation annotation : argument.getAnnotations()) {
                        if (isConstraint(annotation)) {
                            result.add(key + "[]@" + annotation.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }
        return result;
    }

    private static boolean isConstraint(Annotation annotation) {
        return annotation.annotationType().isAnnotationPresent(Constraint.class);
    }

    /** What a case exercises, in the form of {@link #declaredConstraints}. */
    static Stream<String> exercised(Case c) {
        List<String> result = new ArrayList<>();
        Class<?> type = c.command().getClass();
        String[] segments = c.path().split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("<")) {
                continue;
            }
            boolean isElement = segment.contains("[");
            String name = isElement ? segment.substring(0, segment.indexOf('[')) : segment;
            String key = type.getSimpleName() + "." + name;
            boolean last = i == segments.length - 1 || segments[i + 1].startsWith("<");
            if (last) {
                result.add(key + (isElement ? "[]" : "") + "@" + c.rule().getSimpleName());
            } else {
                result.add(key + "@Valid");
                try {
                    type = type.getDeclaredField(name).getType();
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return result.stream();
    }
}
