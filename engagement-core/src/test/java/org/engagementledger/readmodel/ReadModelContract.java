package org.engagementledger.readmodel;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.engagementledger.EngagementLedger;
import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementStatus;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.query.AgencyPortfolio;
import org.engagementledger.api.query.CapabilityProgress;
import org.engagementledger.api.query.CostLedger;
import org.engagementledger.api.query.CostLine;
import org.engagementledger.api.query.CostLineKind;
import org.engagementledger.api.query.EngagementSummary;
import org.engagementledger.api.query.FulfilmentAction;
import org.engagementledger.api.query.FulfilmentStep;
import org.engagementledger.api.query.OpenEngagement;
import org.engagementledger.api.query.RepeatEngagement;
import org.engagementledger.api.query.RequirementRevision;
import org.engagementledger.api.query.RequirementTrace;
import org.engagementledger.api.query.SupplierSpend;
import org.engagementledger.api.query.TracedRequirement;
import org.engagementledger.config.LedgerSettings;
import org.engagementledger.storage.LedgerSchema;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What the read models must do on every supported database, end to end through {@link EngagementLedger}:
 * exact figures for a realistic portfolio, and the same rows after a rebuild or a re-delivery as live.
 * Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ReadModelContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    protected HikariDataSource dataSource;

    protected abstract HikariDataSource newDataSource();

    protected abstract void release(HikariDataSource dataSource);

    @BeforeEach
    void openDatabase() {
        dataSource = newDataSource();
    }

    @AfterEach
    void closeDatabase() {
        release(dataSource);
    }

    @Test
    void queriesShowTheRecordedPortfolioAndARebuildYieldsExactlyTheLiveRows() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            recordPortfolio(ledger);
            ledger.awaitReadModels(TIMEOUT);

            assertSummary(ledger);
            assertRequirementTrace(ledger);
            assertCostLedger(ledger);
            assertPortfolio(ledger);
            assertEquals(List.of(ENGAGEMENT, NORTHWIND_ENGAGEMENT, SOUTHVALE_ENGAGEMENT, FOLLOW_UP),
                    ledger.summaries().stream().map(EngagementSummary::engagementId).toList());

            Map<String, List<List<String>>> live = ReadModelTables.dump(dataSource);
            assertEquals(ReadModelTables.TABLES, List.copyOf(live.keySet()));
            live.forEach((table, rows) -> assertFalse(rows.isEmpty(), table + " should have rows"));
            // Damage the read models: only a rebuild that clears the tables (the reset) repairs both.
            execute("UPDATE rm_engagement SET title = 'tampered'");
            execute("INSERT INTO rm_invoice (engagement_id, invoice_id, issued, currency, amount, status,"
                    + " backed_by_accepted_deliverable, registered_sequence, last_sequence)"
                    + " VALUES ('ENG-STRAY', 'INV-9', DATE '2026-01-01', 'EUR', 1, 'REGISTERED', FALSE, 0, 0)");

            ledger.rebuildReadModels();
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(live, ReadModelTables.dump(dataSource));
            assertSummary(ledger);
        }
    }

    @Test
    void rebuildingTwiceInARowCountsNothingTwice() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            recordMainEngagement(ledger);
            ledger.awaitReadModels(TIMEOUT);
            Map<String, List<List<String>>> live = ReadModelTables.dump(dataSource);

            ledger.rebuildReadModels();
            ledger.rebuildReadModels();
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(live, ReadModelTables.dump(dataSource));
            assertEquals(COMMITTED, ledger.costLedger(ENGAGEMENT).orElseThrow().total());
        }
    }

    @Test
    void eventsRedeliveredWithoutAResetChangeNoRow() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            recordMainEngagement(ledger);
            ledger.awaitReadModels(TIMEOUT);
            Map<String, List<List<String>>> live = ReadModelTables.dump(dataSource);

            // Move the processor's token back to the start, as if its commits had been lost, so that
            // every event is delivered a second time to handlers whose tables are not cleared.
            Configuration axon = ledger.axonConfiguration();
            StreamingEventProcessor processor = processor(ledger);
            processor.shutDown();
            TokenStore tokens = axon.getComponent(TokenStore.class);
            axon.getComponent(TransactionManager.class).executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(ReadModels.PROCESSING_GROUP)) {
                    tokens.storeToken(GapAwareTrackingToken.newInstance(0, Set.of()), ReadModels.PROCESSING_GROUP, segment);
                }
            });
            processor.start();
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(live, ReadModelTables.dump(dataSource));
            assertEquals(RUNNING_TOTALS, ledger.costLedger(ENGAGEMENT).orElseThrow().lines().stream().map(CostLine::runningTotal).toList());
        }
    }

    @Test
    void aNewLedgerOnAnExistingDatabaseProjectsTheWholeHistory() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            recordMainEngagement(ledger);
        }
        forgetReadModels();
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(COMMITTED, ledger.summary(ENGAGEMENT).orElseThrow().committed());
        }
    }

    @Test
    void readModelsSplitIntoSegmentsHoldExactlyTheRowsOfOneSegment() throws SQLException {
        Map<String, List<List<String>>> split;
        try (EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource)
                .settings(LedgerSettings.DEFAULTS.withReadModelSegments(4)).build()) {
            recordPortfolio(ledger);
            ledger.awaitReadModels(TIMEOUT);
            split = ReadModelTables.dump(dataSource);
            assertEquals(4, segments(ledger).length);
        }
        forgetReadModels();
        try (EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource)
                .settings(LedgerSettings.DEFAULTS.withReadModelSegments(1)).build()) {
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(1, segments(ledger).length);
            assertEquals(split, ReadModelTables.dump(dataSource));
            assertSummary(ledger);
            assertPortfolio(ledger);
        }
    }

    @Test
    void aRebuildKeepsTheSegmentsADatabaseAlreadyHas() {
        try (EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource)
                .settings(LedgerSettings.DEFAULTS.withReadModelSegments(2)).build()) {
            recordMainEngagement(ledger);
            ledger.awaitReadModels(TIMEOUT);
        }
        try (EngagementLedger ledger = EngagementLedger.builder().dataSource(dataSource)
                .settings(LedgerSettings.DEFAULTS.withReadModelSegments(8)).build()) {
            ledger.rebuildReadModels();
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(2, segments(ledger).length, "the count applies to a new token store only");
            assertEquals(COMMITTED, ledger.costLedger(ENGAGEMENT).orElseThrow().total());
        }
    }

    @Test
    void aReadModelWriteRefusedAtCommitIsRetriedUntilItSucceedsNotSkipped() throws Exception {
        LedgerSchema.migrate(dataSource);
        // every cost line now fails when its batch's deferred writes are sent, just before the commit
        execute("ALTER TABLE rm_cost_line ADD CONSTRAINT refuse_every_line CHECK (amount < 0)");
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            recordMainEngagement(ledger);
            Thread.sleep(1_500); // the processor tries, rolls the batch back and backs off
            assertEquals(0, count("rm_cost_line"), "no line may be stored while refused");
            assertEquals(0, count("rm_invoice"), "the processor may not move on past the refused lines");

            execute("ALTER TABLE rm_cost_line DROP CONSTRAINT refuse_every_line");
            ledger.awaitReadModels(TIMEOUT);

            assertEquals(COMMITTED, ledger.costLedger(ENGAGEMENT).orElseThrow().total());
            assertEquals(RUNNING_TOTALS, ledger.costLedger(ENGAGEMENT).orElseThrow().lines().stream().map(CostLine::runningTotal).toList());
        }
    }

    @Test
    void awaitingTheReadModelsIsNotHeldUpByAGapThatWillNeverFill() throws SQLException {
        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            ledger.send(commission(), BUYER_OFFICIAL);
            ledger.awaitReadModels(TIMEOUT);
            rollBackAnAppend();
            ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);

            ledger.awaitReadModels(TIMEOUT);

            assertEquals(EngagementStatus.ACTIVE, ledger.summary(ENGAGEMENT).orElseThrow().status());
            TrackingToken token = processor(ledger).processingStatus().get(0).getTrackingToken();
            assertFalse(WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElseThrow().getGaps().isEmpty(),
                    "the rolled-back append should have left a gap in the processor's token: " + token);
        }
    }

    @Test
    void costLinesStoredWithRunningTotalsBeforeTheUpgradeReadTheSameRunningTotalsAfterIt() throws SQLException {
        Flyway.configure(LedgerSchema.class.getClassLoader()).configuration(LedgerSchema.flyway(dataSource).getConfiguration())
                .target("5").load().migrate();
        execute("INSERT INTO rm_engagement (engagement_id, buyer_id, buyer_name, supplier_id, supplier_name, title, status,"
                + " currency, ceiling, commissioned_at, last_sequence) VALUES ('ENG-V5', 'buyer', 'Buyer', 'supplier',"
                + " 'Supplier', 'Projected under V5', 'ACTIVE', 'EUR', 10000, TIMESTAMP WITH TIME ZONE '2026-01-02 09:00:00+00', 1)");
        String columns = "INSERT INTO rm_cost_line (engagement_id, sequence_number, cost_line_id, kind, line_date, person,"
                + " person_role, hours, hourly_rate, description, category, currency, amount, running_total, actor_id, actor_role,"
                + " actor_organisation, recorded_at) VALUES ('ENG-V5', ";
        String actorAndTime = ", 'lead-consultant', 'CONSULTANT', 'supplier', TIMESTAMP WITH TIME ZONE '2026-02-05 10:00:00+00')";
        execute(columns + "2, 'cost-1', 'TIME', DATE '2026-02-03', 'Senior consultant A', 'Data scientist', 7.50, 120,"
                + " 'Model design', 'DELIVERY', 'EUR', 900, 900" + actorAndTime);
        execute(columns + "3, 'cost-2', 'EXPENSE', DATE '2026-02-04', NULL, NULL, NULL, NULL,"
                + " 'Train tickets', 'ADMINISTRATION', 'EUR', 86.40, 986.40" + actorAndTime);

        try (EngagementLedger ledger = EngagementLedger.jdbc(dataSource)) {
            CostLedger costs = ledger.costLedger(EngagementId.of("ENG-V5")).orElseThrow();

            assertEquals(List.of(eur("900.00"), eur("986.40")), costs.lines().stream().map(CostLine::runningTotal).toList());
            assertEquals(eur("986.40"), costs.total());
        }
    }

    private int count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Deletes every read-model row and token, as on a database whose events predate the read models. */
    private void forgetReadModels() throws SQLException {
        execute("DELETE FROM TokenEntry");
        for (String table : ReadModelTables.TABLES) {
            execute("DELETE FROM " + table);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Takes a global index and rolls back, as a failed append does: the index stays unused for ever. */
    private void rollBackAnAppend() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                    + " sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp)"
                    + " VALUES ('rolled-back', 0, 'Engagement', 'rolled-back-event', ?, 'none', '2026-01-01T00:00:00Z')")) {
                insert.setBytes(1, new byte[]{'{', '}'});
                insert.executeUpdate();
            }
            connection.rollback();
        }
    }

    private static int[] segments(EngagementLedger ledger) {
        Configuration axon = ledger.axonConfiguration();
        TokenStore tokens = axon.getComponent(TokenStore.class);
        return axon.getComponent(TransactionManager.class).fetchInTransaction(() -> tokens.fetchSegments(ReadModels.PROCESSING_GROUP));
    }

    private static StreamingEventProcessor processor(EngagementLedger ledger) {
        return ledger.axonConfiguration().eventProcessingConfiguration()
                .eventProcessor(ReadModels.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static void assertSummary(EngagementLedger ledger) {
        EngagementSummary summary = ledger.summary(ENGAGEMENT).orElseThrow();
        assertEquals(new EngagementSummary(ENGAGEMENT, EngagementStatus.ACTIVE, BUYER, "Employment Services", SUPPLIER,
                "Redesign youth job matching", AMENDED_CEILING, COMMITTED, eur("117179.60"), eur("2120.00"), eur("1620.00"),
                eur("500.00"), Map.of(RequirementStatus.OPEN, 1, RequirementStatus.ACCEPTED, 1, RequirementStatus.WITHDRAWN, 1),
                List.of(new CapabilityProgress(CAP_1, MAINTENANCE, "Employment analytics team", 1, 4, 4, true),
                        new CapabilityProgress(CAP_2, "Data protection impact assessment", "Legal unit", 0, 3, null, false))),
                summary);
        assertEquals(0, summary.requirementCounts().get(RequirementStatus.REJECTED));
        assertEquals(EngagementStatus.TERMINATED, ledger.summary(NORTHWIND_ENGAGEMENT).orElseThrow().status());
        assertTrue(ledger.summary(EngagementId.of("ENG-UNKNOWN")).isEmpty());
    }

    private static void assertRequirementTrace(EngagementLedger ledger) {
        List<RecordedEvent> history = ledger.history(ENGAGEMENT);
        RequirementTrace trace = ledger.requirementTrace(ENGAGEMENT).orElseThrow();
        assertEquals(List.of(REQ_1, REQ_2, REQ_3), trace.requirements().stream().map(TracedRequirement::requirementId).toList());

        TracedRequirement first = trace.requirements().get(0);
        assertEquals(RequirementStatus.ACCEPTED, first.status());
        assertEquals(2, first.currentVersion());
        assertEquals(List.of(1, 2), first.revisions().stream().map(RequirementRevision::version).toList());
        RequirementRevision second = first.revisions().get(1);
        assertEquals("Clarified after the rejection", second.reason());
        assertEquals(3, second.acceptanceCriteria().size());
        assertEquals(AGENCY_STAFF, second.actor());
        assertEquals(history.get(8).timestamp(), second.at());
        assertEquals(List.of(
                new FulfilmentStep(FulfilmentAction.SUBMITTED, 1, "Prototype v1", CONSULTANT, history.get(6).timestamp()),
                new FulfilmentStep(FulfilmentAction.REJECTED, 1, "The ranking is not explained", AGENCY_STAFF, history.get(7).timestamp()),
                new FulfilmentStep(FulfilmentAction.SUBMITTED, 2, "Prototype v2 and usability test report", CONSULTANT,
                        history.get(9).timestamp()),
                new FulfilmentStep(FulfilmentAction.ACCEPTED, 2, "All criteria met", AGENCY_STAFF, history.get(10).timestamp())),
                first.fulfilment());

        TracedRequirement reportRequirement = trace.requirements().get(1);
        assertEquals(StatedBy.FRONTLINE_STAFF, reportRequirement.statedBy());
        assertTrue(reportRequirement.revisions().get(0).lacksAcceptanceCriteria());
        assertFalse(reportRequirement.revisions().get(1).lacksAcceptanceCriteria());
        assertEquals("Acceptance criteria were missing", reportRequirement.revisions().get(1).reason());
        assertEquals(BUYER_OFFICIAL, reportRequirement.revisions().get(0).actor());

        TracedRequirement withdrawn = trace.requirements().get(2);
        assertEquals(RequirementStatus.WITHDRAWN, withdrawn.status());
        assertEquals(List.of(new FulfilmentStep(FulfilmentAction.WITHDRAWN, 1, "Hosting is out of scope", BUYER_OFFICIAL,
                history.get(11).timestamp())), withdrawn.fulfilment());
    }

    private static void assertCostLedger(EngagementLedger ledger) {
        CostLedger costs = ledger.costLedger(ENGAGEMENT).orElseThrow();
        assertEquals(RUNNING_TOTALS, costs.lines().stream().map(CostLine::runningTotal).toList());
        assertEquals(List.of(CostLineKind.TIME, CostLineKind.TIME, CostLineKind.EXPENSE, CostLineKind.EXPENSE, CostLineKind.TIME),
                costs.lines().stream().map(CostLine::kind).toList());
        CostLine last = costs.lines().get(4);
        assertEquals(new CostLine(CostLineId.of("cost-5"), CostLineKind.TIME, day("2026-03-02"),
                "Consultant B", "Developer", new BigDecimal("8.00"), eur("95.50"), "Integration", CostCategory.DELIVERY, REQ_1,
                eur("764.00"), COMMITTED, CONSULTANT, ledger.history(ENGAGEMENT).get(19).timestamp()), last);
        assertEquals(Map.of(CostCategory.DELIVERY, DELIVERY, CostCategory.CAPABILITY_TRANSFER, CAPABILITY_TRANSFER,
                CostCategory.ADMINISTRATION, ADMINISTRATION), costs.totalsByCategory());
        assertEquals(COMMITTED, costs.total());
        assertEquals(CAPABILITY_TRANSFER_PERCENT, costs.capabilityTransferPercent());
    }

    private static void assertPortfolio(EngagementLedger ledger) {
        AgencyPortfolio portfolio = ledger.portfolio(BUYER.id());
        assertEquals(List.of(new SupplierSpend(SUPPLIER, eur("3920.40"), 2), new SupplierSpend(NORTHWIND, eur("0.00"), 1)),
                portfolio.spendPerSupplier());
        assertEquals(List.of(
                new OpenEngagement(ENGAGEMENT, "Redesign youth job matching", SUPPLIER, EngagementStatus.ACTIVE, AMENDED_CEILING, COMMITTED),
                new OpenEngagement(FOLLOW_UP, "Maintain the matching model", SUPPLIER, EngagementStatus.ACTIVE, eur("50000.00"),
                        FOLLOW_UP_COMMITTED)), portfolio.openEngagements());
        assertEquals(List.of(new RepeatEngagement(SUPPLIER, MAINTENANCE, List.of(ENGAGEMENT, FOLLOW_UP))), portfolio.repeatEngagements());
        assertEquals(List.of(), ledger.portfolio(SOUTHVALE.id()).repeatEngagements());
    }
}
