package org.engagementledger.report;

import java.util.Locale;

/** Number formatting for SVG geometry: at most one decimal, a point as separator, whatever the locale. */
final class Svg {

    private Svg() {
    }

    static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** Shortens text that SVG cannot wrap; the full text belongs in a {@code <title>}. */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, Math.max(1, max - 1)).strip() + "\u2026";
    }
}
