package dev.optim.examples.search;

import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import dev.optim.search.BayesianSampler;
import dev.optim.search.FinishedTrial;
import dev.optim.search.LocalRunner;
import dev.optim.search.Parameter;
import dev.optim.search.RandomSampler;
import dev.optim.search.Sampler;
import dev.optim.search.SearchSpace;
import dev.optim.search.Study;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The article's closing experiment: learning rate and batch size of mini-batch SGD on its
 * regression problem (300 points, 5 epochs, {@link RegressionTrials}), found by random search and
 * by Bayesian optimisation. Writes two pictures: the trials of a long random search over
 * {@code lr × batch} coloured by final loss, and the best-so-far curves (median over seeds) of
 * random and Bayesian search.
 *
 * <pre>
 * java -cp examples/target/optim.jar dev.optim.examples.search.SearchExperiment [outDir] [seeds]
 * </pre>
 */
public final class SearchExperiment {

    private SearchExperiment() {}

    /** The space: {@code lr=log:1e-4:1 batch=logint:1:300} (batch sizes log-uniform, as the picture's axis). */
    static final SearchSpace SPACE = SearchSpace.of(Parameter.logUniform("lr", 1e-4, 1), Parameter.logInteger("batch", 1, 300));

    /**
     * Runs the experiment.
     *
     * @param args optional: the output directory (default {@code docs/images}) and the number of
     *     seeds of the best-so-far curves (default 10)
     * @throws Exception if a picture cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Files.createDirectories(out);
        var objective = new RegressionTrials(RegressionData.generate(RegressionProblem.builder().points(300).seed(1).build()), 5, 1);
        var runner = new LocalRunner();
        List<FinishedTrial> random = runner.run(Study.builder(SPACE).seed(1).build(), objective, 300);
        double floor = objective.data().loss(objective.data().leastSquares());
        SearchPictures.scatter("SGD on the article's line fit, 5 epochs: loss above least squares", random,
                "lr", "batch", floor, "log10 (final loss - least-squares loss)", out.resolve("search-lr-batch.png"));
        int n = 40;
        Map<String, double[]> curves = new LinkedHashMap<>();
        Map<String, Supplier<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("Bayesian (GP + EI)", BayesianSampler::new);
        for (var e : samplers.entrySet()) {
            double[][] best = new double[n][seeds];
            for (int s = 0; s < seeds; s++) {
                List<FinishedTrial> trials = runner.run(Study.builder(SPACE).sampler(e.getValue().get()).seed(100 + s).build(),
                        objective, n);
                double b = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (trials.get(i).isComplete()) {
                        b = Math.min(b, trials.get(i).value());
                    }
                    best[i][s] = b;
                }
            }
            double[] median = new double[n];
            for (int i = 0; i < n; i++) {
                median[i] = RegretTable.median(best[i]) - floor;
            }
            curves.put(e.getKey(), median);
            System.out.printf(Locale.ROOT, "%s: median best loss above least squares after 10/20/40 trials %.3g %.3g %.3g%n", e.getKey(),
                    median[9], median[19], median[39]);
        }
        SearchPictures.bestSoFar("Random vs Bayesian search of lr and batch size (line fit, 5 epochs)",
                "best loss above least squares so far (median of " + seeds + " seeds)", curves,
                out.resolve("search-best-so-far.png"));
        FinishedTrial bestRandom = random.stream().filter(FinishedTrial::isComplete)
                .min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        System.out.println("best of 300 random trials: " + bestRandom + "; least-squares loss " + floor);
    }
}
