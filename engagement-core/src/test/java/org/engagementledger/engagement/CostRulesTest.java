package org.engagementledger.engagement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.AmendmentId;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

/**
 * Cost rules of the engagement: time, expenses, invoices and ceiling amendments. One test per
 * business rule; refusals assert the exception, its rule code and message, and that nothing was stored.
 */
class CostRulesTest {

    private static final RequirementId REQUIREMENT_2 = RequirementId.of("REQ-2");
    private static final RequirementId UNKNOWN_REQUIREMENT = RequirementId.of("REQ-404");
    private static final InvoiceId INVOICE_2 = InvoiceId.of("INV-2");
    private static final LocalDate WORK_DAY = day("2026-02-03");
    private static final LocalDate INVOICE_DAY = day("2026-03-01");

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    // ---- time ---------------------------------------------------------------------------------------------

    @Test
    void consultantLogsTimeCostedAsHoursTimesRate() {
        fixture.given(commissioned(), activated())
                .when(logTime("8", "125.00"), as(CONSULTANT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(timeLoggedFor(logTime("8", "125.00"), 1, "1000.00"));
    }

    @Test
    void timeCostIsRoundedHalfEvenToWholeCents() {
        // 7.25 h x 133.33 EUR = 966.6425 EUR -> 966.64 EUR
        fixture.given(commissioned(), activated())
                .when(logTime("7.25", "133.33"), as(CONSULTANT))
                .expectEvents(timeLoggedFor(logTime("7.25", "133.33"), 1, "966.64"));
    }

    @Test
    void anExactHalfCentOfTimeCostRoundsToTheEvenCent() {
        // 0.25 h x 10.10 EUR = 2.525 EUR -> 2.52 EUR (half-even, where half-up would give 2.53)
        fixture.given(commissioned(), activated())
                .when(logTime("0.25", "10.10"), as(CONSULTANT))
                .expectEvents(timeLoggedFor(logTime("0.25", "10.10"), 1, "2.52"));
    }

    @Test
    void agencyBuyerCannotLogTime() {
        fixture.given(commissioned(), activated())
                .when(logTime("8", "125.00"), as(BUYER_OFFICIAL))
                .expectException(NotPermittedException.class)
                .expectException(refusedBy("not-permitted"))
                .expectExceptionMessage("AGENCY_BUYER may not log time; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void agencyStaffCannotLogTime() {
        fixture.given(commissioned(), activated())
                .when(logTime("8", "125.00"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not log time; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierCannotLogTime() {
        fixture.given(commissioned(), activated())
                .when(logTime("8", "125.00"), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001,"
                        + " but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void timeCannotBeLoggedWhileTheEngagementIsOnlyCommissioned() {
        fixture.given(commissioned())
                .when(logTime("8", "125.00"), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectException(refusedBy("invalid-state"))
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot log time before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void timeCannotBeLoggedOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(logTime("8", "125.00"), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void timeBeforeTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(logTimeOn(day("2025-12-31")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("date 2025-12-31 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void timeAfterTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(logTimeOn(day("2027-01-01")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("date 2027-01-01 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void timeOnTheFirstDayOfThePeriodIsAccepted() {
        LogTime command = logTimeOn(PERIOD.start());
        fixture.given(commissioned(), activated())
                .when(command, as(CONSULTANT))
                .expectEvents(timeLoggedFor(command, 1, "1000.00"));
    }

    @Test
    void timeOnTheLastDayOfThePeriodIsAccepted() {
        LogTime command = logTimeOn(PERIOD.end());
        fixture.given(commissioned(), activated())
                .when(command, as(CONSULTANT))
                .expectEvents(timeLoggedFor(command, 1, "1000.00"));
    }

    @Test
    void hourlyRateInAnotherCurrencyIsRefused() {
        LogTime command = new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", WORK_DAY, new BigDecimal("8"),
                Money.of("125.00", "SEK"), CostCategory.DELIVERY, null, "Model design");
        fixture.given(commissioned(), activated())
                .when(command, as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("currency-matches"))
                .expectExceptionMessage("hourlyRate is in SEK but the engagement is in EUR")
                .expectNoEvents();
    }

    @Test
    void timeLinkedToAnExistingRequirementIsAccepted() {
        LogTime command = logTimeAgainst(REQUIREMENT);
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(command, as(CONSULTANT))
                .expectEvents(timeLoggedFor(command, 1, "1000.00"));
    }

    @Test
    void timeLinkedToAnUnknownRequirementIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded())
                .when(logTimeAgainst(UNKNOWN_REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-404' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void timeLinkedToAWithdrawnRequirementIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(),
                        new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Out of scope"))
                .when(logTimeAgainst(REQUIREMENT), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is WITHDRAWN; time cannot be logged against it")
                .expectNoEvents();
    }

    @Test
    void costLinesAreNumberedInOrder() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "1000.00"), timeLoggedAt(2, "500.00"))
                .when(logTime("8", "125.00"), as(CONSULTANT))
                .expectEvents(timeLoggedFor(logTime("8", "125.00"), 3, "1000.00"));
    }

    @Test
    void timeBringingCommittedCostExactlyToTheCeilingIsAccepted() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99000.00"))
                .when(logTime("8", "125.00"), as(CONSULTANT))
                .expectEvents(timeLoggedFor(logTime("8", "125.00"), 2, "1000.00"));
    }

    @Test
    void timeTakingCommittedCostAboveTheCeilingIsRefusedWithTheFigures() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99000.00"))
                .when(logTime("8", "125.01"), as(CONSULTANT))
                .expectException(CeilingExceededException.class)
                .expectException(refusedBy("ceiling-exceeded"))
                .expectException(ceilingFigures("100000.00", "99000.00", "1000.08"))
                .expectExceptionMessage("committed cost may not exceed the ceiling: ceiling 100000.00 EUR, committed 99000.00 EUR,"
                        + " attempted 1000.08 EUR (over by 0.08 EUR); amend the ceiling first")
                .expectNoEvents();
    }

    /** Found by the generated invalid commands: the product used to escape as Money's IllegalArgumentException. */
    @Test
    void timeWhoseCostIsBeyondAnyAmountTheLedgerHoldsIsRefusedNamingHoursAndRate() {
        fixture.given(commissioned(), activated())
                .when(logTime("24", "999999999999.99"), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("amount-limit"))
                .expectExceptionMessage("hours x hourlyRate = 23999999999999.76 EUR must be below 1000000000000")
                .expectNoEvents();
    }

    /** Committed cost plus a huge expense is beyond what Money holds: still the ceiling refusal with its figures. */
    @Test
    void aHugeExpenseOnTopOfCommittedCostIsRefusedAsCeilingExceeded() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99000.00"))
                .when(expense("999999999999.99"), as(CONSULTANT))
                .expectException(CeilingExceededException.class)
                .expectExceptionMessage("committed cost may not exceed the ceiling: ceiling 100000.00 EUR, committed 99000.00 EUR,"
                        + " attempted 999999999999.99 EUR (over by 999999998999.99 EUR); amend the ceiling first")
                .expectNoEvents();
    }

    // ---- expenses -------------------------------------------------------------------------------------------

    @Test
    void consultantRecordsAnExpenseAsACostLine() {
        fixture.given(commissioned(), activated())
                .when(expense("450.00"), as(CONSULTANT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expenseRecorded(expense("450.00"), 1));
    }

    @Test
    void expensesAndTimeShareOneCostLineSequence() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "1000.00"))
                .when(expense("450.00"), as(CONSULTANT))
                .expectEvents(expenseRecorded(expense("450.00"), 2));
    }

    @Test
    void agencyBuyerCannotRecordAnExpense() {
        fixture.given(commissioned(), activated())
                .when(expense("450.00"), as(BUYER_OFFICIAL))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_BUYER may not record an expense; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void agencyStaffCannotRecordAnExpense() {
        fixture.given(commissioned(), activated())
                .when(expense("450.00"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not record an expense; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void expenseCannotBeRecordedWhileTheEngagementIsOnlyCommissioned() {
        fixture.given(commissioned())
                .when(expense("450.00"), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot record an expense before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierCannotRecordAnExpense() {
        fixture.given(commissioned(), activated())
                .when(expense("450.00"), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001,"
                        + " but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void expenseCannotBeRecordedOnATerminatedEngagement() {
        fixture.given(commissioned(), activated(), new EngagementTerminated(ENGAGEMENT, "Budget withdrawn", eur("0.00")))
                .when(expense("450.00"), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void expenseBeforeTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(expenseOn(day("2025-12-31")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("date 2025-12-31 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void expenseAfterTheEngagementPeriodIsRefused() {
        fixture.given(commissioned(), activated())
                .when(expenseOn(day("2027-01-01")), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("within-period"))
                .expectExceptionMessage("date 2027-01-01 lies outside the engagement period 2026-01-01..2026-12-31")
                .expectNoEvents();
    }

    @Test
    void expenseOnTheLastDayOfThePeriodIsAccepted() {
        RecordExpense command = expenseOn(PERIOD.end());
        fixture.given(commissioned(), activated())
                .when(command, as(CONSULTANT))
                .expectEvents(expenseRecorded(command, 1));
    }

    @Test
    void expenseInAnotherCurrencyIsRefused() {
        RecordExpense command = new RecordExpense(ENGAGEMENT, WORK_DAY, Money.of("450.00", "USD"),
                CostCategory.ADMINISTRATION, "Train to Northvale");
        fixture.given(commissioned(), activated())
                .when(command, as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("currency-matches"))
                .expectExceptionMessage("amount is in USD but the engagement is in EUR")
                .expectNoEvents();
    }

    @Test
    void expenseBringingCommittedCostExactlyToTheCeilingIsAccepted() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99550.00"))
                .when(expense("450.00"), as(CONSULTANT))
                .expectEvents(expenseRecorded(expense("450.00"), 2));
    }

    @Test
    void expenseTakingCommittedCostAboveTheCeilingIsRefusedWithTheFigures() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99550.00"))
                .when(expense("450.01"), as(CONSULTANT))
                .expectException(CeilingExceededException.class)
                .expectException(ceilingFigures("100000.00", "99550.00", "450.01"))
                .expectExceptionMessage("committed cost may not exceed the ceiling: ceiling 100000.00 EUR, committed 99550.00 EUR,"
                        + " attempted 450.01 EUR (over by 0.01 EUR); amend the ceiling first")
                .expectNoEvents();
    }

    // ---- invoices ---------------------------------------------------------------------------------------------

    @Test
    void consultantRegistersAnInvoiceNotBackedWhenNoBilledRequirementIsAccepted() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(CONSULTANT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT));
    }

    @Test
    void invoiceBillingAnAcceptedRequirementIsBackedByAnAcceptedDeliverable() {
        fixture.given(commissioned(), activated(), requirementAdded(), secondRequirementAdded(),
                        fulfilmentSubmitted(), fulfilmentAccepted(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT_2, REQUIREMENT), as(CONSULTANT))
                .expectEvents(invoiceRegisteredAs(INVOICE, "6000.00", true, REQUIREMENT_2, REQUIREMENT));
    }

    @Test
    void invoiceBillingOnlyASubmittedButUndecidedRequirementIsNotBacked() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(CONSULTANT))
                .expectEvents(invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT));
    }

    @Test
    void agencyBuyerCannotRegisterAnInvoice() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(BUYER_OFFICIAL))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_BUYER may not register an invoice; allowed: CONSULTANT")
                .expectNoEvents();
    }

    @Test
    void invoiceCannotBeRegisteredWhileTheEngagementIsOnlyCommissioned() {
        fixture.given(commissioned(), requirementAdded())
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMMISSIONED; cannot register an invoice before the engagement is activated")
                .expectNoEvents();
    }

    @Test
    void consultantOfAnotherSupplierCannotRegisterAnInvoice() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(OUTSIDE_CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role CONSULTANT must act for 'brightpath-consulting' in engagement ENG-2026-001,"
                        + " but rival-consultant acts for 'rival-consulting'")
                .expectNoEvents();
    }

    @Test
    void invoiceCannotBeRegisteredOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"), completed())
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void duplicateInvoiceIdIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "1000.00", false, REQUIREMENT))
                .when(registerInvoice(INVOICE, "1000.00", REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("duplicate-id"))
                .expectExceptionMessage("invoice id \'INV-1\' is already used in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void invoiceBillingAWithdrawnRequirementIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(),
                        new RequirementWithdrawn(ENGAGEMENT, REQUIREMENT, "Out of scope"), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT), as(CONSULTANT))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("requirement REQ-1 is WITHDRAWN; an invoice cannot bill for it")
                .expectNoEvents();
    }

    @Test
    void invoiceBillingAnUnknownRequirementIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"))
                .when(registerInvoice(INVOICE, "6000.00", REQUIREMENT, UNKNOWN_REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no requirement 'REQ-404' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void invoiceInAnotherCurrencyIsRefused() {
        RegisterInvoice command = new RegisterInvoice(ENGAGEMENT, INVOICE, INVOICE_DAY, Money.of("6000.00", "GBP"),
                List.of(REQUIREMENT));
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"))
                .when(command, as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("currency-matches"))
                .expectExceptionMessage("amount is in GBP but the engagement is in EUR")
                .expectNoEvents();
    }

    @Test
    void invoicedTotalExactlyReachingCommittedCostIsAccepted() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT))
                .when(registerInvoice(INVOICE_2, "4000.00", REQUIREMENT), as(CONSULTANT))
                .expectEvents(invoiceRegisteredAs(INVOICE_2, "4000.00", false, REQUIREMENT));
    }

    @Test
    void invoicedTotalAboveCommittedCostIsRefused() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT))
                .when(registerInvoice(INVOICE_2, "4000.01", REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("invoiced-within-committed"))
                .expectExceptionMessage("invoices may not exceed recorded cost: committed 10000.00 EUR,"
                        + " already invoiced 6000.00 EUR, attempted 4000.01 EUR")
                .expectNoEvents();
    }

    /** Already invoiced plus a huge invoice is beyond what Money holds: still the invoiced-within-committed refusal. */
    @Test
    void aHugeInvoiceOnTopOfInvoicedCostIsRefusedAsAboveCommittedCost() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT))
                .when(registerInvoice(INVOICE_2, "999999999999.99", REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("invoiced-within-committed"))
                .expectExceptionMessage("invoices may not exceed recorded cost: committed 10000.00 EUR,"
                        + " already invoiced 6000.00 EUR, attempted 999999999999.99 EUR")
                .expectNoEvents();
    }

    @Test
    void acceptedInvoicesCountTowardsTheInvoicedTotal() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT),
                        new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("6000.00")))
                .when(registerInvoice(INVOICE_2, "4000.01", REQUIREMENT), as(CONSULTANT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("invoices may not exceed recorded cost: committed 10000.00 EUR,"
                        + " already invoiced 6000.00 EUR, attempted 4000.01 EUR")
                .expectNoEvents();
    }

    @Test
    void disputedInvoicesDoNotCountTowardsTheInvoicedTotal() {
        fixture.given(commissioned(), activated(), requirementAdded(), timeLoggedAt(1, "10000.00"),
                        invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT),
                        new InvoiceDisputed(ENGAGEMENT, INVOICE, "Hours not evidenced"))
                .when(registerInvoice(INVOICE_2, "10000.00", REQUIREMENT), as(CONSULTANT))
                .expectEvents(invoiceRegisteredAs(INVOICE_2, "10000.00", false, REQUIREMENT));
    }

    @Test
    void buyerAcceptsARegisteredInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("6000.00")));
    }

    @Test
    void agencyStaffCannotAcceptAnInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not accept an invoice; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void consultantCannotAcceptAnInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not accept an invoice; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void buyerOfAnotherOrganisationCannotAcceptAnInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_BUYER must act for 'municipality-northvale' in engagement ENG-2026-001,"
                        + " but other-official acts for 'municipality-southvale'")
                .expectNoEvents();
    }

    @Test
    void unknownInvoiceCannotBeAccepted() {
        fixture.given(invoiceOnRecord())
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE_2), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("unknown-reference"))
                .expectExceptionMessage("no invoice 'INV-2' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void invoiceCannotBeAcceptedOnACompletedEngagement() {
        fixture.given(invoiceOnRecord(completed()))
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void acceptedInvoiceCannotBeAcceptedAgain() {
        fixture.given(invoiceOnRecord(new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("6000.00"))))
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("invoice INV-1 is already ACCEPTED")
                .expectNoEvents();
    }

    @Test
    void disputedInvoiceCanLaterBeAccepted() {
        fixture.given(invoiceOnRecord(new InvoiceDisputed(ENGAGEMENT, INVOICE, "Hours not evidenced")))
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(BUYER_OFFICIAL))
                .expectEvents(new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("6000.00")));
    }

    @Test
    void acceptingADisputedInvoiceThatWouldTakeTheInvoicedTotalAboveCommittedCostIsRefused() {
        fixture.given(invoiceOnRecord(new InvoiceDisputed(ENGAGEMENT, INVOICE, "Hours not evidenced"),
                        invoiceRegisteredAs(INVOICE_2, "10000.00", false, REQUIREMENT)))
                .when(new AcceptInvoice(ENGAGEMENT, INVOICE), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("invoiced-within-committed"))
                .expectExceptionMessage("invoices may not exceed recorded cost: committed 10000.00 EUR,"
                        + " already invoiced 10000.00 EUR, attempted 6000.00 EUR")
                .expectNoEvents();
    }

    @Test
    void buyerDisputesARegisteredInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not evidenced"), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new InvoiceDisputed(ENGAGEMENT, INVOICE, "Hours not evidenced"));
    }

    @Test
    void consultantCannotDisputeAnInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not evidenced"), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not dispute an invoice; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void agencyStaffCannotDisputeAnInvoice() {
        fixture.given(invoiceOnRecord())
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not evidenced"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not dispute an invoice; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void unknownInvoiceCannotBeDisputed() {
        fixture.given(invoiceOnRecord())
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE_2, "Hours not evidenced"), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("no invoice 'INV-2' in engagement ENG-2026-001")
                .expectNoEvents();
    }

    @Test
    void invoiceCannotBeDisputedOnATerminatedEngagement() {
        fixture.given(invoiceOnRecord(new EngagementTerminated(ENGAGEMENT, "Budget withdrawn", eur("10000.00"))))
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not evidenced"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is TERMINATED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void acceptedInvoiceCannotBeDisputed() {
        fixture.given(invoiceOnRecord(new InvoiceAccepted(ENGAGEMENT, INVOICE, eur("6000.00"))))
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Hours not evidenced"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("invoice INV-1 is ACCEPTED; only a REGISTERED invoice can be disputed")
                .expectNoEvents();
    }

    @Test
    void disputedInvoiceCannotBeDisputedAgain() {
        fixture.given(invoiceOnRecord(new InvoiceDisputed(ENGAGEMENT, INVOICE, "Hours not evidenced")))
                .when(new DisputeInvoice(ENGAGEMENT, INVOICE, "Still not evidenced"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("invoice INV-1 is DISPUTED; only a REGISTERED invoice can be disputed")
                .expectNoEvents();
    }

    // ---- ceiling amendments -------------------------------------------------------------------------------

    @Test
    void buyerAmendsTheCeilingRecordingPreviousAndNewValueRationaleAndRequester() {
        fixture.given(commissioned(), activated())
                .when(amendCeiling("120000.00"), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ceilingAmended(1, "100000.00", "120000.00"));
    }

    @Test
    void amendmentsAreNumberedInOrder() {
        fixture.given(commissioned(), activated(), ceilingAmended(1, "100000.00", "120000.00"))
                .when(amendCeiling("130000.00"), as(BUYER_OFFICIAL))
                .expectEvents(ceilingAmended(2, "120000.00", "130000.00"));
    }

    @Test
    void ceilingMayBeAmendedWhileTheEngagementIsOnlyCommissioned() {
        fixture.given(commissioned())
                .when(amendCeiling("120000.00"), as(BUYER_OFFICIAL))
                .expectEvents(ceilingAmended(1, "100000.00", "120000.00"));
    }

    @Test
    void agencyStaffCannotAmendTheCeiling() {
        fixture.given(commissioned(), activated())
                .when(amendCeiling("120000.00"), as(AGENCY_STAFF))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("AGENCY_STAFF may not amend the ceiling; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void consultantCannotAmendTheCeiling() {
        fixture.given(commissioned(), activated())
                .when(amendCeiling("120000.00"), as(CONSULTANT))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("CONSULTANT may not amend the ceiling; allowed: AGENCY_BUYER")
                .expectNoEvents();
    }

    @Test
    void buyerOfAnotherOrganisationCannotAmendTheCeiling() {
        fixture.given(commissioned(), activated())
                .when(amendCeiling("120000.00"), as(OUTSIDE_BUYER))
                .expectException(NotPermittedException.class)
                .expectExceptionMessage("an actor in role AGENCY_BUYER must act for 'municipality-northvale' in engagement ENG-2026-001,"
                        + " but other-official acts for 'municipality-southvale'")
                .expectNoEvents();
    }

    @Test
    void ceilingCannotBeAmendedOnACompletedEngagement() {
        fixture.given(commissioned(), activated(), completed())
                .when(amendCeiling("120000.00"), as(BUYER_OFFICIAL))
                .expectException(InvalidStateException.class)
                .expectExceptionMessage("engagement ENG-2026-001 is COMPLETED; only an auditor's note can be added")
                .expectNoEvents();
    }

    @Test
    void amendmentToTheSameCeilingIsRefused() {
        fixture.given(commissioned(), activated())
                .when(amendCeiling("100000.00"), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("amendment-changes-value"))
                .expectExceptionMessage("newCeiling 100000.00 EUR equals the current ceiling")
                .expectNoEvents();
    }

    @Test
    void ceilingBelowCommittedCostIsRefused() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "60000.00"))
                .when(amendCeiling("59999.99"), as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("ceiling-covers-committed"))
                .expectExceptionMessage("newCeiling 59999.99 EUR is below committed cost 60000.00 EUR")
                .expectNoEvents();
    }

    @Test
    void ceilingMayBeLoweredToExactlyTheCommittedCost() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "60000.00"))
                .when(amendCeiling("60000.00"), as(BUYER_OFFICIAL))
                .expectEvents(ceilingAmended(1, "100000.00", "60000.00"));
    }

    @Test
    void ceilingInAnotherCurrencyIsRefused() {
        fixture.given(commissioned(), activated())
                .when(new AmendCeiling(ENGAGEMENT, Money.of("120000.00", "CHF"), "Scope extended", "Head of Employment Services"),
                        as(BUYER_OFFICIAL))
                .expectException(RuleViolationException.class)
                .expectException(refusedBy("currency-matches"))
                .expectExceptionMessage("newCeiling is in CHF but the engagement is in EUR")
                .expectNoEvents();
    }

    @Test
    void costRefusedAtTheOldCeilingIsAcceptedAfterAnAmendment() {
        fixture.given(commissioned(), activated(), timeLoggedAt(1, "99000.00"), ceilingAmended(1, "100000.00", "120000.00"))
                .when(logTime("10", "150.00"), as(CONSULTANT))
                .expectEvents(timeLoggedFor(logTime("10", "150.00"), 2, "1500.00"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------


    /** The ceiling refusal exposes the ceiling, committed and attempted amounts (EUR). */
    private static Matcher<CeilingExceededException> ceilingFigures(String ceiling, String committed, String attempted) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CeilingExceededException e) {
                return eur(ceiling).equals(e.ceiling()) && eur(committed).equals(e.committed()) && eur(attempted).equals(e.attempted());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ceiling " + ceiling + ", committed " + committed + ", attempted " + attempted);
            }
        };
    }

    private static LogTime logTimeOn(LocalDate date) {
        return new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", date, new BigDecimal("8"), eur("125.00"),
                CostCategory.DELIVERY, null, "Model design");
    }

    private static LogTime logTimeAgainst(RequirementId requirementId) {
        return new LogTime(ENGAGEMENT, "Senior consultant A", "Data scientist", WORK_DAY, new BigDecimal("8"), eur("125.00"),
                CostCategory.DELIVERY, requirementId, "Model design");
    }

    /** The event a successful {@code command} produces as cost line {@code line} costing {@code amount} EUR. */
    private static TimeLogged timeLoggedFor(LogTime command, int line, String amount) {
        return new TimeLogged(ENGAGEMENT, CostLineId.of("cost-" + line), command.person(), command.personRole(), command.date(),
                command.hours(), command.hourlyRate(), eur(amount), command.category(), command.requirementId(),
                command.description());
    }

    /** Earlier time on record, as cost line {@code line}, committing {@code amount} EUR. */
    private static TimeLogged timeLoggedAt(int line, String amount) {
        return new TimeLogged(ENGAGEMENT, CostLineId.of("cost-" + line), "Senior consultant B", "Analyst", day("2026-01-20"),
                new BigDecimal("1.00"), eur(amount), eur(amount), CostCategory.DELIVERY, null, "Earlier work");
    }

    private static RecordExpense expense(String amount) {
        return new RecordExpense(ENGAGEMENT, WORK_DAY, eur(amount), CostCategory.ADMINISTRATION, "Train to Northvale");
    }

    private static RecordExpense expenseOn(LocalDate date) {
        return new RecordExpense(ENGAGEMENT, date, eur("450.00"), CostCategory.ADMINISTRATION, "Train to Northvale");
    }

    private static ExpenseRecorded expenseRecorded(RecordExpense command, int line) {
        return new ExpenseRecorded(ENGAGEMENT, CostLineId.of("cost-" + line), command.date(), command.amount(), command.category(),
                command.description());
    }

    private static RequirementAdded secondRequirementAdded() {
        return new RequirementAdded(ENGAGEMENT, REQUIREMENT_2, "Vacancy data refreshed daily", List.of("Refresh before 07:00"),
                "Log inspection", StatedBy.AGENCY_UNIT, false);
    }

    private static RegisterInvoice registerInvoice(InvoiceId id, String amount, RequirementId... billed) {
        return new RegisterInvoice(ENGAGEMENT, id, INVOICE_DAY, eur(amount), List.of(billed));
    }

    private static InvoiceRegistered invoiceRegisteredAs(InvoiceId id, String amount, boolean backed, RequirementId... billed) {
        return new InvoiceRegistered(ENGAGEMENT, id, INVOICE_DAY, eur(amount), List.of(billed), backed);
    }

    /** An active engagement with 10,000.00 EUR committed and invoice INV-1 of 6,000.00 EUR registered, then {@code more}. */
    private static Object[] invoiceOnRecord(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(commissioned(), activated(), requirementAdded(),
                timeLoggedAt(1, "10000.00"), invoiceRegisteredAs(INVOICE, "6000.00", false, REQUIREMENT)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static AmendCeiling amendCeiling(String newCeiling) {
        return new AmendCeiling(ENGAGEMENT, eur(newCeiling), "Scope extended to a second region", "Head of Employment Services");
    }

    private static CeilingAmended ceilingAmended(int number, String previous, String next) {
        return new CeilingAmended(ENGAGEMENT, AmendmentId.of("amendment-" + number), eur(previous), eur(next),
                "Scope extended to a second region", "Head of Employment Services");
    }
}
