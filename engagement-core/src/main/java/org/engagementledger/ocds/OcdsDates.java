package org.engagementledger.ocds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * OCDS dates are RFC 3339 date-times with an offset. Instants (when an event was recorded) are written
 * in UTC; the ledger's calendar days become the start of that day in the export's zone, or its last
 * second for the end of a period.
 */
final class OcdsDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private OcdsDates() {
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String startOfDay(LocalDate day, ZoneId zone) {
        return DATE_TIME.format(day.atStartOfDay(zone));
    }

    static String endOfDay(LocalDate day, ZoneId zone) {
        return DATE_TIME.format(day.atTime(LocalTime.of(23, 59, 59)).atZone(zone));
    }

    static Instant parseInstant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
