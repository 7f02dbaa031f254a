package dev.optim.examples.detect;

import dev.optim.examples.cli.BadInputException;
import dev.optim.examples.cli.ExitCodes;
import dev.optim.losses.yolo.AveragePrecision;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloLossTerms;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim detect}: trains the small YOLO v1 detector of issue 15 on generated scenes
 * ({@link DetectorTraining}, the tuned defaults; {@code --quick} for a run of seconds) and
 * scores it on held-out scenes. Standard output: the configuration, the VOC mAP@0.5 and each
 * class's AP, the training time and steps, the peak memory and the five loss terms at the end;
 * standard error: one progress line per epoch. {@code --out DIR} receives {@code epochs.csv},
 * one row per epoch with the five terms on the training and the test subsets, and the three
 * pictures of {@link DetectionPictures#write(Path, DetectionRun)}.
 *
 * <p>Exit status 0, 2 for a bad value (one line naming the option and the value), 3 when a loss
 * was not finite (the step and the batch are named).
 */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains a small YOLO detector on generated scenes with Adam or SGD with"
                + " momentum and prints its mAP@0.5 on held-out scenes.")
public final class DetectCommand implements Callable<Integer> {

    /** The name of the epoch table written under {@code --out}. */
    public static final String EPOCHS_CSV = "epochs.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Small settings: a run of a few seconds (a low mAP).")
    boolean quick;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
            description = "adam|sgd (SGD with heavy-ball momentum) (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "ETA",
            description = "The initial learning rate, in (0, 10] (default: "
                    + DetectorTraining.ADAM_LEARNING_RATE + " for adam, "
                    + DetectorTraining.SGD_LEARNING_RATE + " for sgd).")
    Double lr;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "MU",
            description = "SGD's momentum, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Epochs, in [1, 100000] (default: the tuned setting, or 2 with --quick).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Scenes per update, in [1, 4096] (default: the tuned setting).")
    Integer batchSize;

    @Option(names = "--train-scenes", paramLabel = "N",
            description = "Training scenes per epoch, in [1, 1000000] (default: the tuned setting,"
                    + " or 192 with --quick).")
    Integer trainScenes;

    @Option(names = "--test-scenes", paramLabel = "N",
            description = "Held-out test scenes, in [1, 1000000] (default: 500, or 64 with"
                    + " --quick).")
    Integer testScenes;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Stop training once this much time is spent, >= 0 (default: 0, none).")
    Double timeBudget;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the initial weights and the batch order"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "out/detect", paramLabel = "DIR",
            description = "Folder for " + EPOCHS_CSV + " (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * The configuration the options describe.
     *
     * @return the configuration
     * @throws BadInputException naming the option and the value
     */
    DetectorTraining config() {
        DetectorTraining.Builder b = quick ? DetectorTraining.quickBuilder() : DetectorTraining.builder();
        b.optimizer(switch (optimizer) {
            case "adam" -> DetectorTraining.OptimizerKind.ADAM;
            case "sgd" -> DetectorTraining.OptimizerKind.SGD;
            default -> throw new BadInputException("--optimizer must be adam or sgd, got "
                    + optimizer);
        });
        option("--lr", lr, v -> b.learningRate(v));
        option("--momentum", momentum, v -> b.momentum(v));
        option("--epochs", epochs, v -> b.epochs(v));
        option("--batch-size", batchSize, v -> b.batchSize(v));
        option("--train-scenes", trainScenes, v -> b.trainScenes(v));
        option("--test-scenes", testScenes, v -> b.testScenes(v));
        option("--time-budget", timeBudget, v -> b.timeBudgetSeconds(v));
        b.seed(seed);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private static <T> void option(String name, T value, java.util.function.Consumer<T> set) {
        if (value == null) {
            return;
        }
        try {
            set.accept(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws IOException {
        DetectorTraining config = config();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Files.createDirectories(out);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        DetectionRun run = config.run(e -> {
            err.println(String.format(Locale.ROOT, "%s: epoch %d/%d, %d steps, %.1f s, test"
                    + " loss %.4f", spec.qualifiedName(), e.epoch(), config.epochs(), e.steps(),
                    e.seconds(), e.testTerms().total()));
            err.flush();
        });
        List<Path> written = writeFiles(run, out);
        stdout.print(summary(run, load));
        for (Path p : written) {
            stdout.println("wrote " + p);
        }
        stdout.flush();
        if (run.divergence().isPresent()) {
            err.println(spec.qualifiedName() + ": training stopped: "
                    + run.divergence().get() + ", batch " + java.util.Arrays.toString(
                            run.divergence().get().batch()));
            err.flush();
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }

    /**
     * Writes the run's files under {@code dir}: the epoch table and the three pictures of
     * {@link DetectionPictures#write(Path, DetectionRun)}.
     *
     * @param run the run
     * @param dir the folder, which exists
     * @return the files written
     * @throws IOException if a file cannot be written
     */
    static List<Path> writeFiles(DetectionRun run, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        Path csv = dir.resolve(EPOCHS_CSV);
        Files.writeString(csv, epochsCsv(run), StandardCharsets.UTF_8);
        written.add(csv);
        written.addAll(DetectionPictures.write(dir, run));
        return written;
    }

    /**
     * The epoch table: {@code epoch,steps,seconds}, then the five terms and their total on the
     * training subset ({@code train_xy … train_total}) and on the test subset.
     *
     * @param run the run
     * @return the CSV text, a header and one row per epoch
     */
    static String epochsCsv(DetectionRun run) {
        StringBuilder s = new StringBuilder("epoch,steps,seconds");
        for (String set : new String[] {"train", "test"}) {
            for (String t : new String[] {"xy", "wh", "conf_obj", "conf_noobj", "cls", "total"}) {
                s.append(',').append(set).append('_').append(t);
            }
        }
        s.append('\n');
        for (EpochRecord e : run.epochs()) {
            s.append(e.epoch()).append(',').append(e.steps()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", e.seconds()));
            for (YoloLossTerms t : new YoloLossTerms[] {e.trainTerms(), e.testTerms()}) {
                for (double v : new double[] {t.xy(), t.wh(), t.confObj(), t.confNoobj(),
                    t.cls(), t.total()}) {
                    s.append(',').append(String.format(Locale.ROOT, "%.6g", v));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * The summary printed on standard output.
     *
     * @param run the run
     * @param load the system load average when the run started (negative if unknown)
     * @return the text
     */
    static String summary(DetectionRun run, double load) {
        StringBuilder s = new StringBuilder();
        DetectorTraining c = run.config();
        s.append("config: ").append(c).append('\n');
        s.append(String.format(Locale.ROOT, "mAP@0.5: %.4f on %d held-out scenes%n", run.map(),
                run.testScenes().size()));
        for (AveragePrecision.ClassCurve curve : run.test().perClass()) {
            String name = curve.classId() == SyntheticScenes.CAR ? "car"
                    : curve.classId() == SyntheticScenes.PEDESTRIAN ? "pedestrian"
                    : "class " + curve.classId();
            s.append(String.format(Locale.ROOT, "AP %s: %.4f (%d boxes)%n", name, curve.ap(),
                    curve.truths()));
        }
        s.append(String.format(Locale.ROOT, "training: %.1f s, %d steps, %.1f ms per step, %d"
                + " epochs (load average %s at the start)%n", run.trainingSeconds(), run.steps(),
                run.millisPerStep(), run.epochs().size(),
                load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load)));
        s.append(String.format(Locale.ROOT, "memory: peak heap %.1f MB, peak physical %.1f MB,"
                + " peak outside the heap %.1f MB, workspaces %.1f MB%n",
                mb(run.peakHeapBytes()), mb(run.peakPhysicalBytes()),
                mb(run.peakOffHeapBytes()), mb(run.peakWorkspaceBytes())));
        for (String set : new String[] {"train", "test"}) {
            var terms = set.equals("train") ? run.finalTrainTerms() : run.finalTestTerms();
            terms.ifPresent(t -> s.append(String.format(Locale.ROOT, "final %s terms: xy %.4f,"
                    + " wh %.4f, conf_obj %.4f, conf_noobj %.4f, cls %.4f, total %.4f%n", set,
                    t.xy(), t.wh(), t.confObj(), t.confNoobj(), t.cls(), t.total())));
        }
        return s.toString();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
