package org.engagementledger.sample.scenario;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.EngagementCommand;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.sample.scenario.Cast.DemoUser;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.function.Consumer;

/**
 * Sends one engagement's commands through the ledger, each as the demo user who would send it. A command
 * the ledger refuses stops the script (the scenario is meant to be valid), except where the script shows a
 * refusal on purpose ({@link #expectRefusal}).
 */
final class Script {

    private final EngagementLedger ledger;
    private final EngagementId engagement;
    private final Consumer<String> narrator;

    Script(EngagementLedger ledger, EngagementId engagement, Consumer<String> narrator) {
        this.ledger = ledger;
        this.engagement = engagement;
        this.narrator = narrator;
    }

    EngagementId id() {
        return engagement;
    }

    void send(DemoUser user, EngagementCommand command) {
        ledger.send(command, user.actor());
    }

    /** Sends a command the ledger must refuse, and tells the user which rule refused it. */
    void expectRefusal(DemoUser user, EngagementCommand command) {
        try {
            ledger.send(command, user.actor());
        } catch (CommandRefusedException refused) {
            narrator.accept("Refused (" + refused.rule() + "): " + refused.getMessage());
            return;
        }
        throw new IllegalStateException("the demo expected the ledger to refuse " + command.getClass().getSimpleName()
                + " in " + engagement + ", but it was stored");
    }

    /** One day's time entry of a consultant. */
    void logTime(DemoUser consultant, String person, String personRole, LocalDate date, String hours, String rate,
                 CostCategory category, RequirementId requirement, String description) {
        send(consultant, new LogTime(engagement, person, personRole, date, new BigDecimal(hours), eur(rate), category,
                requirement, description));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** The {@code n}-th (1-based) given weekday of a month: plausible working days for generated time entries. */
    static LocalDate weekday(YearMonth month, int n, DayOfWeek day) {
        return month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
