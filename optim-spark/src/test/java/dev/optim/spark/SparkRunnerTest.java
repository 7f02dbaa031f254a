package dev.optim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.landscapes.Landscapes;
import dev.optim.search.BayesianSampler;
import dev.optim.search.FinishedTrial;
import dev.optim.search.LocalRunner;
import dev.optim.search.Parameter;
import dev.optim.search.SearchSpace;
import dev.optim.search.SobolSampler;
import dev.optim.search.Study;
import dev.optim.search.SuccessiveHalving;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparkRunnerTest {

    private static JavaSparkContext spark;

    private static final SearchSpace SPACE = SearchSpace.of(Parameter.uniform("x", -5, 5), Parameter.uniform("y", -5, 5));

    /** Himmelblau from optim-landscapes, built on the executor. */
    private static final SerializableTrialObjective HIMMELBLAU = t -> Landscapes.byName("himmelblau")
            .value(new double[] {t.params().getDouble("x"), t.params().getDouble("y")});

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("optim-spark-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Study study(boolean bayes) {
        return Study.builder(SPACE).seed(21).batchSize(4)
                .sampler(bayes ? BayesianSampler.builder().initialTrials(6).candidates(300).build() : new SobolSampler())
                .build();
    }

    @Test
    void sameTrialsAndResultsAsTheLocalRunner() {
        for (boolean bayes : new boolean[] {false, true}) {
            List<FinishedTrial> local = new LocalRunner(2).run(study(bayes), HIMMELBLAU, 16);
            List<FinishedTrial> onSpark = new SparkRunner(spark).run(study(bayes), HIMMELBLAU, 16);
            assertEquals(16, onSpark.size());
            assertEquals(local, onSpark, bayes ? "bayes" : "sobol");
        }
    }

    @Test
    void pruningAndFailuresTravelToo() {
        SerializableTrialObjective curve = t -> {
            double x = t.params().getDouble("x");
            if (x > 4) {
                throw new IllegalStateException("diverged at x=" + x);
            }
            double loss = Double.NaN;
            for (long step = 1; step <= 27; step++) {
                loss = Math.abs(x) + 1.0 / step;
                t.report(step, loss);
                if (t.shouldPrune()) {
                    break;
                }
            }
            return loss;
        };
        var rule = new SuccessiveHalving(1, 27, 3);
        List<FinishedTrial> local = new LocalRunner(2).run(
                Study.builder(SPACE).seed(3).batchSize(4).pruner(rule).build(), curve, 20);
        List<FinishedTrial> onSpark = new SparkRunner(spark).run(
                Study.builder(SPACE).seed(3).batchSize(4).pruner(rule).build(), curve, 20);
        assertEquals(local, onSpark);
    }
}
