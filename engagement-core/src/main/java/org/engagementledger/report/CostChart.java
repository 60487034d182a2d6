package org.engagementledger.report;

import org.engagementledger.api.Money;
import org.engagementledger.api.Period;
import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.EngagementState.Amendment;
import org.engagementledger.audit.EngagementState.CostPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Committed cost against the ceiling over time, as an inline SVG step chart: both only change at
 * events, so each is drawn as a step after the event that changed it. One marker per cost point of
 * the state ({@link EngagementState.Cost#overTime()}: commissioning, every time entry, expense and
 * amendment), markers above the ceiling drawn as overruns, amendments marked on the ceiling.
 */
final class CostChart {

    static final String ID = "chart-cost";

    private static final int WIDTH = 960;
    private static final int HEIGHT = 400;
    private static final int LEFT = 104;
    private static final int RIGHT = 28;
    private static final int TOP = 78;
    private static final int BOTTOM = 58;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final EngagementState state;
    private final Currency currency;
    private final List<CostPoint> points;
    private Instant t0;
    private Instant t1;
    private double yTop;

    private CostChart(EngagementState state) {
        this.state = state;
        this.points = state.cost() == null ? List.of() : state.cost().overTime();
        this.currency = currencyOf(state, points);
    }

    static void write(Html h, EngagementState state) {
        new CostChart(state).write(h);
    }

    private void write(Html h) {
        h.open("svg", "id", h.fixedId(ID), "class", "chart", "viewBox", "0 0 " + WIDTH + " " + HEIGHT,
                "width", WIDTH, "height", HEIGHT, "role", "img", "aria-labelledby", ID + "-title " + ID + "-desc",
                "preserveAspectRatio", "xMinYMin meet", "data-points", points.size());
        h.element("title", "Committed cost against the budget ceiling over time", "id", ID + "-title");
        h.element("desc", description(), "id", ID + "-desc");
        if (points.isEmpty() || currency == null) {
            h.element("text", "No budget ceiling or cost has been recorded.", "x", WIDTH / 2, "y", HEIGHT / 2, "text-anchor", "middle",
                    "class", "empty");
            h.close("svg");
            return;
        }
        domain();
        axes(h);
        period(h);
        series(h);
        legend(h);
        h.close("svg");
    }

    // ---- scales ------------------------------------------------------------------------------------------------

    private void domain() {
        Instant first = points.get(0).at();
        Instant last = lastKnown();
        Period period = state.commissioning() == null ? null : state.commissioning().period();
        t0 = first;
        t1 = last;
        if (period != null) {
            t0 = min(t0, startOf(period.start()));
            t1 = max(t1, startOf(period.end().plusDays(1)));
        }
        if (!t1.isAfter(t0)) {
            t1 = t0.plus(1, ChronoUnit.DAYS);
        }
        double max = 0;
        for (CostPoint p : points) {
            max = Math.max(max, value(p.committed()));
            max = Math.max(max, value(p.ceiling()));
        }
        double step = niceStep(max <= 0 ? 1 : max / 5);
        yTop = Math.max(step, Math.ceil(max / step) * step);
        if (yTop <= max * 1.02) {
            yTop += step; // room above the highest line for its label
        }
    }

    private Instant lastKnown() {
        Instant last = points.get(points.size() - 1).at();
        Instant lastEvent = state.cut().lastEventAt();
        return lastEvent != null && lastEvent.isAfter(last) ? lastEvent : last;
    }

    private double x(Instant t) {
        double span = t1.toEpochMilli() - t0.toEpochMilli();
        return LEFT + (t.toEpochMilli() - t0.toEpochMilli()) / span * PLOT_W;
    }

    private double y(double v) {
        return TOP + PLOT_H - v / yTop * PLOT_H;
    }

    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double f : new double[]{1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= rough) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    // ---- drawing -----------------------------------------------------------------------------------------------

    private void axes(Html h) {
        h.open("g", "class", "axis axis-y");
        double step = niceStep(yTop / 6);
        for (double v = 0; v <= yTop + step / 1000; v += step) {
            double y = y(v);
            h.empty("line", "x1", LEFT, "x2", Svg.n(LEFT + PLOT_W), "y1", Svg.n(y), "y2", Svg.n(y), "class", v == 0 ? "baseline" : "grid");
            h.element("text", Format.amount(BigDecimal.valueOf(v).setScale(step < 1 ? 2 : 0, RoundingMode.HALF_EVEN), step < 1 ? 2 : 0),
                    "x", LEFT - 10, "y", Svg.n(y + 4), "text-anchor", "end", "class", "tick");
        }
        h.element("text", "Amount (" + currency.getCurrencyCode() + ")", "x", 0, "y", 0, "class", "axis-title",
                "transform", "translate(22 " + Svg.n(TOP + PLOT_H / 2) + ") rotate(-90)", "text-anchor", "middle");
        h.close("g");

        h.open("g", "class", "axis axis-x");
        h.empty("line", "x1", LEFT, "x2", LEFT, "y1", TOP, "y2", Svg.n(TOP + PLOT_H), "class", "baseline");
        for (Tick tick : timeTicks()) {
            double x = x(startOf(tick.day()));
            h.empty("line", "x1", Svg.n(x), "x2", Svg.n(x), "y1", Svg.n(TOP + PLOT_H), "y2", Svg.n(TOP + PLOT_H + 5), "class", "baseline");
            h.element("text", tick.label(), "x", Svg.n(x), "y", Svg.n(TOP + PLOT_H + 20), "text-anchor", "middle", "class", "tick");
        }
        h.element("text", "Date recorded (UTC)", "x", Svg.n(LEFT + PLOT_W / 2), "y", HEIGHT - 10, "text-anchor", "middle", "class", "axis-title");
        h.close("g");
    }

    private record Tick(LocalDate day, String label) {
    }

    private List<Tick> timeTicks() {
        LocalDate from = t0.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = t1.atZone(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(from, to);
        List<Tick> ticks = new ArrayList<>();
        if (days > 62) {
            long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
            int step = 12;
            for (int s : new int[]{1, 2, 3, 6, 12}) {
                if (months / s <= 12) {
                    step = s;
                    break;
                }
            }
            if (months / step > 12) {
                step = (int) (12 * Math.ceil(months / 144.0));
            }
            LocalDate d = from.withDayOfMonth(1);
            if (d.isBefore(from)) {
                d = d.plusMonths(1);
            }
            while ((d.getMonthValue() - 1) % Math.min(step, 12) != 0) {
                d = d.plusMonths(1);
            }
            for (; !d.isAfter(to); d = d.plusMonths(step)) {
                ticks.add(new Tick(d, step >= 12 ? Integer.toString(d.getYear()) : MONTH.format(d)));
            }
        } else {
            int step = days <= 10 ? 1 : days <= 20 ? 2 : days <= 45 ? 7 : 14;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
                ticks.add(new Tick(d, DAY.format(d)));
            }
        }
        return ticks;
    }

    private void period(Html h) {
        if (state.commissioning() == null || state.commissioning().period() == null) {
            return;
        }
        Period period = state.commissioning().period();
        h.open("g", "class", "period");
        marker(h, startOf(period.start()), "Period starts " + period.start(), "start");
        marker(h, startOf(period.end().plusDays(1)), "Period ends " + period.end(), "end");
        h.close("g");
    }

    private void marker(Html h, Instant at, String label, String anchor) {
        double x = x(at);
        h.empty("line", "x1", Svg.n(x), "x2", Svg.n(x), "y1", TOP - 6, "y2", Svg.n(TOP + PLOT_H), "class", "period-line");
        h.element("text", label, "x", Svg.n(x + (anchor.equals("start") ? 4 : -4)), "y", TOP - 10, "text-anchor", anchor, "class", "period-label");
    }

    private void series(Html h) {
        double xEnd = x(lastKnown());
        // the ceiling holds until the end of the period; committed cost is known up to the last event
        String ceilingPath = stepPath(points.stream().filter(p -> inCurrency(p.ceiling())).toList(), true, x(t1));
        String committedPath = stepPath(points.stream().filter(p -> inCurrency(p.committed())).toList(), false, xEnd);
        if (!ceilingPath.isEmpty()) {
            h.empty("path", "d", ceilingPath, "class", "line ceiling", "data-series", "ceiling");
        }
        if (!committedPath.isEmpty()) {
            h.empty("path", "d", committedPath, "class", "line committed", "data-series", "committed");
        }
        if (state.ceiling() != null) {
            h.open("g", "class", "amendments");
            for (Amendment a : state.ceiling().amendments()) {
                if (!inCurrency(a.newCeiling())) {
                    continue;
                }
                double x = x(a.at());
                double y = y(value(a.newCeiling()));
                h.open("g", "class", "ceiling-change", "data-sequence", a.sequence());
                h.element("title", "#" + a.sequence() + " " + Format.time(a.at()) + ": ceiling amended from " + Format.money(a.previousCeiling())
                        + " to " + Format.money(a.newCeiling()) + " (" + a.rationale() + ")");
                h.empty("rect", "x", Svg.n(x - 5), "y", Svg.n(y - 5), "width", 10, "height", 10, "transform",
                        "rotate(45 " + Svg.n(x) + " " + Svg.n(y) + ")");
                String change = a.change() == null ? "" : (a.change().isNegative() ? "" : "+") + Format.money(a.change());
                h.element("text", "Amendment " + change + " (#" + a.sequence() + ")", "x", Svg.n(Math.min(x + 10, LEFT + PLOT_W - 4)),
                        "y", Svg.n(y - 10), "text-anchor", x + 200 > LEFT + PLOT_W ? "end" : "start", "class", "annotation");
                h.close("g");
            }
            h.close("g");
        }
        h.open("g", "class", "cost-points");
        for (CostPoint p : points) {
            if (!inCurrency(p.committed())) {
                continue;
            }
            boolean over = inCurrency(p.ceiling()) && p.committed().isGreaterThan(p.ceiling());
            h.open("circle", "cx", Svg.n(x(p.at())), "cy", Svg.n(y(value(p.committed()))), "r", 4.5, "class", over ? "cost-point over" : "cost-point",
                    "data-sequence", p.sequence(), "data-committed", p.committed().amount().toPlainString(),
                    "data-ceiling", p.ceiling() == null ? null : p.ceiling().amount().toPlainString());
            h.element("title", "#" + p.sequence() + " " + Format.time(p.at()) + ": committed " + Format.money(p.committed()) + ", ceiling "
                    + Format.money(p.ceiling()) + (over ? " (over the ceiling)" : ""));
            h.close("circle");
        }
        h.close("g");
    }

    private String stepPath(List<CostPoint> series, boolean ceiling, double xEnd) {
        StringBuilder d = new StringBuilder();
        for (CostPoint p : series) {
            double x = x(p.at());
            double y = y(value(ceiling ? p.ceiling() : p.committed()));
            if (d.length() == 0) {
                d.append("M").append(Svg.n(x)).append(' ').append(Svg.n(y));
            } else {
                d.append(" H").append(Svg.n(x)).append(" V").append(Svg.n(y));
            }
        }
        if (d.length() > 0) {
            d.append(" H").append(Svg.n(xEnd));
        }
        return d.toString();
    }

    private void legend(Html h) {
        Money ceiling = state.ceiling() == null ? null : state.ceiling().current();
        Money committed = state.cost() == null ? null : state.cost().committed();
        h.open("g", "class", "legend", "transform", "translate(" + LEFT + " 18)");
        h.empty("line", "x1", 0, "x2", 28, "y1", 0, "y2", 0, "class", "line ceiling");
        h.element("text", "Ceiling, with amendments (now " + Format.money(ceiling) + ")", "x", 36, "y", 4);
        h.empty("line", "x1", 0, "x2", 28, "y1", 22, "y2", 22, "class", "line committed");
        h.empty("circle", "cx", 14, "cy", 22, "r", 4.5, "class", "cost-point-sample");
        h.element("text", "Committed cost: time and expenses (now " + Format.money(committed) + usedShare() + ")", "x", 36, "y", 26);
        h.close("g");
    }

    private String usedShare() {
        if (state.ceiling() == null || state.cost() == null || !state.ceiling().current().isPositive()
                || !state.ceiling().current().isSameCurrency(state.cost().committed())) {
            return "";
        }
        BigDecimal share = state.cost().committed().amount().multiply(BigDecimal.valueOf(100))
                .divide(state.ceiling().current().amount(), 1, RoundingMode.HALF_UP);
        return ", " + share.toPlainString() + " % of the ceiling";
    }

    private String description() {
        if (points.isEmpty() || currency == null) {
            return "No budget ceiling or cost has been recorded for this engagement.";
        }
        long costEvents = state.cost().timeEntries().size() + state.cost().expenses().size();
        int amendments = state.ceiling() == null ? 0 : state.ceiling().amendments().size();
        StringBuilder d = new StringBuilder("Step chart of committed cost and the budget ceiling in " + currency.getCurrencyCode() + ", one marker per cost point ("
                + points.size() + (points.size() == 1 ? " point: " : " points: ") + costEvents + (costEvents == 1 ? " time entry or expense, " : " time entries and expenses, ")
                + amendments + (amendments == 1 ? " amendment). " : " amendments). "));
        if (state.ceiling() != null) {
            d.append("The ceiling started at ").append(Format.money(state.ceiling().original())).append(" and stands at ")
                    .append(Format.money(state.ceiling().current())).append(" after ").append(amendments)
                    .append(amendments == 1 ? " amendment. " : " amendments. ");
        }
        d.append("Committed cost ends at ").append(Format.money(state.cost().committed())).append(usedShare()).append('.');
        long over = points.stream().filter(p -> inCurrency(p.committed()) && inCurrency(p.ceiling()) && p.committed().isGreaterThan(p.ceiling())).count();
        if (over > 0) {
            d.append(" Committed cost exceeded the ceiling at ").append(over).append(over == 1 ? " point." : " points.");
        }
        return d.toString();
    }

    // ---- values ------------------------------------------------------------------------------------------------

    private static Currency currencyOf(EngagementState state, List<CostPoint> points) {
        if (state.ceiling() != null && state.ceiling().current() != null) {
            return state.ceiling().current().currency();
        }
        for (CostPoint p : points) {
            if (p.committed() != null) {
                return p.committed().currency();
            }
            if (p.ceiling() != null) {
                return p.ceiling().currency();
            }
        }
        return null;
    }

    private boolean inCurrency(Money money) {
        return money != null && money.currency().equals(currency);
    }

    private double value(Money money) {
        return inCurrency(money) ? money.amount().doubleValue() : 0;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
