package org.engagementledger.engagement;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.engagementledger.api.engagement.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;

class EngagementSmokeTest {

    private AggregateTestFixture<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    @Test
    void buyerCommissionsAnEngagement() {
        fixture.givenNoPriorActivity()
                .when(commission(), as(BUYER_OFFICIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(commissioned());
    }

    @Test
    void requirementMemberReceivesItsEvents() {
        fixture.given(commissioned(), activated(), requirementAdded(), fulfilmentSubmitted())
                .when(new AcceptFulfilment(ENGAGEMENT, REQUIREMENT, "ok"), as(AGENCY_STAFF))
                .expectEvents(new FulfilmentAccepted(ENGAGEMENT, REQUIREMENT, 1, addRequirement().acceptanceCriteria(), "ok"));
    }

    @Test
    void missingActorIsRefused() {
        fixture.given(commissioned())
                .when(new ActivateEngagement(ENGAGEMENT, SIGNED))
                .expectException(MissingActorException.class);
    }

    @Test
    void invalidShapeIsRefused() {
        fixture.given(commissioned(), activated())
                .when(new LogTime(ENGAGEMENT, "", "x", SIGNED, new BigDecimal("25"), eur("100.00"), CostCategory.DELIVERY, null, null), as(CONSULTANT))
                .expectException(org.axonframework.messaging.interceptors.JSR303ViolationException.class)
                .expectNoEvents();
    }

    @Test
    void ceilingIsEnforced() {
        fixture.given(commissioned(), activated(), timeLogged("99000.00"))
                .when(logTime("10", "150.00"), as(CONSULTANT))
                .expectException(CeilingExceededException.class)
                .expectExceptionMessage("committed cost may not exceed the ceiling: ceiling 100000.00 EUR, committed 99000.00 EUR, attempted 1500.00 EUR (over by 500.00 EUR); amend the ceiling first");
    }
}
