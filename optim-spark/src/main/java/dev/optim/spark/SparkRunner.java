package dev.optim.spark;

import dev.optim.search.FinishedTrial;
import dev.optim.search.Outcome;
import dev.optim.search.Study;
import dev.optim.search.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a study's trials as Spark tasks, one task per trial. The study stays on the driver: it
 * asks every trial that can be asked now (a whole batch for an adaptive sampler, see
 * {@link Study}; all remaining trials otherwise), ships them to the executors, collects the
 * outcomes and tells them in index order. Since every trial is a function of the seed and the
 * trials before its batch, the trials and results are exactly those of
 * {@link dev.optim.search.LocalRunner} for the same study definition.
 *
 * <pre>{@code
 * try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("search"))) {
 *     List<FinishedTrial> trials = new SparkRunner(sc).run(study, t -> train(t.params()), 200);
 * }
 * }</pre>
 */
public final class SparkRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SparkRunner.class);

    private final JavaSparkContext spark;

    /**
     * A runner on a Spark context.
     *
     * @param spark the context, owned by the caller
     */
    public SparkRunner(JavaSparkContext spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /**
     * Runs trials until the study has {@code trials} finished ones.
     *
     * @param study the study (on the driver)
     * @param objective the objective, serialised to the executors
     * @param trials the total number of finished trials wanted
     * @return the study's finished trials, by index
     * @throws IllegalArgumentException if {@code trials} exceeds what the sampler can propose
     * @throws IllegalStateException if trials were asked outside this runner and not told
     */
    public List<FinishedTrial> run(Study study, SerializableTrialObjective objective, int trials) {
        long size = study.sampler().size(study.space());
        if (trials > size) {
            throw new IllegalArgumentException("trials must be <= " + size + " for the "
                    + study.sampler().name() + " sampler over this space, got " + trials);
        }
        while (study.finishedCount() < trials) {
            var wave = new ArrayList<Trial>();
            while (study.finishedCount() + study.runningCount() < trials && study.canAsk()) {
                wave.add(study.ask());
            }
            if (wave.isEmpty()) {
                throw new IllegalStateException("no trial can be asked and none is running in Spark: "
                        + "trials of this study were asked outside the runner and not told");
            }
            List<Outcome> outcomes = new ArrayList<>(spark.parallelize(wave, wave.size())
                    .map(t -> Outcome.run(objective, t)).collect());
            outcomes.sort(Comparator.comparingLong(o -> o.trial().index()));
            for (Outcome o : outcomes) {
                o.tellTo(study);
            }
            LOG.info("{} trials ran on Spark, {} of {} finished", wave.size(), study.finishedCount(), trials);
        }
        return study.trials();
    }
}
