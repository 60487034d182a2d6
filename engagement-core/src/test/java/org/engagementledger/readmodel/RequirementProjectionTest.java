package org.engagementledger.readmodel;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.FulfilmentAccepted;
import org.engagementledger.api.engagement.FulfilmentRejected;
import org.engagementledger.api.engagement.FulfilmentSubmitted;
import org.engagementledger.api.engagement.RequirementAdded;
import org.engagementledger.api.engagement.RequirementRevised;
import org.engagementledger.api.engagement.RequirementStatus;
import org.engagementledger.api.engagement.RequirementWithdrawn;
import org.engagementledger.api.engagement.StatedBy;
import org.engagementledger.api.query.FindRequirementTrace;
import org.engagementledger.api.query.FulfilmentAction;
import org.engagementledger.api.query.FulfilmentStep;
import org.engagementledger.api.query.RequirementRevision;
import org.engagementledger.api.query.RequirementTrace;
import org.engagementledger.api.query.TracedRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class RequirementProjectionTest extends ProjectionTestBase {

    private static final List<String> CRITERIA_V2 = List.of("Ranking explained in plain language", "Caseworkers can override the ranking",
            "Explanation reviewed by two caseworkers");

    @Test
    void everyVersionIsKeptWithItsCriteriaReasonActorAndTime() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(requirementAdded(), 2, at(1), by(AGENCY_STAFF));
        requirements.on(revised(REQ_1, 2, CRITERIA_V2), 5, at(5), by(BUYER_OFFICIAL));

        TracedRequirement traced = trace().requirements().get(0);

        assertEquals(REQ_1, traced.requirementId());
        assertEquals(StatedBy.AGENCY_UNIT, traced.statedBy());
        assertEquals(RequirementStatus.OPEN, traced.status());
        assertEquals(2, traced.currentVersion());
        assertEquals(List.of(
                new RequirementRevision(1, requirementAdded().outcome(), requirementAdded().acceptanceCriteria(),
                        "Usability test with ten caseworkers", null, false, AGENCY_STAFF, at(1)),
                new RequirementRevision(2, requirementAdded().outcome(), CRITERIA_V2, "Usability test with ten caseworkers",
                        "Clarified after the rejection", false, BUYER_OFFICIAL, at(5))), traced.revisions());
    }

    @Test
    void aRequirementWithoutCriteriaIsFlaggedInItsRevision() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(new RequirementAdded(ENGAGEMENT, REQ_2, "A monthly report", List.of(), "Review", StatedBy.FRONTLINE_STAFF, true),
                1, at(1), by(BUYER_OFFICIAL));

        RequirementRevision first = trace().requirements().get(0).revisions().get(0);

        assertTrue(first.lacksAcceptanceCriteria());
        assertEquals(List.of(), first.acceptanceCriteria());
    }

    @Test
    void fulfilmentStepsAreRecordedAgainstTheVersionTheyConcern() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(requirementAdded(), 1, at(1), by(AGENCY_STAFF));
        requirements.on(new FulfilmentSubmitted(ENGAGEMENT, REQ_1, 1, "Prototype v1"), 2, at(2), by(CONSULTANT));
        requirements.on(new FulfilmentRejected(ENGAGEMENT, REQ_1, 1, "The ranking is not explained"), 3, at(3), by(AGENCY_STAFF));
        requirements.on(revised(REQ_1, 2, CRITERIA_V2), 4, at(4), by(AGENCY_STAFF));
        requirements.on(new FulfilmentSubmitted(ENGAGEMENT, REQ_1, 2, "Prototype v2"), 5, at(5), by(CONSULTANT));
        requirements.on(new FulfilmentAccepted(ENGAGEMENT, REQ_1, 2, CRITERIA_V2, "All criteria met"), 6, at(6), by(AGENCY_STAFF));

        TracedRequirement traced = trace().requirements().get(0);

        assertEquals(RequirementStatus.ACCEPTED, traced.status());
        assertEquals(List.of(
                new FulfilmentStep(FulfilmentAction.SUBMITTED, 1, "Prototype v1", CONSULTANT, at(2)),
                new FulfilmentStep(FulfilmentAction.REJECTED, 1, "The ranking is not explained", AGENCY_STAFF, at(3)),
                new FulfilmentStep(FulfilmentAction.SUBMITTED, 2, "Prototype v2", CONSULTANT, at(5)),
                new FulfilmentStep(FulfilmentAction.ACCEPTED, 2, "All criteria met", AGENCY_STAFF, at(6))), traced.fulfilment());
    }

    @Test
    void aWithdrawalNamesTheVersionThatWasCurrent() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(requirementAdded(), 1, at(1), by(AGENCY_STAFF));
        requirements.on(revised(REQ_1, 2, CRITERIA_V2), 2, at(2), by(AGENCY_STAFF));
        requirements.on(revised(REQ_1, 3, CRITERIA_V2), 3, at(3), by(AGENCY_STAFF));
        requirements.on(new RequirementWithdrawn(ENGAGEMENT, REQ_1, "Out of scope"), 4, at(4), by(BUYER_OFFICIAL));

        TracedRequirement traced = trace().requirements().get(0);

        assertEquals(RequirementStatus.WITHDRAWN, traced.status());
        assertEquals(List.of(new FulfilmentStep(FulfilmentAction.WITHDRAWN, 3, "Out of scope", BUYER_OFFICIAL, at(4))), traced.fulfilment());
    }

    @Test
    void redeliveredEventsAddNoHistoryAndNeverMoveTheStatusBack() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        RequirementAdded added = requirementAdded();
        FulfilmentSubmitted submitted = new FulfilmentSubmitted(ENGAGEMENT, REQ_1, 1, "Prototype v1");
        requirements.on(added, 1, at(1), by(AGENCY_STAFF));
        requirements.on(submitted, 2, at(2), by(CONSULTANT));
        requirements.on(new FulfilmentAccepted(ENGAGEMENT, REQ_1, 1, added.acceptanceCriteria(), "All criteria met"), 3, at(3),
                by(AGENCY_STAFF));
        RequirementTrace live = trace();

        requirements.on(added, 1, at(1), by(AGENCY_STAFF));
        requirements.on(submitted, 2, at(2), by(CONSULTANT));

        assertEquals(live, trace());
        assertEquals(RequirementStatus.ACCEPTED, trace().requirements().get(0).status());
        assertEquals(2, trace().requirements().get(0).revisions().get(0).acceptanceCriteria().size());
    }

    @Test
    void requirementsAreListedInTheOrderTheyWereAdded() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        requirements.on(new RequirementAdded(ENGAGEMENT, REQ_3, "Third first", List.of("c"), "Review", StatedBy.CONSULTANT, false),
                1, at(1), by(CONSULTANT));
        requirements.on(requirementAdded(), 2, at(2), by(AGENCY_STAFF));

        assertEquals(List.of(REQ_3, REQ_1), trace().requirements().stream().map(TracedRequirement::requirementId).toList());
    }

    @Test
    void anUnknownEngagementHasNoTrace() {
        assertNull(traceQueries.handle(new FindRequirementTrace(EngagementId.of("ENG-UNKNOWN"))));
    }

    private RequirementTrace trace() {
        return traceQueries.handle(new FindRequirementTrace(ENGAGEMENT));
    }

    private static RequirementRevised revised(org.engagementledger.api.RequirementId id, int version, List<String> criteria) {
        return new RequirementRevised(ENGAGEMENT, id, version, requirementAdded().outcome(), criteria,
                "Usability test with ten caseworkers", "Clarified after the rejection", criteria.isEmpty());
    }
}
