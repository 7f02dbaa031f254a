package dev.optim.examples.search;

import dev.optim.search.BayesianSampler;
import dev.optim.search.FinishedTrial;
import dev.optim.search.LocalRunner;
import dev.optim.search.RandomSampler;
import dev.optim.search.Sampler;
import dev.optim.search.SobolSampler;
import dev.optim.search.Study;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The regret table: median simple regret (best value found minus the published minimum) over
 * {@code seeds} seeds after 30 and 60 evaluations, for random, Sobol and Bayesian search on Branin
 * and Hartmann-6. Each study is sequential (batch size 1); the seeds run in parallel.
 *
 * <pre>
 * java -cp examples/target/optim.jar dev.optim.examples.search.RegretTable [seeds] [threads]
 * </pre>
 */
public final class RegretTable {

    private RegretTable() {}

    /** The evaluation counts reported. */
    static final int[] CHECKPOINTS = {30, 60};

    /**
     * Runs the table and prints it as Markdown.
     *
     * @param args optional: the number of seeds (default 20) and of threads (default: all)
     * @throws Exception if a study fails
     */
    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        System.out.print(table(seeds, threads));
    }

    /**
     * The simple regret after each checkpoint of one study.
     *
     * @param box the function
     * @param sampler the sampler
     * @param seed the seed
     * @return the regret after {@link #CHECKPOINTS} evaluations
     */
    static double[] regrets(BlackBox box, Sampler sampler, long seed) {
        int n = CHECKPOINTS[CHECKPOINTS.length - 1];
        Study study = Study.builder(box.space()).sampler(sampler).batchSize(1).seed(seed).build();
        List<FinishedTrial> trials = new LocalRunner(1).run(study, t -> box.function().applyAsDouble(t.params()), n);
        double[] out = new double[CHECKPOINTS.length];
        for (int c = 0; c < CHECKPOINTS.length; c++) {
            double best = trials.subList(0, CHECKPOINTS[c]).stream().filter(FinishedTrial::isComplete)
                    .mapToDouble(FinishedTrial::value).min().orElse(Double.NaN);
            out[c] = best - box.minimum();
        }
        return out;
    }

    static String table(int seeds, int threads) throws Exception {
        List<BlackBox> boxes = List.of(BlackBox.branin(), BlackBox.hartmann6());
        List<String> names = List.of("random", "Sobol", "Bayesian (GP + EI)");
        List<Supplier<Sampler>> samplers = List.of(RandomSampler::new, SobolSampler::new, BayesianSampler::new);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Median simple regret over %d seeds (batch size 1)%n%n", seeds));
        sb.append("| function | sampler | after 30 | after 60 |\n|---|---|---|---|\n");
        try {
            for (BlackBox box : boxes) {
                for (int s = 0; s < samplers.size(); s++) {
                    var futures = new ArrayList<Future<double[]>>();
                    Supplier<Sampler> make = samplers.get(s);
                    for (int seed = 0; seed < seeds; seed++) {
                        long sd = seed;
                        futures.add(pool.submit(() -> regrets(box, make.get(), sd)));
                    }
                    double[][] r = new double[CHECKPOINTS.length][seeds];
                    for (int seed = 0; seed < seeds; seed++) {
                        double[] got = futures.get(seed).get();
                        for (int c = 0; c < CHECKPOINTS.length; c++) {
                            r[c][seed] = got[c];
                        }
                    }
                    sb.append(String.format(Locale.ROOT, "| %s (min %s) | %s | %.3g | %.3g |%n", box.name(),
                            box.minimum(), names.get(s), median(r[0]), median(r[1])));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return sb.toString();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
