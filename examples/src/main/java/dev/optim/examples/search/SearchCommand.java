package dev.optim.examples.search;

import dev.optim.examples.cli.BadInputException;
import dev.optim.examples.cli.ExitCodes;
import dev.optim.examples.cli.OutputFormat;
import dev.optim.examples.cli.OutputOptions;
import dev.optim.examples.text.Json;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.search.BayesianSampler;
import dev.optim.search.FinishedTrial;
import dev.optim.search.GridSampler;
import dev.optim.search.LocalRunner;
import dev.optim.search.Parameter;
import dev.optim.search.RandomSampler;
import dev.optim.search.Sampler;
import dev.optim.search.SearchSpace;
import dev.optim.search.SobolSampler;
import dev.optim.search.Study;
import dev.optim.search.TrialObjective;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim search}: a hyperparameter search. By default over the learning rate and batch size
 * of mini-batch SGD on the article's regression problem ({@link RegressionTrials}), or on an MLP
 * classifier ({@link dev.optim.examples.train.MlpTrials}, spirals or digits); or on the Branin and
 * Hartmann-6 test functions. Prints every trial as CSV or JSON
 * ({@code trial,state,value,<parameters>,message}), and a progress line per finished trial on
 * standard error.
 *
 * <pre>
 * optim search --param lr=log:1e-4:1 --param batch=int:1:300 --sampler bayes --trials 40 --seed 1
 * </pre>
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Searches hyperparameters (random, Sobol, Bayesian or grid) and prints every trial.")
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", defaultValue = "regression", paramLabel = "NAME",
            description = "regression|mlp|branin|hartmann6 (default: ${DEFAULT-VALUE}).")
    String problem;

    @Option(names = "--param", paramLabel = "SPEC",
            description = "A parameter: name=uniform:LO:HI, name=log:LO:HI, name=int:LO:HI, name=logint:LO:HI,"
                    + " name=cat:A,B, optionally @parent=V1|V2 (repeatable; regression default:"
                    + " lr=log:1e-4:1 batch=int:1:300).")
    List<String> params = new ArrayList<>();

    @Option(names = "--sampler", defaultValue = "bayes", paramLabel = "KIND",
            description = "random|sobol|bayes|grid (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--grid-levels", defaultValue = "10", paramLabel = "L",
            description = "Levels per numeric parameter for --sampler grid (default: ${DEFAULT-VALUE}).")
    int gridLevels;

    @Option(names = "--trials", defaultValue = "40", paramLabel = "N",
            description = "The number of trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "The study's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--study-batch", defaultValue = "4", paramLabel = "K",
            description = "Trials an adaptive sampler proposes together; part of the study's definition,"
                    + " unlike --threads (default: ${DEFAULT-VALUE}).")
    int studyBatch;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "An append-only journal: resumed if it exists.")
    Path journal;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "E",
            description = "Regression and MLP: the budget in passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--dataset", defaultValue = "spirals", paramLabel = "NAME",
            description = "MLP: spirals|digits, 20% held out for the value (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--hidden", defaultValue = "32", split = ",", paramLabel = "W,W,...",
            description = "MLP: the hidden layers' widths, tanh (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--points", defaultValue = "300", paramLabel = "N",
            description = "Regression: the number of points (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--data-seed", defaultValue = "1", paramLabel = "S",
            description = "Regression: the seed of the data and of the initial line (default: ${DEFAULT-VALUE}).")
    long dataSeed;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Also draw the trials over the first two parameters, coloured by value.")
    Path png;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Mixin
    OutputOptions output = new OutputOptions();

    static Sampler sampler(String kind, int gridLevels) {
        return switch (kind) {
            case "random" -> new RandomSampler();
            case "sobol" -> new SobolSampler();
            case "bayes" -> new BayesianSampler();
            case "grid" -> new GridSampler(gridLevels);
            default -> throw new BadInputException("--sampler must be random, sobol, bayes or grid, got '" + kind + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        if (trials < 1) {
            throw new BadInputException("--trials must be >= 1, got " + trials);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1, got " + threads);
        }
        SearchSpace space;
        TrialObjective objective;
        switch (problem) {
            case "regression" -> {
                List<String> specs = params.isEmpty() ? List.of("lr=log:1e-4:1", "batch=int:1:300") : params;
                var b = SearchSpace.builder();
                specs.forEach(s -> b.add(Parameter.parse(s)));
                space = b.build();
                space.indexOf("lr");
                if (points < 2) {
                    throw new BadInputException("--points must be >= 2, got " + points);
                }
                objective = new RegressionTrials(RegressionData.generate(
                        dev.optim.landscapes.regression.RegressionProblem.builder().points(points).seed(dataSeed).build()),
                        epochs, dataSeed);
            }
            case "mlp" -> {
                List<String> specs = params.isEmpty() ? List.of("lr=log:1e-3:1", "batch=int:4:256") : params;
                var b = SearchSpace.builder();
                specs.forEach(s -> b.add(Parameter.parse(s)));
                space = b.build();
                space.indexOf("lr");
                if (epochs < 1) {
                    throw new BadInputException("--epochs must be >= 1, got " + epochs);
                }
                var data = switch (dataset) {
                    case "spirals" -> dev.optim.examples.train.Datasets.spirals(points, 0.1, dataSeed);
                    case "digits" -> dev.optim.examples.train.Datasets.digits();
                    default -> throw new BadInputException("--dataset must be spirals or digits, got '" + dataset + "'");
                };
                objective = dev.optim.examples.train.MlpTrials.split(data, 0.2, hidden, epochs, dataSeed);
            }
            case "branin", "hartmann6" -> {
                if (!params.isEmpty()) {
                    throw new BadInputException("--param is for --problem regression or mlp; " + problem + " has its own space");
                }
                BlackBox box = problem.equals("branin") ? BlackBox.branin() : BlackBox.hartmann6();
                space = box.space();
                objective = t -> box.function().applyAsDouble(t.params());
            }
            default -> throw new BadInputException("--problem must be regression, mlp, branin or hartmann6, got '" + problem + "'");
        }
        Sampler s = sampler(sampler, gridLevels);
        var b = Study.builder(space).sampler(s).seed(seed).batchSize(studyBatch);
        if (journal != null) {
            b.journal(journal);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<FinishedTrial> all;
        try (Study study = b.build()) {
            var runner = new LocalRunner(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                    .onFinished(t -> {
                        if (!quiet) {
                            err.println(progress(t, study, trials));
                            err.flush();
                        }
                    });
            all = runner.run(study, objective, trials);
        }
        output.emit(spec, output.format() == OutputFormat.JSON ? json(space, s, all) : csv(space, all));
        if (png != null && space.dimension() >= 2) {
            SearchPictures.scatter("optim search: " + problem + ", " + sampler + ", seed " + seed, all,
                    space.parameters().get(0).name(), space.parameters().get(1).name(), png);
        }
        return ExitCodes.OK;
    }

    private static String progress(FinishedTrial t, Study study, int total) {
        String best = study.best().map(f -> String.format(Locale.ROOT, "%.6g (trial %d)", f.value(), f.index()))
                .orElse("none");
        return String.format(Locale.ROOT, "trial %d/%d %s %s [%s] best %s", t.index() + 1, total, t.state(),
                t.isComplete() || t.state() == dev.optim.search.TrialState.PRUNED
                        ? String.format(Locale.ROOT, "%.6g", t.value()) : t.message(),
                t.params(), best);
    }

    static String csv(SearchSpace space, List<FinishedTrial> trials) {
        var sb = new StringBuilder("trial,state,value");
        space.parameters().forEach(p -> sb.append(',').append(p.name()));
        sb.append(",message\n");
        for (FinishedTrial t : trials) {
            sb.append(t.index()).append(',').append(t.state()).append(',')
                    .append(Double.isNaN(t.value()) ? "" : Double.toString(t.value()));
            for (Parameter p : space.parameters()) {
                sb.append(',').append(t.params().has(p.name()) ? t.params().get(p.name()).toString() : "");
            }
            sb.append(',').append(t.message().replace(',', ';').replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    static String json(SearchSpace space, Sampler sampler, List<FinishedTrial> trials) {
        var list = new ArrayList<Object>();
        for (FinishedTrial t : trials) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trial", t.index());
            m.put("state", t.state().name());
            m.put("value", t.value());
            m.put("params", new LinkedHashMap<>(t.params().asMap()));
            m.put("message", t.message());
            list.add(m);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("space", space.describe());
        top.put("sampler", sampler.name());
        top.put("trials", list);
        return Json.write(top, new StringBuilder()).append('\n').toString();
    }
}
