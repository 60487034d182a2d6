package org.engagementledger.report;

import org.engagementledger.audit.EngagementState;
import org.engagementledger.audit.EngagementState.CapabilityTarget;

import java.util.List;

/**
 * Capability levels per target as an inline SVG bar chart on the 0 to 5 scale: one group per target
 * with three bars, baseline, target and the latest assessment (met or below target; a dashed outline
 * when never assessed). Each bar carries its level as text, so the chart reads without colour.
 */
final class CapabilityChart {

    static final String ID = "chart-capability";
    static final int MAX_LEVEL = 5;

    private static final int WIDTH = 960;
    private static final int LEFT = 330;
    private static final int RIGHT = 150;
    private static final int TOP = 76;
    private static final int BOTTOM = 56;
    private static final int BAR = 15;
    private static final int GAP = 4;
    private static final int GROUP_PAD = 26;
    private static final int GROUP = 3 * BAR + 2 * GAP + GROUP_PAD;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;

    private CapabilityChart() {
    }

    static void write(Html h, EngagementState state) {
        List<CapabilityTarget> targets = state.capabilityTargets();
        int height = targets.isEmpty() ? 120 : TOP + targets.size() * GROUP - GROUP_PAD + BOTTOM;
        h.open("svg", "id", h.fixedId(ID), "class", "chart", "viewBox", "0 0 " + WIDTH + " " + height, "width", WIDTH, "height", height,
                "role", "img", "aria-labelledby", ID + "-title " + ID + "-desc", "preserveAspectRatio", "xMinYMin meet",
                "data-targets", targets.size());
        h.element("title", "Capability levels per target: baseline, target and latest assessment (0 to 5)", "id", ID + "-title");
        h.element("desc", description(targets), "id", ID + "-desc");
        if (targets.isEmpty()) {
            h.element("text", "No capability target has been defined.", "x", WIDTH / 2, "y", 64, "text-anchor", "middle", "class", "empty");
            h.close("svg");
            return;
        }
        legend(h);
        double bottom = height - BOTTOM + 10;
        h.open("g", "class", "axis axis-level");
        for (int level = 0; level <= MAX_LEVEL; level++) {
            double x = x(level);
            h.empty("line", "x1", Svg.n(x), "x2", Svg.n(x), "y1", TOP - 10, "y2", Svg.n(bottom), "class", level == 0 ? "baseline" : "grid");
            h.element("text", level, "x", Svg.n(x), "y", TOP - 16, "text-anchor", "middle", "class", "tick");
            h.element("text", level, "x", Svg.n(x), "y", Svg.n(bottom + 16), "text-anchor", "middle", "class", "tick");
        }
        h.element("text", "Capability level (0 = none, 5 = highest)", "x", Svg.n(LEFT + PLOT_W / 2), "y", Svg.n(bottom + 32),
                "text-anchor", "middle", "class", "axis-title");
        h.close("g");
        for (int i = 0; i < targets.size(); i++) {
            group(h, targets.get(i), TOP + i * GROUP);
        }
        h.close("svg");
    }

    private static void group(Html h, CapabilityTarget t, double y0) {
        String status = t.assessedLevel() == null ? "not-assessed" : t.met() ? "met" : "below-target";
        h.open("g", "class", "capability-target " + status, "data-target", t.targetId().value(), "data-baseline", t.baselineLevel(),
                "data-target-level", t.targetLevel(), "data-assessed", t.assessedLevel());
        h.element("title", t.targetId().value() + ": " + t.capability() + " for " + t.recipientTeam() + "; baseline " + t.baselineLevel()
                + ", target " + t.targetLevel() + ", " + (t.assessedLevel() == null ? "never assessed"
                : "latest assessed " + t.assessedLevel() + (t.met() ? " (target met)" : " (below target)")));
        h.element("text", Svg.shorten(t.capability(), 40), "x", LEFT - 14, "y", Svg.n(y0 + BAR + 2), "text-anchor", "end", "class", "label");
        h.element("text", Svg.shorten(t.recipientTeam(), 34) + " \u00B7 " + t.targetId().value(), "x", LEFT - 14, "y", Svg.n(y0 + BAR + 20),
                "text-anchor", "end", "class", "sublabel");
        bar(h, "baseline", "Baseline", t.baselineLevel(), y0);
        bar(h, "target", "Target", t.targetLevel(), y0 + BAR + GAP);
        double y = y0 + 2 * (BAR + GAP);
        if (t.assessedLevel() == null) {
            h.empty("rect", "x", LEFT, "y", Svg.n(y), "width", Svg.n(PLOT_W), "height", BAR, "class", "bar not-assessed", "data-kind", "assessed");
            h.element("text", "Not assessed", "x", Svg.n(LEFT + 8), "y", Svg.n(y + BAR - 3), "class", "bar-label");
        } else {
            bar(h, "assessed " + (t.met() ? "met" : "below"), "Assessed", t.assessedLevel(), y);
        }
        h.close("g");
    }

    private static void bar(Html h, String kind, String label, int level, double y) {
        int clamped = Math.max(0, Math.min(MAX_LEVEL, level));
        double width = x(clamped) - LEFT;
        h.empty("rect", "x", LEFT, "y", Svg.n(y), "width", Svg.n(Math.max(width, 2)), "height", BAR, "class", "bar " + kind,
                "data-kind", kind.split(" ")[0], "data-level", level);
        h.element("text", label + " " + level, "x", Svg.n(LEFT + Math.max(width, 2) + 6), "y", Svg.n(y + BAR - 3), "class", "bar-label");
    }

    private static double x(int level) {
        return LEFT + PLOT_W * level / MAX_LEVEL;
    }

    private static void legend(Html h) {
        h.open("g", "class", "legend", "transform", "translate(" + LEFT + " 18)");
        String[][] items = {{"baseline", "Baseline"}, {"target", "Target"}, {"assessed met", "Assessed, target met"},
                {"assessed below", "Assessed, below target"}};
        double x = 0;
        for (String[] item : items) {
            h.empty("rect", "x", Svg.n(x), "y", 0, "width", 16, "height", 12, "class", "bar " + item[0]);
            h.element("text", item[1], "x", Svg.n(x + 22), "y", 10);
            x += 22 + item[1].length() * 7.2 + 22;
        }
        h.close("g");
    }

    private static String description(List<CapabilityTarget> targets) {
        if (targets.isEmpty()) {
            return "No capability target has been defined for this engagement.";
        }
        long met = targets.stream().filter(CapabilityTarget::met).count();
        StringBuilder d = new StringBuilder("Bar chart of " + targets.size() + (targets.size() == 1 ? " capability target" : " capability targets")
                + " on a scale of 0 to 5, " + met + " met. ");
        for (CapabilityTarget t : targets) {
            d.append(t.targetId().value()).append(' ').append(t.capability().strip()).append(" (").append(t.recipientTeam().strip())
                    .append("): baseline ").append(t.baselineLevel()).append(", target ").append(t.targetLevel()).append(", ")
                    .append(t.assessedLevel() == null ? "not assessed" : "latest assessed " + t.assessedLevel()
                            + (t.met() ? ", met" : ", below target")).append(". ");
        }
        return d.toString().strip();
    }
}
