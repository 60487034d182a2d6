package org.engagementledger.ocds;

import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Period;
import org.engagementledger.api.engagement.ConsultantReason;
import org.engagementledger.api.engagement.EngagementCommissioned;
import org.engagementledger.api.engagement.EngagementEvent;
import org.engagementledger.api.engagement.InHouseAlternative;
import org.engagementledger.audit.AuditedEvent;
import org.engagementledger.audit.EngagementHistory;
import org.engagementledger.engagement.EngagementFixtures;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The histories the OCDS tests export. {@link #realistic()} and {@link #troubled()} are the audit's
 * scenarios ({@code org.engagementledger.audit.AuditScenarios}, package-private in the audit's tests):
 * read through reflection so that the OCDS tests export exactly the histories the audit tests check,
 * without widening that class. {@link History} writes small histories of its own for edge cases.
 */
final class OcdsScenarios {

    static final EngagementId REALISTIC = EngagementId.of("ENG-2026-010");
    static final EngagementId TROUBLED = EngagementId.of("ENG-2026-020");

    private OcdsScenarios() {
    }

    /** The audit's clean, completed engagement (30 events, sequence 29 an auditor's note). */
    static EngagementHistory realistic() {
        return auditScenario("realistic");
    }

    /** The audit's engagement that raises every red flag (15 events). */
    static EngagementHistory troubled() {
        return auditScenario("troubled");
    }

    private static EngagementHistory auditScenario(String name) {
        try {
            Class<?> scenarios = Class.forName("org.engagementledger.audit.AuditScenarios");
            Method factory = scenarios.getDeclaredMethod(name);
            factory.setAccessible(true);
            Object scenario = factory.invoke(null);
            Method history = scenario.getClass().getDeclaredMethod("history");
            history.setAccessible(true);
            return (EngagementHistory) history.invoke(scenario);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AuditScenarios." + name + "() is not available as expected", e);
        }
    }

    /** A commissioning event like the audit scenarios', with the given procurement reference. */
    static EngagementCommissioned commissioned(EngagementId id, String procurementReference) {
        return new EngagementCommissioned(id, EngagementFixtures.BUYER, "Employment Services", EngagementFixtures.SUPPLIER,
                "Minimal engagement", "Problem of a minimal engagement", "Residents served faster", ConsultantReason.INDEPENDENT_ASSESSMENT,
                false, null, new InHouseAlternative("Two analysts for a year", Money.of("90000.00", "EUR")),
                List.of("Residents"), Money.of("100000.00", "EUR"), Period.of("2026-01-01", "2026-12-31"), procurementReference);
    }

    /** A history written event by event, sequence numbers in order, with fixed timestamps. */
    static final class History {
        private final List<AuditedEvent> events = new ArrayList<>();

        History add(String instant, Actor actor, EngagementEvent event) {
            events.add(new AuditedEvent(events.size(), Instant.parse(instant), actor, event));
            return this;
        }

        EngagementHistory build() {
            return EngagementHistory.ofEvents(events);
        }
    }
}
