package dev.optim.nn;

import dev.optim.core.Checks;
import dev.optim.core.params.GroupOverrides;
import dev.optim.core.params.ParameterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multi-layer perceptron built as a SameDiff graph, for the common case: dense layers with
 * activations, then a linear output layer and its loss. Anything else is built in SameDiff
 * directly and wrapped with {@link SameDiffObjective#builder}.
 *
 * <pre>
 *   h₀ = x,   hₗ = aₗ(hₗ₋₁·Wₗ + bₗ)   (l = 1 … L, Wₗ of shape [inputs, units])
 *   z  = h_L·W_out + b_out             (the output, "output")
 *   softmax cross-entropy:  loss = −(1/B) Σᵢ Σ_c yᵢc · log_softmax(zᵢ)_c   (one-hot y)
 *   L2:                     loss = (1/(B·K)) Σᵢ Σ_k (zᵢk − yᵢk)²            (PyTorch MSELoss)
 * </pre>
 *
 * <p>Placeholders {@code "input"} {@code [B, inputs]} and {@code "label"} {@code [B, outputs]};
 * variables {@code "w1", "b1", …, "wOut", "bOut"}. Weights and biases are drawn as PyTorch's
 * {@code nn.Linear} draws them, {@code U(−1/√fan_in, 1/√fan_in)}, from a seeded generator
 * (default seed 0). Data type FLOAT (default) or DOUBLE. The flat parameter vector
 * ({@link #parameters()}) is shared by every objective made from this network.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.builder(64).dense(32, Activation.TANH).softmaxCrossEntropy(10).build();
 * SameDiffObjective train = mlp.classification(xTrain, yTrain);
 * }</pre>
 */
public final class Mlp {

    /** The name of the input placeholder. */
    public static final String INPUT = "input";
    /** The name of the label placeholder. */
    public static final String LABEL = "label";
    /** The name of the output (logits or predictions) variable. */
    public static final String OUTPUT = "output";
    /** The name of the loss variable. */
    public static final String LOSS = "loss";

    /** The loss at the output. */
    public enum OutputLoss {
        /** Softmax cross-entropy over one-hot class labels, mean over the batch. */
        SOFTMAX_CROSS_ENTROPY,
        /** Mean squared error over all outputs of the batch. */
        L2
    }

    private final int inputs;
    private final int outputs;
    private final OutputLoss outputLoss;
    private final DataType dataType;
    private final List<Integer> units;
    private final List<Activation> activations;
    private final GraphParameters graph;

    private Mlp(Builder b) {
        this.inputs = b.inputs;
        this.outputs = b.outputs;
        this.outputLoss = b.outputLoss;
        this.dataType = b.dataType;
        this.units = List.copyOf(b.units);
        this.activations = List.copyOf(b.activations);
        SameDiff sd = SameDiff.create();
        List<String> order = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(b.seed);
        SDVariable h = sd.placeHolder(INPUT, dataType, -1, inputs);
        int fanIn = inputs;
        for (int l = 0; l < units.size(); l++) {
            int u = units.get(l);
            SDVariable w = sd.var("w" + (l + 1), uniform(random, fanIn, new long[] {fanIn, u}));
            SDVariable bias = sd.var("b" + (l + 1), uniform(random, fanIn, new long[] {u}));
            order.add(w.name());
            order.add(bias.name());
            SDVariable z = h.mmul(w).add(bias);
            h = activations.get(l).apply(sd, "h" + (l + 1), z);
            fanIn = u;
        }
        SDVariable w = sd.var("wOut", uniform(random, fanIn, new long[] {fanIn, outputs}));
        SDVariable bias = sd.var("bOut", uniform(random, fanIn, new long[] {outputs}));
        order.add(w.name());
        order.add(bias.name());
        SDVariable out = h.mmul(w).add(OUTPUT, bias);
        SDVariable label = sd.placeHolder(LABEL, dataType, -1, outputs);
        if (outputLoss == OutputLoss.SOFTMAX_CROSS_ENTROPY) {
            SDVariable logp = sd.nn().logSoftmax(out);
            sd.math().neg(LOSS, label.mul(logp).sum(1).mean());
        } else {
            SDVariable d = out.sub(label);
            d.mul(d).mean(LOSS);
        }
        sd.setLossVariables(LOSS);
        this.graph = GraphParameters.of(sd, LOSS, order, sb -> b.groups.forEach(g -> g.accept(sb)));
    }

    private INDArray uniform(SplittableRandom random, int fanIn, long[] shape) {
        double bound = 1 / Math.sqrt(fanIn);
        long n = Arrays.stream(shape).reduce(1, (a, c) -> a * c);
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return Nd4j.createFromArray(v).castTo(dataType).reshape('c', shape);
    }

    /**
     * A builder for a network with {@code inputs} input features.
     *
     * @param inputs the number of features, at least 1
     * @return a new builder
     * @throws IllegalArgumentException if {@code inputs} is below 1
     */
    public static Builder builder(int inputs) {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        }
        return new Builder(inputs);
    }

    /**
     * The SameDiff graph.
     *
     * @return the graph
     */
    public SameDiff graph() {
        return graph.sd;
    }

    /**
     * The flat parameter vector ({@code w1, b1, …, wOut, bOut}, each row-major); the graph's
     * variables are views of it.
     *
     * @return the vector (not a copy)
     */
    public INDArray parameters() {
        return graph.flat;
    }

    /**
     * The variables as a flat parameter set (with the builder's groups), whose flat view is
     * {@link #parameters()}.
     *
     * @return the set
     */
    public ParameterSet parameterSet() {
        return graph.set;
    }

    /**
     * The number of input features.
     *
     * @return the inputs
     */
    public int inputs() {
        return inputs;
    }

    /**
     * The number of outputs (classes for cross-entropy).
     *
     * @return the outputs
     */
    public int outputs() {
        return outputs;
    }

    /**
     * The data type of parameters and data.
     *
     * @return FLOAT or DOUBLE
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The output loss.
     *
     * @return the loss
     */
    public OutputLoss outputLoss() {
        return outputLoss;
    }

    /**
     * The objective on features {@code x} and targets {@code y} (one-hot rows for
     * cross-entropy, target values for L2).
     *
     * @param x the features, {@code [N, inputs]}, this network's data type
     * @param y the targets, {@code [N, outputs]}, this network's data type
     * @return the objective over this network's parameters
     * @throws IllegalArgumentException if a shape or data type does not fit (both named)
     */
    public SameDiffObjective objective(INDArray x, INDArray y) {
        return SameDiffObjective.over(graph, Map.of(INPUT, x, LABEL, y), INPUT, LABEL);
    }

    /**
     * The cross-entropy objective on features {@code x} and integer class labels.
     *
     * @param x the features, {@code [N, inputs]}, this network's data type
     * @param labels one class in {@code [0, outputs)} per row of {@code x}
     * @return the objective over this network's parameters
     * @throws IllegalArgumentException if this network's loss is not cross-entropy, a label is
     *     outside the classes (its index and value named), or the counts differ
     */
    public SameDiffObjective classification(INDArray x, int[] labels) {
        return objective(x, oneHot(labels, x == null ? -1 : x.size(0)));
    }

    /**
     * One-hot rows for integer class labels, in this network's data type.
     *
     * @param labels one class in {@code [0, outputs)} per example
     * @param examples the expected number of labels, or −1 for any
     * @return the {@code [N, outputs]} one-hot matrix
     * @throws IllegalArgumentException if this network's loss is not cross-entropy, a label is
     *     outside the classes, or the count differs
     */
    public INDArray oneHot(int[] labels, long examples) {
        if (outputLoss != OutputLoss.SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalArgumentException("class labels need a softmax cross-entropy output,"
                    + " this network's output loss is " + outputLoss);
        }
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must not be null or empty");
        }
        if (examples >= 0 && labels.length != examples) {
            throw new IllegalArgumentException("there must be one label per example: " + examples
                    + " examples, got " + labels.length + " labels");
        }
        double[][] rows = new double[labels.length][outputs];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= outputs) {
                throw new IllegalArgumentException("label " + i + " must be a class in [0, "
                        + outputs + "), got " + labels[i]);
            }
            rows[i][labels[i]] = 1;
        }
        return Nd4j.createFromArray(rows).castTo(dataType);
    }

    /**
     * The network's output (logits for cross-entropy) on {@code x} at the current parameters.
     *
     * @param x the features, {@code [N, inputs]}
     * @return a new {@code [N, outputs]} array
     * @throws IllegalArgumentException if {@code x} does not fit the input
     */
    public INDArray predict(INDArray x) {
        checkInput(x);
        return graph.sd.output(Map.of(INPUT, x), OUTPUT).get(OUTPUT);
    }

    /**
     * The fraction of rows of {@code x} whose largest output is at the labelled class.
     *
     * @param x the features, {@code [N, inputs]}
     * @param labels one class per row
     * @return the accuracy, in {@code [0, 1]}
     * @throws IllegalArgumentException if the counts differ or a label is outside the classes
     */
    public double accuracy(INDArray x, int[] labels) {
        oneHot(labels, x == null ? -1 : x.size(0));
        INDArray classes = predict(x).argMax(1);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (classes.getLong(i) == labels[i]) {
                right++;
            }
        }
        return right / (double) labels.length;
    }

    private void checkInput(INDArray x) {
        Checks.floatingArray("x", x);
        if (x.rank() != 2 || x.size(1) != inputs || x.dataType() != dataType) {
            throw new IllegalArgumentException("input must be " + dataType + " [N, " + inputs
                    + "], got " + x.dataType() + " " + Arrays.toString(x.shape()));
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Mlp{").append(inputs);
        for (int l = 0; l < units.size(); l++) {
            s.append(" -> ").append(units.get(l)).append(' ').append(activations.get(l).label());
        }
        return s.append(" -> ").append(outputs).append(' ').append(outputLoss).append(", ")
                .append(dataType).append(", ").append(graph.length()).append(" parameters}")
                .toString();
    }

    /** Builds an {@link Mlp}. */
    public static final class Builder {
        private final int inputs;
        private final List<Integer> units = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private int outputs;
        private OutputLoss outputLoss;
        private DataType dataType = DataType.FLOAT;
        private long seed;
        private final List<Consumer<ParameterSet.Builder>> groups = new ArrayList<>();

        private Builder(int inputs) {
            this.inputs = inputs;
        }

        /**
         * Adds a dense hidden layer {@code h ← a(h·W + b)}.
         *
         * @param width the layer's width, at least 1
         * @param activation its activation
         * @return this builder
         * @throws IllegalArgumentException if {@code width} is below 1 or {@code activation}
         *     is null
         */
        public Builder dense(int width, Activation activation) {
            if (width < 1) {
                throw new IllegalArgumentException("layer width must be >= 1, got " + width);
            }
            if (activation == null) {
                throw new IllegalArgumentException("activation must not be null");
            }
            units.add(width);
            activations.add(activation);
            return this;
        }

        /**
         * A linear output of {@code classes} logits under softmax cross-entropy.
         *
         * @param classes the number of classes, at least 2
         * @return this builder
         * @throws IllegalArgumentException if {@code classes} is below 2
         */
        public Builder softmaxCrossEntropy(int classes) {
            if (classes < 2) {
                throw new IllegalArgumentException("classes must be >= 2, got " + classes);
            }
            this.outputs = classes;
            this.outputLoss = OutputLoss.SOFTMAX_CROSS_ENTROPY;
            return this;
        }

        /**
         * A linear output of {@code outputs} values under the mean squared error.
         *
         * @param count the number of outputs, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder l2(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("outputs must be >= 1, got " + count);
            }
            this.outputs = count;
            this.outputLoss = OutputLoss.L2;
            return this;
        }

        /**
         * The data type of parameters and data.
         *
         * @param type FLOAT (default) or DOUBLE
         * @return this builder
         * @throws IllegalArgumentException for another type
         */
        public Builder dataType(DataType type) {
            if (type != DataType.FLOAT && type != DataType.DOUBLE) {
                throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + type);
            }
            this.dataType = type;
            return this;
        }

        /**
         * Declares a parameter group over the variables ({@code w1, b1, …, wOut, bOut}) whose
         * names {@code members} accepts, e.g. no weight decay on the biases:
         * {@code group("biases", GroupOverrides.builder().weightDecay(0).build(),
         * n -> n.startsWith("b"))}.
         *
         * @param name the group's name
         * @param overrides what the group changes
         * @param members which variables belong to it
         * @return this builder
         */
        public Builder group(String name, GroupOverrides overrides, Predicate<String> members) {
            groups.add(sb -> sb.group(name, overrides, members));
            return this;
        }

        /**
         * The seed of the initial weights.
         *
         * @param value the seed (default 0)
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return the network
         * @throws IllegalArgumentException if no output layer was given
         */
        public Mlp build() {
            if (outputLoss == null) {
                throw new IllegalArgumentException("choose the output: softmaxCrossEntropy(classes)"
                        + " or l2(outputs)");
            }
            return new Mlp(this);
        }
    }
}
