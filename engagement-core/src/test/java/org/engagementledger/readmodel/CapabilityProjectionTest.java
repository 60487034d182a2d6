package org.engagementledger.readmodel;

import org.engagementledger.api.engagement.CapabilityAssessed;
import org.engagementledger.api.query.CapabilityProgress;
import org.engagementledger.api.query.FindEngagementSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.readmodel.ReadModelSamples.*;
import static org.junit.jupiter.api.Assertions.*;

class CapabilityProjectionTest extends ProjectionTestBase {

    @Test
    void progressShowsTheLatestAssessmentAgainstTheTarget() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        capabilities.on(targetDefined(), 1);
        capabilities.on(new CapabilityAssessed(ENGAGEMENT, TARGET, 4, "Team retrained the model alone"), 2);
        capabilities.on(new CapabilityAssessed(ENGAGEMENT, TARGET, 3, "Reassessed after staff turnover"), 3);

        assertEquals(List.of(new CapabilityProgress(TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4, 3, false)),
                progress());
    }

    @Test
    void aRedeliveredOlderAssessmentDoesNotReplaceALaterOne() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        capabilities.on(targetDefined(), 1);
        CapabilityAssessed earlier = new CapabilityAssessed(ENGAGEMENT, TARGET, 2, "With help");
        capabilities.on(earlier, 2);
        capabilities.on(new CapabilityAssessed(ENGAGEMENT, TARGET, 4, "Alone"), 3);
        capabilities.on(earlier, 2);
        capabilities.on(targetDefined(), 1);

        List<CapabilityProgress> progress = progress();
        assertEquals(1, progress.size());
        assertEquals(4, progress.get(0).latestAssessedLevel());
        assertTrue(progress.get(0).met());
    }

    @Test
    void aTargetNeverAssessedHasNoLevelAndIsNotMet() {
        engagements.on(commissionedFor(ENGAGEMENT, BUYER, SUPPLIER), 0, at(0));
        capabilities.on(targetDefined(), 1);

        CapabilityProgress progress = progress().get(0);
        assertNull(progress.latestAssessedLevel());
        assertFalse(progress.met());
    }

    private List<CapabilityProgress> progress() {
        return summaryQueries.handle(new FindEngagementSummary(ENGAGEMENT)).capabilities();
    }
}
