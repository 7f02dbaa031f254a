package dev.optim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {

    /**
     * A synthetic study with known learning curves: trial with parameter q ∈ [0, 1] has loss
     * {@code q + 1/(1 + step/10)} at each step, so its final loss (step 81) ranks it by q, and
     * every curve is ordered the same way at every step.
     */
    private static final SearchSpace SPACE = SearchSpace.of(Parameter.uniform("q", 0, 1));
    private static final long MAX = 81;

    private static double curve(double q, long step) {
        return q + 1.0 / (1 + step / 10.0);
    }

    private static double run(Trial t) {
        double q = t.params().getDouble("q");
        double loss = Double.NaN;
        for (long step = 1; step <= MAX; step++) {
            loss = curve(q, step);
            t.report(step, loss);
            if (t.shouldPrune()) {
                break;
            }
        }
        return loss;
    }

    @Test
    void rungsAndValidation() {
        assertArrayEquals(new long[] {1, 3, 9, 27}, new SuccessiveHalving(1, 81, 3).rungSteps());
        assertArrayEquals(new long[] {4, 8, 16, 32, 64}, new SuccessiveHalving(4, 100, 2).rungSteps());
        assertEquals("reductionFactor must be >= 2, got 1",
                assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving(1, 9, 1)).getMessage());
        assertEquals("maxResource must be > minResource (5), got 5",
                assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving(5, 5, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving(0, 9, 3));
    }

    @Test
    void prunesBadCurvesKeepsTheBestAndSavesMostOfTheBudget() {
        var pruner = new SuccessiveHalving(1, MAX, 3);
        int n = 60;
        List<FinishedTrial> trials = new LocalRunner(2).run(
                Study.builder(SPACE).sampler(new SobolSampler()).batchSize(4).pruner(pruner).seed(7).build(),
                SuccessiveHalvingTest::run, n);
        long steps = trials.stream().mapToLong(t -> t.reports().get(t.reports().size() - 1).step()).sum();
        long complete = trials.stream().filter(FinishedTrial::isComplete).count();
        long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
        assertEquals(n, complete + pruned);
        // The best q (known: the lowest) is never pruned, and is the study's best.
        FinishedTrial bestQ = trials.stream()
                .min((a, b) -> Double.compare(a.params().getDouble("q"), b.params().getDouble("q"))).orElseThrow();
        assertEquals(TrialState.COMPLETE, bestQ.state());
        // Each completed trial was, at every rung, among the best third of those before it.
        for (FinishedTrial t : trials) {
            if (t.isComplete()) {
                long better = trials.stream().filter(o -> o.index() < t.index() / 4 * 4
                        && o.params().getDouble("q") < t.params().getDouble("q")).count();
                long earlier = t.index() / 4 * 4;
                assertTrue(better <= Math.max(0, (earlier + 1) / 3), "trial " + t.index());
            }
        }
        // Pruning saves most of the budget: far fewer steps than n full runs, many trials stopped.
        assertTrue(steps < 0.5 * n * MAX, "steps " + steps);
        assertTrue(pruned >= n / 2, "pruned " + pruned);
        // A pruned trial stopped exactly at a rung.
        for (FinishedTrial t : trials) {
            if (t.state() == TrialState.PRUNED) {
                long last = t.reports().get(t.reports().size() - 1).step();
                assertTrue(last == 1 || last == 3 || last == 9 || last == 27, "stopped at " + last);
            }
        }
        assertEquals(trials, new LocalRunner(1).run(
                Study.builder(SPACE).sampler(new SobolSampler()).batchSize(4).pruner(pruner).seed(7).build(),
                SuccessiveHalvingTest::run, n));
    }

    @Test
    void reportingAfterPruningIsAnError() {
        Study study = Study.builder(SPACE).pruner(new SuccessiveHalving(1, 9, 3)).batchSize(1).seed(1).build();
        Trial a = study.ask();
        a.report(1, 0.1);
        study.tell(a, 0.1);
        Trial b = study.ask();
        b.report(1, 5.0);
        assertTrue(b.shouldPrune());
        assertTrue(assertThrows(IllegalStateException.class, () -> b.report(2, 4.0)).getMessage()
                .contains("was pruned at step 1"));
        assertThrows(IllegalArgumentException.class, () -> a.report(0, 1.0));
        assertEquals(TrialState.PRUNED, study.tell(b, 5.0).state());
    }
}
