package org.engagementledger.readmodel;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.engagement.EngagementStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads {@code rm_engagement} rows together with the totals derived from the line tables: committed
 * cost (sum of {@code rm_cost_line}) and invoice totals by status (sums of {@code rm_invoice}). One
 * statement, so the totals of a row are consistent with each other.
 */
final class EngagementRows {

    /** One engagement with its derived totals, all in the engagement's currency. */
    record Row(EngagementId engagementId, Party buyer, String buyerUnit, Party supplier, String title, EngagementStatus status,
               Money ceiling, Money committed, Money invoiced, Money acceptedInvoices, Money disputedInvoices, Instant commissionedAt) {

        boolean isOpen() {
            return status == EngagementStatus.COMMISSIONED || status == EngagementStatus.ACTIVE;
        }
    }

    private static final String SELECT = "SELECT e.engagement_id, e.buyer_id, e.buyer_name, e.buyer_unit, e.supplier_id,"
            + " e.supplier_name, e.title, e.status, e.currency, e.ceiling, e.commissioned_at,"
            + " (SELECT COALESCE(SUM(c.amount), 0) FROM rm_cost_line c WHERE c.engagement_id = e.engagement_id) AS committed,"
            + " (SELECT COALESCE(SUM(i.amount), 0) FROM rm_invoice i WHERE i.engagement_id = e.engagement_id) AS invoiced,"
            + " (SELECT COALESCE(SUM(i.amount), 0) FROM rm_invoice i WHERE i.engagement_id = e.engagement_id"
            + " AND i.status = 'ACCEPTED') AS accepted_invoices,"
            + " (SELECT COALESCE(SUM(i.amount), 0) FROM rm_invoice i WHERE i.engagement_id = e.engagement_id"
            + " AND i.status = 'DISPUTED') AS disputed_invoices"
            + " FROM rm_engagement e ";

    private final ReadModelJdbc jdbc;

    EngagementRows(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows matching {@code where} (SQL over alias {@code e}, may be empty), ordered by {@code orderBy}. */
    List<Row> find(String where, String orderBy, Object... parameters) {
        return jdbc.query(SELECT + where + " ORDER BY " + orderBy, EngagementRows::row, parameters);
    }

    private static Row row(ResultSet row) throws SQLException {
        return new Row(new EngagementId(row.getString("engagement_id")),
                new Party(row.getString("buyer_id"), row.getString("buyer_name")), row.getString("buyer_unit"),
                new Party(row.getString("supplier_id"), row.getString("supplier_name")), row.getString("title"),
                EngagementStatus.valueOf(row.getString("status")),
                ReadModelJdbc.money(row, "ceiling", "currency"), ReadModelJdbc.money(row, "committed", "currency"),
                ReadModelJdbc.money(row, "invoiced", "currency"), ReadModelJdbc.money(row, "accepted_invoices", "currency"),
                ReadModelJdbc.money(row, "disputed_invoices", "currency"), ReadModelJdbc.instant(row, "commissioned_at"));
    }
}
