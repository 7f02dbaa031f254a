package dev.optim.examples.train;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.params.ParameterSet;
import dev.optim.core.params.ParameterSetOptimizer;
import dev.optim.core.params.ParameterSetState;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.core.train.TrainingStop;
import dev.optim.examples.cli.BadInputException;
import dev.optim.examples.cli.Dtype;
import dev.optim.examples.cli.ExitCodes;
import dev.optim.examples.cli.OptimizerOptions;
import dev.optim.examples.cli.OutputFormat;
import dev.optim.examples.cli.OutputOptions;
import dev.optim.examples.text.Json;
import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import dev.optim.nn.SameDiffObjective;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim train}: trains an MLP ({@code --hidden} dense layers with {@code --activation},
 * softmax cross-entropy) on a CSV of features and class labels ({@code --data}, the label last)
 * or a shipped data set ({@code --dataset digits|spirals}). The features are standardised with
 * the training part's mean and standard deviation; {@code --validation-split} holds out a seeded
 * random fraction. Mini-batches are reshuffled every epoch (seeded by {@code --seed} and the
 * epoch, so a resumed run draws the batches an uninterrupted one would). One row per epoch:
 * {@code epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,seconds}, the
 * losses over the whole training and validation parts. {@code --save} writes the parameters and
 * the optimizer's state after the last epoch; {@code --resume} continues from such a file, bit
 * for bit.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains an MLP classifier on a CSV (features, label) or a shipped data set"
                + " and prints one row per epoch.")
public final class TrainCommand implements Callable<Integer> {

    private static final long MAGIC = 0x4F5054494D54524EL; // "OPTIMTRN"

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE",
            description = "A CSV (optionally .gz): features, then the integer class label.")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A shipped data set instead of --data: digits (UCI 8x8, 1797 examples,"
                    + " 10 classes) or spirals (two interleaved spirals).")
    String dataset;

    @Option(names = "--points", defaultValue = "400", paramLabel = "N",
            description = "Spiral points, even (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--noise", defaultValue = "0.1", paramLabel = "SD",
            description = "Spiral noise (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--classes", defaultValue = "0", paramLabel = "K",
            description = "The number of classes (default: 1 + the largest label).")
    int classes;

    @Option(names = "--hidden", defaultValue = "64", split = ",", paramLabel = "W,W,...",
            description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
            description = "relu|tanh|sigmoid|identity (default: ${DEFAULT-VALUE}).")
    String activation;

    @Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "B",
            description = "Examples per update (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "20", paramLabel = "E",
            description = "Epochs in all, counting those of a resumed run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--validation-split", defaultValue = "0.2", paramLabel = "F",
            description = "Held-out fraction, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the split, the initial weights and the shuffles"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dtype", defaultValue = "float32", paramLabel = "TYPE",
            converter = Dtype.Converter.class,
            description = "float32|float64 (default: ${DEFAULT-VALUE}).")
    Dtype dtype = Dtype.FLOAT32;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write the parameters and optimizer state after the last epoch.")
    Path save;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue a run saved with --save (same options).")
    Path resume;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws IOException {
        LabelledData all = load();
        if (batchSize < 1) {
            throw new BadInputException("--batch-size must be >= 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new BadInputException("--epochs must be >= 1, got " + epochs);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new BadInputException("--validation-split must be in [0, 1), got "
                    + validationSplit);
        }
        Activation act = Activation.fromLabel(activation);
        LabelledData[] parts = all.split(validationSplit, seed);
        LabelledData train = parts[0];
        LabelledData val = parts[1];
        double[][] stats = train.standardisation();
        DataType type = dtype.dataType();
        Mlp.Builder mb = Mlp.builder(train.width()).dataType(type).seed(seed);
        for (int w : hidden) {
            mb.dense(w, act);
        }
        Mlp mlp = mb.softmaxCrossEntropy(train.classes()).build();
        INDArray xTrain = matrix(train, stats, type);
        INDArray xVal = val == null ? null : matrix(val, stats, type);
        SameDiffObjective trainObjective = mlp.classification(xTrain, train.labels());
        SameDiffObjective valObjective = val == null ? null
                : mlp.classification(xVal, val.labels());
        long stepsPerEpoch = (train.size() + batchSize - 1) / batchSize;
        Optimizer o = optimizer.build(epochs * stepsPerEpoch);
        ParameterSetOptimizer setOptimizer = ParameterSetOptimizer.of((BaseOptimizer) o);
        ParameterSet set = trainObjective.parameterSet();
        String config = mlp + " " + optimizer.describe() + " batch=" + batchSize + " seed=" + seed
                + " split=" + validationSplit + " examples=" + all.size();
        int done = 0;
        ParameterSetState state;
        if (resume != null) {
            Resumed r = read(resume, config, set, setOptimizer);
            done = r.epochs;
            state = r.state;
        } else {
            state = setOptimizer.init(set);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (int e = done; e < epochs; e++) {
            Trainer trainer = Trainer.builder(setOptimizer)
                    .batchPlan(BatchPlan.of(batchSize).withOrder(BatchOrder.SHUFFLED)
                            .withSeed(seed * 1_000_003L + e))
                    .epochs(1).validation(valObjective).build();
            TrainingResult r = trainer.run(trainObjective, set, state);
            if (r.stop() == TrainingStop.DIVERGED) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": diverged in epoch "
                        + (e + 1) + ": " + r.divergence().map(Object::toString).orElse("")
                        + "; the parameters are the last finite ones");
                spec.commandLine().getErr().flush();
                emit(rows, config);
                return ExitCodes.DIVERGED;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e + 1);
            row.put("train_loss", r.last().trainLoss());
            row.put("validation_loss", val == null ? null : r.last().validationLoss());
            row.put("train_accuracy", mlp.accuracy(xTrain, train.labels()));
            row.put("validation_accuracy", val == null ? null : mlp.accuracy(xVal, val.labels()));
            row.put("seconds", (System.nanoTime() - start) / 1e9);
            rows.add(row);
        }
        if (save != null) {
            write(save, config, epochs, set, state);
        }
        emit(rows, config);
        return ExitCodes.OK;
    }

    private LabelledData load() throws IOException {
        if ((data == null) == (dataset == null)) {
            throw new BadInputException("give one of --data FILE or --dataset digits|spirals");
        }
        if (data != null) {
            if (!Files.isRegularFile(data)) {
                throw new BadInputException("--data: no such file: " + data);
            }
            try (InputStream in = Files.newInputStream(data)) {
                return CsvData.read(in, data.toString().endsWith(".gz"), data.toString(), classes);
            }
        }
        return switch (dataset) {
            case "digits" -> Datasets.digits();
            case "spirals" -> Datasets.spirals(points, noise, seed);
            default -> throw new BadInputException("--dataset must be digits or spirals, got "
                    + dataset);
        };
    }

    static INDArray matrix(LabelledData d, double[][] stats, DataType type) {
        double[][] x = new double[d.size()][d.width()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d.width(); j++) {
                x[i][j] = (d.features()[i][j] - stats[0][j]) / stats[1][j];
            }
        }
        return Nd4j.createFromArray(x).castTo(type);
    }

    private void emit(List<Map<String, Object>> rows, String config) throws IOException {
        String text;
        if (output.format() == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", config);
            doc.put("epochs", rows);
            text = Json.write(doc, new StringBuilder()).append('\n').toString();
        } else {
            StringBuilder s = new StringBuilder(
                    "epoch,train_loss,validation_loss,train_accuracy,validation_accuracy,seconds\n");
            for (Map<String, Object> row : rows) {
                List<String> f = new ArrayList<>();
                for (Object v : row.values()) {
                    f.add(v == null ? "" : v instanceof Double dv
                            ? String.format(Locale.ROOT, "%.6g", dv) : v.toString());
                }
                s.append(String.join(",", f)).append('\n');
            }
            text = s.toString();
        }
        output.emit(spec, text);
    }

    private record Resumed(int epochs, ParameterSetState state) {}

    private static void write(Path file, String config, int epochs, ParameterSet set,
            ParameterSetState state) throws IOException {
        ByteArrayOutputStream stateBytes = new ByteArrayOutputStream();
        state.save(stateBytes);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeLong(MAGIC);
            out.writeInt(1);
            out.writeUTF(config);
            out.writeInt(epochs);
            double[] p = set.flatView().toDoubleVector();
            out.writeInt(p.length);
            for (double v : p) {
                out.writeDouble(v);
            }
            out.writeInt(stateBytes.size());
            out.write(stateBytes.toByteArray());
        }
    }

    private static Resumed read(Path file, String config, ParameterSet set,
            ParameterSetOptimizer optimizer) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--resume: no such file: " + file);
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readLong() != MAGIC || in.readInt() != 1) {
                throw new BadInputException("--resume: " + file + " is not a saved training run");
            }
            String saved = in.readUTF();
            if (!saved.equals(config)) {
                throw new BadInputException("--resume: " + file + " was saved by another run: "
                        + saved + "; this run is " + config);
            }
            int epochs = in.readInt();
            int n = in.readInt();
            if (n != set.length()) {
                throw new BadInputException("--resume: " + file + " holds " + n
                        + " parameters, this network has " + set.length());
            }
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = in.readDouble();
            }
            byte[] stateBytes = in.readNBytes(in.readInt());
            ParameterSetState state = optimizer.restore(new ByteArrayInputStream(stateBytes), set);
            set.flatView().assign(Nd4j.createFromArray(p).castTo(set.dataType()).reshape(1, n));
            return new Resumed(epochs, state);
        } catch (java.io.EOFException e) {
            throw new BadInputException("--resume: " + file + " is truncated", e);
        }
    }
}
