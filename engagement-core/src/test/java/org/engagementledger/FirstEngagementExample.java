package org.engagementledger;

import org.engagementledger.EngagementLedger.RecordedEvent;
import org.engagementledger.api.Actor;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.Money;
import org.engagementledger.api.Party;
import org.engagementledger.api.Period;
import org.engagementledger.api.Role;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.ConsultantReason;
import org.engagementledger.api.engagement.CostCategory;
import org.engagementledger.api.engagement.InHouseAlternative;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.engagement.CeilingExceededException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The README's "record your first engagement" example, verbatim between the markers (ReadmeExampleTest checks both). */
final class FirstEngagementExample {

    private FirstEngagementExample() {
    }

    static void run() {
        // README:begin
        Actor buyer = Actor.of("procurement-lead", Role.AGENCY_BUYER, "municipality-northvale");
        Actor consultant = Actor.of("lead-consultant", Role.CONSULTANT, "brightpath-consulting");
        EngagementId id = EngagementId.of("ENG-2026-001");

        try (EngagementLedger ledger = EngagementLedger.inMemory()) {
            ledger.send(new CommissionEngagement(id,
                    Party.of("municipality-northvale", "Municipality of Northvale"), "Employment Services",
                    Party.of("brightpath-consulting", "BrightPath Consulting"),
                    "Redesign youth job matching",
                    "Young job seekers wait months for a first match",
                    "Half of young job seekers matched within six weeks",
                    ConsultantReason.SPECIALISED_SKILLS, false, null,
                    new InHouseAlternative("Second two analysts for a year", Money.of("140000", "EUR")),
                    List.of("Young unemployed people aged 16-24"),
                    Money.of("100000", "EUR"), Period.of("2026-01-01", "2026-12-31"), null), buyer);
            ledger.send(new ActivateEngagement(id, LocalDate.parse("2026-01-15")), buyer);
            ledger.send(new LogTime(id, "Consultant A", "Data scientist", LocalDate.parse("2026-02-03"),
                    new BigDecimal("7.5"), Money.of("120", "EUR"), CostCategory.DELIVERY, null, "Model design"), consultant);
            try {
                ledger.send(new LogTime(id, "Consultant A", "Data scientist", LocalDate.parse("2026-02-04"),
                        new BigDecimal("8"), Money.of("20000", "EUR"), CostCategory.DELIVERY, null, null), consultant);
            } catch (CeilingExceededException refused) {
                System.out.println("Refused: " + refused.getMessage());
            }
            for (RecordedEvent e : ledger.history(id)) {
                System.out.println(e.sequence() + " " + e.actor() + " " + e.event());
            }
        }
        // README:end
    }
}
