package dev.optim.examples.sharpness;

import dev.optim.examples.cli.BadInputException;
import dev.optim.examples.cli.ExitCodes;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim sharpness}: sharp and flat minima on the digits MLP (or the spirals). Trains
 * small- and large-batch solutions to the same training loss over several seeds
 * ({@link BatchSizeExperiment}) and prints the table of test accuracy, ε-sharpness and top
 * Hessian eigenvalue (mean ± sd); then runs rate decay versus batch growth and Adam versus SGD
 * versus SWATS ({@link ScheduleExperiment}) and prints their last points. Writes under
 * {@code --out}: {@code sharpness.csv} (every seed), {@code table.txt}, {@code curves.csv},
 * {@code interpolation.csv}, and
 * the pictures {@code interpolation.png}, {@code decay-growth-examples.png},
 * {@code decay-growth-updates.png}, {@code optimizers.png} and {@code slice.png} (a 2-D slice of
 * the training loss around the first small-batch solution along two filter-normalised
 * directions, or along {@code --direction} and a random one). {@code --quick} uses small
 * settings for a first look.
 */
@Command(name = "sharpness", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Small versus large batches: test accuracy, epsilon-sharpness, top Hessian"
                + " eigenvalue; rate decay versus batch growth; Adam, SGD, SWATS; with pictures.")
public final class SharpnessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Small settings (a look, not a measurement).")
    boolean quick;

    @Option(names = "--dataset", defaultValue = "digits", paramLabel = "NAME",
            description = "digits|spirals (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--hidden", split = ",", paramLabel = "W,W,...",
            description = "Hidden widths, tanh (default: 32, quick 16).")
    int[] hidden;

    @Option(names = "--small-batch", paramLabel = "B",
            description = "The small batch (default: 32).")
    Integer smallBatch;

    @Option(names = "--large-batch", paramLabel = "B",
            description = "The large batch (default: half the training part, quick a quarter).")
    Integer largeBatch;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Adam's rate for both batches (default: 3e-3, quick 1e-2).")
    Double lr;

    @Option(names = "--target-loss", paramLabel = "L",
            description = "The training loss both are trained to (default: 0.05, quick 0.2).")
    Double targetLoss;

    @Option(names = "--max-epochs", paramLabel = "E",
            description = "Each run's budget (default: 400, quick 100).")
    Long maxEpochs;

    @Option(names = "--seeds", paramLabel = "S",
            description = "Seeds of the batch-size experiment (default: 5, quick 1).")
    Integer seeds;

    @Option(names = "--epsilon", defaultValue = "1e-3", paramLabel = "E",
            description = "The relative box of epsilon-sharpness (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--eigenvalues", defaultValue = "1", paramLabel = "K",
            description = "How many top Hessian eigenvalues to print for the first solution"
                    + " (default: ${DEFAULT-VALUE}).")
    int eigenvalues;

    @Option(names = "--lanczos-iterations", paramLabel = "M",
            description = "Hessian-vector products of Lanczos (default: 20, quick 10).")
    Integer lanczosIterations;

    @Option(names = "--grid", paramLabel = "N",
            description = "Points per side of the 2-D slice (default: 51, quick 11).")
    Integer grid;

    @Option(names = "--span", defaultValue = "1", paramLabel = "A",
            description = "The slice covers [-A, A]^2 (default: ${DEFAULT-VALUE}).")
    double span;

    @Option(names = "--direction", paramLabel = "FILE",
            description = "The slice's first direction: a file of one number per parameter"
                    + " (commas or new lines); default a filter-normalised random one.")
    Path direction;

    @Option(names = "--skip-schedules",
            description = "Only the batch-size experiment and the slice.")
    boolean skipSchedules;

    @Option(names = "--out", defaultValue = "out/sharpness", paramLabel = "DIR",
            description = "Where the CSVs and pictures go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new BadInputException("--epsilon must be finite and > 0, got " + epsilon);
        }
        if (!(span > 0) || !Double.isFinite(span)) {
            throw new BadInputException("--span must be finite and > 0, got " + span);
        }
        if (seeds != null && seeds < 1) {
            throw new BadInputException("--seeds must be >= 1, got " + seeds);
        }
        int m = lanczosIterations != null ? lanczosIterations : quick ? 10 : 20;
        if (m < 1) {
            throw new BadInputException("--lanczos-iterations must be >= 1, got " + m);
        }
        int side = grid != null ? grid : quick ? 11 : 51;
        if (side < 2) {
            throw new BadInputException("--grid must be >= 2, got " + side);
        }
        Task task = switch (dataset) {
            case "digits" -> Task.digits(0.3, 1);
            case "spirals" -> Task.spirals(400, 0.1, 0.3, 1);
            default -> throw new BadInputException("--dataset must be digits or spirals, got "
                    + dataset);
        };
        BatchSizeExperiment base = quick ? BatchSizeExperiment.quick(task)
                : BatchSizeExperiment.standard(task);
        if (hidden != null) {
            for (int w : hidden) {
                if (w < 1) {
                    throw new BadInputException("--hidden widths must be >= 1, got " + w);
                }
            }
        }
        int sb = smallBatch != null ? smallBatch : base.smallBatch();
        int lb = largeBatch != null ? largeBatch : base.largeBatch();
        if (sb < 1 || lb <= sb || lb > task.trainSize()) {
            throw new BadInputException("--small-batch and --large-batch must satisfy 1 <= small"
                    + " < large <= " + task.trainSize() + " (the training part), got " + sb
                    + " and " + lb);
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new BadInputException("--lr must be finite and > 0, got " + lr);
        }
        if (targetLoss != null && !(targetLoss > 0 && Double.isFinite(targetLoss))) {
            throw new BadInputException("--target-loss must be finite and > 0, got "
                    + targetLoss);
        }
        if (maxEpochs != null && maxEpochs < 1) {
            throw new BadInputException("--max-epochs must be >= 1, got " + maxEpochs);
        }
        BatchSizeExperiment e = new BatchSizeExperiment(task,
                hidden != null ? hidden : base.hidden(), sb, lb,
                lr != null ? lr : base.learningRate(),
                targetLoss != null ? targetLoss : base.targetLoss(),
                maxEpochs != null ? maxEpochs : base.maxEpochs(),
                seeds != null ? seeds : base.seeds(), epsilon,
                base.subspace(), m, base.interpolationPoints(),
                base.ascentSteps());
        Network net = task.network(e.hidden(), BatchSizeExperiment.ACTIVATION,
                org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1);
        long n = net.dimension();
        if (eigenvalues < 1 || eigenvalues > n) {
            throw new BadInputException("--eigenvalues must be in [1, " + n + "] (the parameter"
                    + " count), got " + eigenvalues);
        }
        if (eigenvalues > m) {
            throw new BadInputException("--eigenvalues must be at most --lanczos-iterations "
                    + m + ", got " + eigenvalues);
        }
        double[] d1 = direction == null ? null : readDirection(direction, n);
        Files.createDirectories(out);
        PrintWriter o = spec.commandLine().getOut();

        SharpnessReport report = e.run();
        Files.writeString(out.resolve("sharpness.csv"), report.csv());
        StringBuilder text = new StringBuilder(report.table());
        Training.Trained first = report.rows().get(0).small().solution();
        if (eigenvalues > 1) {
            var s = NetworkSharpness.topEigenvalues(net, first.parameters(),
                    new dev.optim.landscapes.sharpness.Lanczos(m, 1), eigenvalues);
            text.append("top eigenvalues of the seed-1 small-batch solution:");
            for (double v : s.eigenvalues()) {
                text.append(' ').append(SharpnessReport.format(v));
            }
            text.append('\n');
        }
        SharpnessPictures.interpolation(report.interpolation(), e.smallBatch(), e.largeBatch(),
                out.resolve("interpolation.png"));
        StringBuilder line = new StringBuilder("alpha,train_loss,test_loss\n");
        NetworkSharpness.Interpolation il = report.interpolation();
        for (int i = 0; i < il.alphas().length; i++) {
            line.append(String.format(Locale.ROOT, "%.4g,%.6g,%.6g%n", il.alphas()[i],
                    il.trainLoss()[i], il.testLoss()[i]));
        }
        Files.writeString(out.resolve("interpolation.csv"), line.toString());
        INDArray theta = first.parameters();
        INDArray u = d1 == null
                ? FilterDirections.of(net.trainObjective(), theta, FilterDirections.Bias.ZERO, 1)
                : Nd4j.createFromArray(d1).castTo(theta.dataType()).reshape(theta.shape());
        INDArray v = FilterDirections.of(net.trainObjective(), theta, FilterDirections.Bias.ZERO,
                2);
        long t0 = System.nanoTime();
        Surface slice = NetworkSharpness.slice(net, theta, u, v,
                Grid.square(-span, span, side));
        double sliceSeconds = (System.nanoTime() - t0) / 1e9;
        SharpnessPictures.slice(slice, "Training loss around the batch-" + e.smallBatch()
                + " solution (filter-normalised)", out.resolve("slice.png"));
        text.append(String.format(Locale.ROOT, "2-D slice %dx%d around the seed-1 small-batch"
                + " solution: loss %s at the centre, %s to %s%n", side, side,
                SharpnessReport.format(slice.value(side / 2, side / 2)),
                SharpnessReport.format(slice.min()), SharpnessReport.format(slice.max())));
        if (!skipSchedules) {
            ScheduleExperiment s = quick ? ScheduleExperiment.quick(task)
                    : ScheduleExperiment.standard(task);
            List<Training.Curve> dg = s.decayVersusGrowth();
            ScheduleExperiment.OptimizerCurves oc = s.optimizers();
            List<Training.Curve> all = new ArrayList<>(dg);
            all.addAll(oc.curves());
            Files.writeString(out.resolve("curves.csv"), curvesCsv(all));
            String shape = String.format(Locale.ROOT, "%d phases of %d epochs, factor %g",
                    s.phases(), s.phaseEpochs(), s.factor());
            SharpnessPictures.lossCurves("Rate decay vs batch growth (" + shape + ")", dg, false,
                    task.trainSize(), out.resolve("decay-growth-examples.png"));
            SharpnessPictures.lossCurves("Rate decay vs batch growth (" + shape + ")", dg, true,
                    task.trainSize(), out.resolve("decay-growth-updates.png"));
            String note = oc.swatsSwitch() == 0 ? "SWATS did not switch to SGD"
                    : String.format(Locale.ROOT, "SWATS switched to SGD at update %d, rate %.4g",
                            oc.swatsSwitch(), oc.swatsRate());
            SharpnessPictures.accuracy(oc.curves(), task.trainSize(), note,
                    out.resolve("optimizers.png"));
            text.append(String.format(Locale.ROOT, "%-14s %8s %10s %11s %10s %9s%n", "run",
                    "updates", "epochs", "train_loss", "test_loss", "test_acc"));
            for (Training.Curve c : all) {
                int last = c.size() - 1;
                text.append(String.format(Locale.ROOT, "%-14s %8.0f %10.3f %11.4g %10.4g %9.4f%n",
                        c.name(), c.updates()[last], c.examples()[last] / task.trainSize(),
                        c.trainLoss()[last], c.testLoss()[last], c.testAccuracy()[last]));
            }
            text.append(note).append('\n');
        }
        Files.writeString(out.resolve("table.txt"), text.toString());
        o.print(text);
        o.flush();
        spec.commandLine().getErr().printf(Locale.ROOT, "%s: wrote %s (slice %.1f s)%n",
                spec.qualifiedName(), out, sliceSeconds);
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    private static double[] readDirection(Path file, long n) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--direction: no such file: " + file);
        }
        List<Double> values = new ArrayList<>();
        for (String token : Files.readString(file).split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                values.add(Double.parseDouble(token));
            } catch (NumberFormatException ex) {
                throw new BadInputException("--direction: not a number in " + file + ": "
                        + token, ex);
            }
        }
        if (values.size() != n) {
            throw new BadInputException("--direction must hold one value per parameter, " + n
                    + ", got " + values.size() + " in " + file);
        }
        double[] d = new double[(int) n];
        for (int i = 0; i < d.length; i++) {
            d[i] = values.get(i);
            if (!Double.isFinite(d[i])) {
                throw new BadInputException("--direction: value " + i + " is not finite: "
                        + d[i]);
            }
        }
        return d;
    }

    private static String curvesCsv(List<Training.Curve> curves) {
        StringBuilder s = new StringBuilder("run,updates,examples,train_loss,test_loss,"
                + "test_accuracy\n");
        for (Training.Curve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                s.append(String.format(Locale.ROOT, "%s,%.0f,%.0f,%.6g,%.6g,%.6g%n", c.name(),
                        c.updates()[i], c.examples()[i], c.trainLoss()[i], c.testLoss()[i],
                        c.testAccuracy()[i]));
            }
        }
        return s.toString();
    }
}
