package org.engagementledger.spring;

import org.engagementledger.api.EngagementId;
import org.engagementledger.api.engagement.ActivateEngagement;
import org.engagementledger.api.engagement.CommissionEngagement;
import org.engagementledger.api.engagement.LogTime;
import org.engagementledger.engagement.EngagementFixtures;

/** The fixtures' commands for any engagement id, so that tests sharing one Spring context stay apart. */
final class SpringTestCommands {

    private SpringTestCommands() {
    }

    static CommissionEngagement commission(EngagementId id) {
        CommissionEngagement c = EngagementFixtures.commission();
        return new CommissionEngagement(id, c.buyer(), c.buyerUnit(), c.supplier(), c.title(), c.problem(),
                c.intendedOutcome(), c.reason(), c.coreWork(), c.coreWorkJustification(), c.inHouseAlternative(),
                c.rightsHolderGroups(), c.ceiling(), c.period(), null);
    }

    static ActivateEngagement activate(EngagementId id) {
        return new ActivateEngagement(id, EngagementFixtures.SIGNED);
    }

    static LogTime logTime(EngagementId id, String hours, String rate) {
        LogTime l = EngagementFixtures.logTime(hours, rate);
        return new LogTime(id, l.person(), l.personRole(), l.date(), l.hours(), l.hourlyRate(), l.category(),
                l.requirementId(), l.description());
    }
}
