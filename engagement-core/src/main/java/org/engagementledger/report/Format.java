package org.engagementledger.report;

import org.engagementledger.api.Actor;
import org.engagementledger.api.Identifier;
import org.engagementledger.api.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes values: times in UTC, amounts grouped by thousands, enum constants in words. */
final class Format {

    /** A narrow no-break space groups thousands (ISO 80000-1), so that no locale's comma or point is misread. */
    static final char GROUP = '\u202F';

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** {@code 2026-01-05 09:00} (UTC), or a dash. */
    static String time(Instant instant) {
        return instant == null ? "\u2014" : MINUTES.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? "\u2014" : date.toString();
    }

    /** {@code 110 000.00 EUR} with a narrow no-break space between thousands, or a dash. */
    static String money(Money money) {
        return money == null ? "\u2014" : amount(money.amount(), money.currency().getDefaultFractionDigits()) + "\u00A0"
                + money.currency().getCurrencyCode();
    }

    /** An amount with {@code fractionDigits} decimals and grouped thousands. */
    static String amount(BigDecimal amount, int fractionDigits) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(GROUP);
        symbols.setDecimalSeparator('.');
        symbols.setMinusSign('\u2212');
        DecimalFormat format = new DecimalFormat(fractionDigits > 0 ? "#,##0." + "0".repeat(fractionDigits) : "#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    static String percent(BigDecimal value) {
        return value == null ? "\u2014" : value.toPlainString() + "\u00A0%";
    }

    static String actor(Actor actor) {
        return actor == null ? "(no actor recorded)" : actor.id();
    }

    static String actorFull(Actor actor) {
        return actor == null ? "(no actor recorded)" : actor.id() + " (" + words(actor.role()) + ", " + actor.organisation() + ")";
    }

    /** {@code CAPABILITY_TRANSFER} becomes {@code capability transfer}. */
    static String words(Enum<?> value) {
        return value == null ? "\u2014" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code inHouseEstimatedCost} becomes {@code In-house estimated cost}-like prose: {@code In house estimated cost}. */
    static String camelWords(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return b.toString();
    }

    static String id(Identifier id) {
        return id == null ? "\u2014" : id.value();
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
