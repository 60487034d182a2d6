package org.engagementledger.sample.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several runs on one store are reported as the medians of their figures. */
class StoreReportTest {

    @Test
    void eachFigureOfSeveralRunsIsTheMedianOfThatFigureAndTheRatioFollowsFromThem() {
        StoreReport median = StoreReport.median(List.of(run("run 1", 1_000, 2_000, 0.5), run("run 2", 1_300, 2_100, 0.62),
                run("run 3", 900, 2_600, 0.35)));

        Measure rate = median.measure("append-1-client").orElseThrow();
        assertEquals(1_000, rate.ledger());
        assertEquals(2_100, rate.baseline());
        assertEquals(1_000.0 / 2_100, rate.ratio(), 1e-12);
        Goal goal = median.goals().get(0);
        assertEquals(0.5, goal.value());
        assertFalse(goal.met());
        assertEquals("3, every figure the median over them", median.context().get("runs"));
        assertEquals("run 3", median.context().get("which"), "the context is the last run's");
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwoAndKeepsAnUpperBoundGoal() {
        StoreReport median = StoreReport.median(List.of(run("run 1", 1_000, 2_000, 4.0), run("run 2", 1_200, 2_400, 6.0)));

        assertEquals(1_100, median.measure("append-1-client").orElseThrow().ledger());
        Goal bound = median.goals().get(1);
        assertTrue(bound.atMost());
        assertEquals(5.0, bound.value());
        assertTrue(bound.met());
    }

    private static StoreReport run(String which, double ledger, double baseline, double goalValue) {
        return new StoreReport("h2", "jdbc:h2:mem:x", Map.of("which", which),
                List.of(new Measure("append-1-client", ledger, baseline, "ops/s")),
                List.of(new Goal("append-1-client ratio", "at least 0.95x", 0.95, goalValue),
                        Goal.atMost("load", "5 ms or less", 5.0, goalValue)));
    }
}
