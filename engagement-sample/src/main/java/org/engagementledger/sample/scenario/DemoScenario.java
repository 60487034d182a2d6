package org.engagementledger.sample.scenario;

import org.engagementledger.EngagementLedger;
import org.engagementledger.api.EngagementId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The evaluation scenario behind {@code demo}: three fictional engagements, recorded through the ledger as
 * the demo users who would have sent each command.
 * <ul>
 *   <li>{@code NV-2026-014}, a well-run engagement (see {@link NorthvaleYouthMatching});</li>
 *   <li>{@code EM-2023-112} and {@code EM-2026-031}, the same supplier engaged twice by one agency for the
 *       same capability, the second one troubled (see {@link EastmoorForecasting}).</li>
 * </ul>
 * Recording is idempotent per engagement: an engagement that already has a history in the database is left
 * alone and reported as already recorded, so running the demo again never duplicates or corrupts anything.
 * A run stopped half-way through an engagement leaves that engagement as far as it got (every stored event is
 * valid and chained); delete the database to record the scenario afresh.
 */
public final class DemoScenario {

    /** One engagement of the scenario. */
    public record Engagement(EngagementId id, String title, Recording recording) {
    }

    /** What the demo did with one engagement. */
    public record Outcome(EngagementId id, String title, boolean recordedNow, int events) {
    }

    @FunctionalInterface
    interface Recording {
        void record(Script script);
    }

    public static final EngagementId NORTHVALE = NorthvaleYouthMatching.ID;
    public static final EngagementId EASTMOOR_FIRST = EastmoorForecasting.FIRST;
    public static final EngagementId EASTMOOR_REPEAT = EastmoorForecasting.REPEAT;

    /** In recording order: the first Eastmoor engagement precedes the repeat it is compared with. */
    public static final List<Engagement> ENGAGEMENTS = List.of(
            new Engagement(NORTHVALE, "Northvale: redesign of youth job matching (well run)", NorthvaleYouthMatching::record),
            new Engagement(EASTMOOR_FIRST, "Eastmoor: caseload forecasting model, 2023-2024", EastmoorForecasting::recordFirst),
            new Engagement(EASTMOOR_REPEAT, "Eastmoor: the same supplier again for the same capability (troubled)",
                    EastmoorForecasting::recordRepeat));

    private DemoScenario() {
    }

    /**
     * Records every engagement of the scenario that the ledger does not hold yet.
     *
     * @param narrator receives one line per noteworthy step (e.g. a refusal the scenario shows on purpose)
     */
    public static List<Outcome> record(EngagementLedger ledger, Consumer<String> narrator) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Engagement engagement : ENGAGEMENTS) {
            boolean recordNow = !ledger.exists(engagement.id());
            if (recordNow) {
                engagement.recording().record(new Script(ledger, engagement.id(), narrator));
            }
            outcomes.add(new Outcome(engagement.id(), engagement.title(), recordNow, ledger.history(engagement.id()).size()));
        }
        return outcomes;
    }
}
