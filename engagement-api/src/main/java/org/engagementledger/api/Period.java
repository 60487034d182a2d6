package org.engagementledger.api;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of calendar days; {@code start} is never after {@code end}. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        Objects.requireNonNull(start, "period.start must not be null");
        Objects.requireNonNull(end, "period.end must not be null");
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("period.start " + start + " must not be after period.end " + end);
        }
    }

    public static Period of(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
