package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariDataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.DataSubjectId;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.*;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.engagement.NotPermittedException;
import org.engagementledger.storage.TestDatabases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.engagementledger.engagement.CommandValidationTest.FEEDBACK;
import static org.engagementledger.engagement.CommandValidationTest.VALID;
import static org.engagementledger.engagement.CommandValidationTest.with;
import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.reliability.Reliability.storedEvents;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Generated commands from actors whose role or organisation the rules forbid are all refused as not
 * permitted, and store nothing. What is forbidden comes from {@link #ALLOWED}, a table written from the
 * README's domain table, not read from the engagement's code: agency roles act for the buyer's
 * organisation, consultants for the supplier's, auditors for any audit office.
 *
 * <p>The actors are generated: every role; the buyer's, the supplier's, another organisation, or a near
 * miss of the right one (other case, padded, suffixed); a consultant adding a requirement not stated by
 * the consultant. One example checks the table the other way: every allowed role acting for the right
 * organisation is not refused as not permitted, so the table is not stricter than the ledger.
 */
class RolePermissionTest {

    /** Who may send each command (README, "The domain in one page"). */
    static final Map<Class<? extends EngagementCommand>, Set<Role>> ALLOWED = Map.ofEntries(
            entry(CommissionEngagement.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(ActivateEngagement.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(CompleteEngagement.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(TerminateEngagement.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(AddRequirement.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF, Role.CONSULTANT)),
            entry(ReviseRequirement.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(WithdrawRequirement.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(SubmitFulfilment.class, EnumSet.of(Role.CONSULTANT)),
            entry(AcceptFulfilment.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(RejectFulfilment.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(DefineCapabilityTarget.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(RecordTransferActivity.class, EnumSet.of(Role.CONSULTANT, Role.AGENCY_STAFF)),
            entry(AssessCapability.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(LogTime.class, EnumSet.of(Role.CONSULTANT)),
            entry(RecordExpense.class, EnumSet.of(Role.CONSULTANT)),
            entry(RegisterInvoice.class, EnumSet.of(Role.CONSULTANT)),
            entry(AcceptInvoice.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(DisputeInvoice.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(AmendCeiling.class, EnumSet.of(Role.AGENCY_BUYER)),
            entry(RecordRightsHolderImpact.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(RecordFeedback.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF, Role.CONSULTANT)),
            entry(RespondToFeedback.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(DeclareConflictOfInterest.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF, Role.CONSULTANT)),
            entry(RecordDecision.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(ScheduleMilestone.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(RecordMilestoneOutcome.class, EnumSet.of(Role.AGENCY_BUYER, Role.AGENCY_STAFF)),
            entry(AddAuditorNote.class, EnumSet.of(Role.AUDITOR)));

    static final EngagementId NEW_ENGAGEMENT = EngagementId.of("ENG-ROLES-NEW");

    private static HikariDataSource dataSource;
    private static EngagementLedger ledger;

    @BeforeContainer
    static void prepareAnEngagementWhereEveryCommandHasSomethingToActOn() {
        dataSource = TestDatabases.h2();
        ledger = EngagementLedger.builder().dataSource(dataSource).readModels(false).build();
        prepare(ENGAGEMENT);
    }

    @AfterContainer
    static void closeLedger() {
        ledger.close();
        dataSource.close();
    }

    /** Active, with an open requirement REQ-1, a submitted REQ-2, target CAP-1, cost, invoice INV-1, milestone MS-1, feedback FB-1. */
    private static void prepare(EngagementId id) {
        ledger.send(commission(id), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(id, SIGNED), BUYER_OFFICIAL);
        ledger.send(with(addRequirement(), "engagementId", id), AGENCY_STAFF);
        ledger.send(new AddRequirement(id, RequirementId.of("REQ-2"), "Outcome", List.of("Criterion"), "Review", StatedBy.AGENCY_UNIT),
                AGENCY_STAFF);
        ledger.send(new SubmitFulfilment(id, RequirementId.of("REQ-2"), "Evidence"), CONSULTANT);
        ledger.send(new DefineCapabilityTarget(id, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4), AGENCY_STAFF);
        ledger.send(new LogTime(id, "Consultant A", "Data scientist", day("2026-02-03"), new BigDecimal("8"), eur("250.00"),
                CostCategory.DELIVERY, null, "Model design"), CONSULTANT);
        ledger.send(new RegisterInvoice(id, INVOICE, day("2026-03-01"), eur("1000.00"), List.of(REQUIREMENT)), CONSULTANT);
        ledger.send(new ScheduleMilestone(id, MILESTONE, "Prototype in use by one team", day("2026-06-30")), AGENCY_STAFF);
        ledger.send(new RecordFeedback(id, FEEDBACK, FeedbackSource.FRONTLINE_STAFF, "Travel time is ignored", null,
                DataSubjectId.of("caseworker-rp-01"), null, null), AGENCY_STAFF);
    }

    // ---- the properties --------------------------------------------------------------------------------------

    @Property(tries = 1_000, seed = Reliability.SEED)
    void aCommandFromAForbiddenRoleOrOrganisationIsRefusedAsNotPermittedAndStoresNothing(@ForAll("forbidden") Attempt attempt) {
        assertNotPermittedAndNothingStored(attempt);
    }

    @Property(tries = 20_000)
    @AddLifecycleHook(HeavyOnly.class)
    void heavyForbiddenRolesAndOrganisations(@ForAll("forbidden") Attempt attempt) {
        assertNotPermittedAndNothingStored(attempt);
    }

    /** The table is not stricter than the ledger: each allowed role, acting for the right organisation, gets past the permission check. */
    @Example
    void everyAllowedRoleActingForTheRightOrganisationIsPermitted() {
        int engagement = 0;
        List<String> notPermitted = new ArrayList<>();
        for (Map.Entry<Class<? extends EngagementCommand>, Set<Role>> entry : ALLOWED.entrySet()) {
            for (Role role : entry.getValue()) {
                EngagementId id = EngagementId.of("ENG-ALLOWED-" + ++engagement);
                EngagementCommand command = command(entry.getKey(), id, role);
                if (!(command instanceof CommissionEngagement)) {
                    prepare(id);
                }
                try {
                    ledger.send(command, Actor.of("someone", role, rightOrganisation(role)));
                } catch (NotPermittedException e) {
                    notPermitted.add(entry.getKey().getSimpleName() + " as " + role + ": " + e.getMessage());
                } catch (CommandRefusedException e) {
                    // refused for the state of the engagement or another rule: past the permission check
                }
            }
        }
        assertEquals(List.of(), notPermitted);
    }

    // ---- attempts ----------------------------------------------------------------------------------------------

    /** A command sent by an actor the table forbids, and why it is forbidden. */
    record Attempt(EngagementCommand command, Actor actor, String why) {
        @Override
        public String toString() {
            return command.getClass().getSimpleName() + " by " + actor + ": " + why;
        }
    }

    @Provide
    Arbitrary<Attempt> forbidden() {
        Arbitrary<Class<? extends EngagementCommand>> types = Arbitraries.of(List.copyOf(ALLOWED.keySet()))
                .map(type -> (Class<? extends EngagementCommand>) type);
        Arbitrary<String> actorIds = Arbitraries.strings().alpha().numeric().withChars('-', '.', ' ', 'é').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
        Arbitrary<Attempt> byTable = Combinators.combine(types, Arbitraries.of(Role.values()), organisations(), actorIds)
                .as((type, role, organisation, actorId) -> {
                    boolean roleAllowed = ALLOWED.get(type).contains(role);
                    boolean organisationAllowed = role == Role.AUDITOR || rightOrganisation(role).equals(organisation);
                    String why = !roleAllowed ? role + " may not send it" : !organisationAllowed ? role + " acting for '" + organisation + "'" : null;
                    return why == null ? null : new Attempt(command(type, ENGAGEMENT, role), Actor.of(actorId, role, organisation), why);
                })
                .filter(attempt -> attempt != null);
        Arbitrary<Attempt> consultantStatingForTheAgency = Arbitraries.of(StatedBy.values()).filter(statedBy -> statedBy != StatedBy.CONSULTANT)
                .map(statedBy -> new Attempt(new AddRequirement(ENGAGEMENT, RequirementId.of("REQ-BY-CONSULTANT"), "Outcome",
                        List.of("Criterion"), "Review", statedBy), CONSULTANT, "a consultant recording a requirement statedBy " + statedBy));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, byTable), net.jqwik.api.Tuple.of(1, consultantStatingForTheAgency));
    }

    /** The organisations actors claim: the right ones, the other party's, someone else's and near misses. */
    static Arbitrary<String> organisations() {
        List<String> parties = List.of(BUYER.id(), SUPPLIER.id(), AUDITOR.organisation(), OUTSIDE_BUYER.organisation(),
                OUTSIDE_CONSULTANT.organisation());
        Arbitrary<String> nearMisses = Arbitraries.of(parties).flatMap(id -> Arbitraries.of(
                id.toUpperCase(Locale.ROOT), " " + id, id + " ", id + "-2", id.substring(0, id.length() - 1), id.replace('-', '_')));
        Arbitrary<String> others = Arbitraries.strings().alpha().numeric().withChars('-', '.', '/', ' ').ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank());
        return Arbitraries.oneOf(Arbitraries.of(parties), nearMisses, others);
    }

    static String rightOrganisation(Role role) {
        return switch (role) {
            case AGENCY_BUYER, AGENCY_STAFF -> BUYER.id();
            case CONSULTANT -> SUPPLIER.id();
            case AUDITOR -> AUDITOR.organisation();
        };
    }

    /** The valid command of this type, for this engagement (a consultant's requirement is stated by the consultant). */
    static EngagementCommand command(Class<? extends EngagementCommand> type, EngagementId id, Role role) {
        if (type == CommissionEngagement.class) {
            return commission(NEW_ENGAGEMENT.equals(id) || id.value().startsWith("ENG-ALLOWED-") ? id : NEW_ENGAGEMENT);
        }
        EngagementCommand command = with(VALID.get(type), "engagementId", id);
        if (command instanceof AddRequirement && role == Role.CONSULTANT) {
            command = with(command, "statedBy", StatedBy.CONSULTANT);
        }
        return command;
    }

    private static void assertNotPermittedAndNothingStored(Attempt attempt) {
        long before = storedEvents(dataSource);
        NotPermittedException refused = assertThrows(NotPermittedException.class, () -> ledger.send(attempt.command(), attempt.actor()),
                attempt::toString);
        assertEquals("not-permitted", refused.rule());
        String message = refused.getMessage();
        assertTrue(message.contains(attempt.actor().role().name()) || message.contains("'" + attempt.actor().organisation() + "'"),
                () -> attempt + ": the refusal names neither the role nor the organisation: " + message);
        assertEquals(before, storedEvents(dataSource), () -> "the store changed after " + attempt);
    }
}
