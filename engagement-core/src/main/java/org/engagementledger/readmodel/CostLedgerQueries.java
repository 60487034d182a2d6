package org.engagementledger.readmodel;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;
import org.engagementledger.api.CostLineId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.query.CostLedger;
import org.engagementledger.api.query.CostLine;
import org.engagementledger.api.query.CostLineKind;
import org.engagementledger.api.query.FindCostLedger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Answers {@link FindCostLedger} from {@code rm_cost_line}; totals are exact sums of the lines, and each
 * line's running total is summed here, in sequence order, from the lines before it and its own amount.
 */
public final class CostLedgerQueries {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReadModelJdbc jdbc;

    public CostLedgerQueries(ConnectionProvider connections) {
        this.jdbc = new ReadModelJdbc(connections);
    }

    /** The cost ledger, or {@code null} when the read models do not know the engagement. */
    @QueryHandler
    public CostLedger handle(FindCostLedger query) {
        EngagementId id = query.engagementId();
        List<Currency> currency = jdbc.query("SELECT currency FROM rm_engagement WHERE engagement_id = ?",
                row -> Currency.getInstance(row.getString(1)), id);
        if (currency.isEmpty()) {
            return null;
        }
        Money zero = Money.zero(currency.get(0));
        Money[] runningTotal = {zero};
        List<CostLine> lines = jdbc.query("SELECT * FROM rm_cost_line WHERE engagement_id = ? ORDER BY sequence_number", row -> {
            Money amount = ReadModelJdbc.money(row, "amount", "currency");
            runningTotal[0] = runningTotal[0].plus(amount);
            return line(row, amount, runningTotal[0]);
        }, id);
        Map<CostCategory, Money> totals = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            totals.put(category, zero);
        }
        for (CostLine line : lines) {
            totals.merge(line.category(), line.amount(), Money::plus);
        }
        Money total = totals.values().stream().reduce(zero, Money::plus);
        return new CostLedger(id, lines, totals, total, percent(totals.get(CostCategory.CAPABILITY_TRANSFER), total));
    }

    /** {@code part} as a percentage of {@code whole}, half-up to one decimal; 0.0 of nothing. */
    static BigDecimal percent(Money part, Money whole) {
        if (whole.amount().signum() == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return part.amount().multiply(HUNDRED).divide(whole.amount(), 1, RoundingMode.HALF_UP);
    }

    private static CostLine line(ResultSet row, Money amount, Money runningTotal) throws SQLException {
        String requirement = row.getString("requirement_id");
        return new CostLine(new CostLineId(row.getString("cost_line_id")), CostLineKind.valueOf(row.getString("kind")),
                ReadModelJdbc.date(row, "line_date"), row.getString("person"), row.getString("person_role"),
                row.getBigDecimal("hours"), ReadModelJdbc.money(row, "hourly_rate", "currency"), row.getString("description"),
                CostCategory.valueOf(row.getString("category")), requirement == null ? null : new RequirementId(requirement),
                amount, runningTotal,
                ReadModelJdbc.actor(row), ReadModelJdbc.instant(row, "recorded_at"));
    }
}
