package dev.optim.nn;

import dev.optim.core.StochasticObjective;
import dev.optim.core.params.GroupOverrides;
import dev.optim.core.params.ParameterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff graph with trainable variables, placeholders and a scalar loss variable, as a
 * {@link StochasticObjective} of its trainable variables {@code θ}:
 *
 * <pre>
 *   f(θ)   = loss(θ; the data fed to the placeholders, all N examples)
 *   f_B(θ) = loss(θ; the rows i ∈ B of every fed array)
 *   ∇f_B   = SameDiff's own reverse-mode gradient of the loss variable
 * </pre>
 *
 * <p><b>Parameters.</b> The trainable variables form a flat {@link ParameterSet}
 * ({@link #parameterSet()}, groups as {@link Builder#group} declares them). The variables (those of {@link VariableType#VARIABLE}, in the
 * graph's order, sorted by name, or as {@link Builder#parameterOrder} says) are moved into one flat vector, {@link #parameters()}: each variable's array
 * becomes a view of its slice (row-major), so an optimizer that steps that vector in place
 * updates the graph with no copy. Any other vector passed as {@code params} is first copied into
 * it (one assign). {@link #views(INDArray)} shapes a flat vector as the variables. To keep the
 * views, the graph's variables are moved to SameDiff's single-thread array holder (its default
 * holder copies views), so the graph must then be used from one thread.
 *
 * <p><b>Gradients.</b> SameDiff returns each variable's gradient in an array it allocates
 * ({@code calculateGradientsAndOutputs}, one forward and one backward pass that also yield the
 * loss); SameDiff offers no way to have it write into a caller's array, so each gradient is
 * copied into its slice of the caller's gradient vector: one assign per variable, through views
 * cached across calls. Nothing else is allocated per evaluation once a batch size has been seen:
 * the batch's rows are gathered ({@code Nd4j.pullRows}) into cached feed arrays.
 *
 * <p><b>Data.</b> Every placeholder of the graph must be fed an array whose first dimension
 * holds the {@code N} examples (all arrays the same {@code N}); its other dimensions and its data
 * type must match the placeholder's. Mini-batches are named by example indices ({@link
 * #evaluate(INDArray, int[], INDArray)}, as Optim's {@code BatchPlan} draws them) or handed over
 * whole as an ND4J {@link DataSet} ({@link #evaluate(INDArray, DataSet, INDArray)}, as a
 * {@code DataSetIterator} yields them), mapped to the placeholders named by {@link
 * Builder#features(String)} and {@link Builder#labels(String)}. Every mismatch is refused when
 * the objective is built or before the evaluation starts, naming the variable and both shapes.
 *
 * <p><b>Sharing.</b> {@link #withData(Map)} makes another objective over the same graph and the
 * same parameter vector (for a validation set). Not thread-safe: the graph is shared state.
 *
 * <pre>{@code
 * SameDiffObjective f = SameDiffObjective.builder(sd).loss("loss")
 *         .feed("input", x).feed("label", y).build();
 * INDArray theta = f.parameters();     // the graph's variables are views of theta
 * INDArray grad = theta.like();
 * double mini = f.evaluate(theta, new int[] {0, 5, 7}, grad);
 * }</pre>
 */
public final class SameDiffObjective implements StochasticObjective {

    private static final int BATCH_CACHE = 4;

    private final GraphParameters graph;
    private final Map<String, INDArray> data;
    private final Map<String, INDArray> rows;
    private final String featuresName;
    private final String labelsName;
    private final int n;
    private final List<String> lossList;
    /** Feed arrays per batch size, the most recent few. */
    private final LinkedHashMap<Integer, Map<String, INDArray>> batchFeeds =
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Map<String, INDArray>> e) {
                    return size() > BATCH_CACHE;
                }
            };
    private INDArray gradTarget;
    private INDArray[] gradViews;

    private SameDiffObjective(GraphParameters graph, Map<String, INDArray> data,
            String featuresName, String labelsName) {
        this.graph = graph;
        this.featuresName = featuresName;
        this.labelsName = labelsName;
        this.lossList = List.of(graph.loss);
        this.data = checkFeeds(graph, data);
        this.n = (int) this.data.values().iterator().next().size(0);
        this.rows = new HashMap<>();
        for (Map.Entry<String, INDArray> e : this.data.entrySet()) {
            INDArray a = e.getValue();
            rows.put(e.getKey(), a.reshape('c', a.size(0), a.length() / a.size(0)));
        }
        for (String name : new String[] {featuresName, labelsName}) {
            if (name != null && !this.data.containsKey(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a placeholder of the graph");
            }
        }
    }

    /**
     * A builder for an objective over {@code graph}.
     *
     * @param graph the SameDiff graph; its trainable variables become this objective's
     *     parameters (their arrays are replaced by views of one flat vector)
     * @return a new builder
     * @throws IllegalArgumentException if {@code graph} is null
     */
    public static Builder builder(SameDiff graph) {
        if (graph == null) {
            throw new IllegalArgumentException("graph must not be null");
        }
        return new Builder(graph);
    }

    /** An objective over an already bound graph (an {@link Mlp}'s). */
    static SameDiffObjective over(GraphParameters graph, Map<String, INDArray> feeds,
            String features, String labels) {
        return new SameDiffObjective(graph, feeds, features, labels);
    }

    /**
     * Another objective over the same graph and parameter vector, fed other data (a validation
     * or test set), with the same features and labels mapping.
     *
     * @param feeds the data for every placeholder, first dimension the examples
     * @return the objective
     * @throws IllegalArgumentException as {@link Builder#build()}
     */
    public SameDiffObjective withData(Map<String, INDArray> feeds) {
        return new SameDiffObjective(graph, feeds, featuresName, labelsName);
    }

    /**
     * The graph.
     *
     * @return the SameDiff graph
     */
    public SameDiff graph() {
        return graph.sd;
    }

    /**
     * The name of the loss variable.
     *
     * @return the loss variable's name
     */
    public String lossName() {
        return graph.loss;
    }

    /**
     * The trainable variables' names, in the order of the flat parameter vector.
     *
     * @return the names
     */
    public List<String> parameterNames() {
        return graph.names;
    }

    /**
     * The shape of trainable variable {@code i}.
     *
     * @param i the index in {@link #parameterNames()}
     * @return a copy of its shape
     */
    public long[] parameterShape(int i) {
        return graph.shapes[i].clone();
    }

    /**
     * The flat parameter vector (a row vector, the parameter set's flat view) whose slices are
     * the graph's variables; an optimizer stepping it in place trains the graph. Shared by
     * every objective over this graph.
     *
     * @return the parameter vector (not a copy)
     */
    public INDArray parameters() {
        return graph.flat;
    }

    /**
     * The trainable variables as a flat {@link ParameterSet} (with the groups declared by
     * {@link Builder#group}): its tensors are the graph's variable arrays and its
     * {@link ParameterSet#flatView() flat view} is {@link #parameters()}, so a
     * {@link dev.optim.core.params.ParameterSetOptimizer} stepping the set trains the graph.
     *
     * @return the parameter set, shared by every objective over this graph
     */
    public ParameterSet parameterSet() {
        return graph.set;
    }

    /**
     * Views of a flat vector laid out as {@link #parameters()}, shaped as the variables.
     *
     * @param vector a vector of length {@link #dimension()} and the parameters' data type
     * @return one view per trainable variable, in {@link #parameterNames()} order
     * @throws IllegalArgumentException if the length or data type differ
     */
    public INDArray[] views(INDArray vector) {
        graph.checkVector("vector", vector);
        return graph.views(vector);
    }

    /**
     * The data fed to placeholder {@code name} (all examples).
     *
     * @param name the placeholder
     * @return the array (not a copy)
     * @throws IllegalArgumentException if no such placeholder is fed
     */
    public INDArray data(String name) {
        INDArray a = data.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no placeholder named '" + name + "' is fed; fed: "
                    + data.keySet());
        }
        return a;
    }

    @Override
    public long dimension() {
        return graph.length();
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double evaluate(INDArray params, INDArray gradient) {
        graph.bind(params);
        return run(data, gradient);
    }

    @Override
    public double value(INDArray params) {
        graph.bind(params);
        return scalar(graph.sd.output(data, graph.loss).get(graph.loss));
    }

    @Override
    public double evaluate(INDArray params, int[] batch, INDArray gradient) {
        Map<String, INDArray> feed = gather(batch);
        graph.bind(params);
        return run(feed, gradient);
    }

    /**
     * The loss over the examples named by {@code batch}, without the gradient.
     *
     * @param params the parameters; not modified
     * @param batch the example indices, each in {@code [0, size())}
     * @return the mini-batch loss
     * @throws IllegalArgumentException as {@link #evaluate(INDArray, int[], INDArray)}
     */
    public double value(INDArray params, int[] batch) {
        Map<String, INDArray> feed = gather(batch);
        graph.bind(params);
        return scalar(graph.sd.output(feed, graph.loss).get(graph.loss));
    }

    /**
     * The loss and gradient on a mini-batch handed over whole, as an ND4J {@code
     * DataSetIterator} yields it: its features go to the placeholder named by {@link
     * Builder#features(String)}, its labels to {@link Builder#labels(String)}.
     *
     * @param params the parameters; not modified
     * @param batch the mini-batch
     * @param gradient where the gradient is written
     * @return the mini-batch loss
     * @throws IllegalArgumentException if the features and labels placeholders were not named,
     *     or the batch's arrays do not fit them (both shapes named)
     */
    public double evaluate(INDArray params, DataSet batch, INDArray gradient) {
        if (featuresName == null || labelsName == null) {
            throw new IllegalArgumentException("name the features and labels placeholders"
                    + " (Builder.features, Builder.labels) to evaluate a DataSet");
        }
        if (batch == null) {
            throw new IllegalArgumentException("batch must not be null");
        }
        Map<String, INDArray> feed = new HashMap<>(data);
        feed.put(featuresName, batch.getFeatures());
        feed.put(labelsName, batch.getLabels());
        checkFeeds(graph, feed);
        graph.bind(params);
        return run(feed, gradient);
    }

    private double run(Map<String, INDArray> feed, INDArray gradient) {
        graph.checkVector("gradient", gradient);
        OutAndGrad og = graph.sd.calculateGradientsAndOutputs(feed, lossList, graph.names);
        double value = scalar(og.getOutputs().get(graph.loss));
        INDArray[] views = gradientViews(gradient);
        Map<String, INDArray> grads = og.getGradients();
        for (int i = 0; i < views.length; i++) {
            INDArray g = grads.get(graph.names.get(i));
            if (g == null) {
                // A variable the loss does not depend on.
                views[i].assign(0);
            } else {
                views[i].assign(g);
            }
        }
        return value;
    }

    private double scalar(INDArray lossValue) {
        if (lossValue == null || lossValue.length() != 1) {
            throw new IllegalArgumentException("the loss '" + graph.loss + "' must be a scalar, got "
                    + (lossValue == null ? "nothing" : "shape " + Arrays.toString(lossValue.shape())));
        }
        return lossValue.getDouble(0);
    }

    private INDArray[] gradientViews(INDArray gradient) {
        if (gradient != gradTarget) {
            gradViews = graph.views(gradient);
            gradTarget = gradient;
        }
        return gradViews;
    }

    private Map<String, INDArray> gather(int[] batch) {
        if (batch == null || batch.length == 0) {
            throw new IllegalArgumentException("batch must not be null or empty");
        }
        for (int i : batch) {
            if (i < 0 || i >= n) {
                throw new IllegalArgumentException("batch index must be in [0, " + n + "), got " + i);
            }
        }
        Map<String, INDArray> feed = batchFeeds.get(batch.length);
        if (feed == null) {
            feed = new HashMap<>();
            for (Map.Entry<String, INDArray> e : data.entrySet()) {
                long[] shape = e.getValue().shape().clone();
                shape[0] = batch.length;
                INDArray buf = Nd4j.create(e.getValue().dataType(), shape, 'c');
                feed.put(e.getKey(), buf);
            }
            batchFeeds.put(batch.length, feed);
        }
        for (Map.Entry<String, INDArray> e : feed.entrySet()) {
            INDArray dest = e.getValue();
            INDArray dest2 = dest.reshape('c', batch.length, dest.length() / batch.length);
            Nd4j.pullRows(rows.get(e.getKey()), dest2, 1, batch);
        }
        return feed;
    }

    /** Checks that {@code feeds} covers every placeholder with fitting shape and data type. */
    private static Map<String, INDArray> checkFeeds(GraphParameters graph, Map<String, INDArray> feeds) {
        if (feeds == null || feeds.isEmpty()) {
            throw new IllegalArgumentException("the placeholders must be fed: "
                    + placeholderNames(graph.sd));
        }
        long examples = -1;
        String first = null;
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : feeds.entrySet()) {
            String name = e.getKey();
            INDArray a = e.getValue();
            if (!graph.sd.hasVariable(name)
                    || graph.sd.getVariable(name).getVariableType() != VariableType.PLACEHOLDER) {
                throw new IllegalArgumentException("'" + name + "' is not a placeholder of the"
                        + " graph; its placeholders are " + placeholderNames(graph.sd));
            }
            if (a == null) {
                throw new IllegalArgumentException("the data for placeholder '" + name
                        + "' must not be null");
            }
            SDVariable p = graph.sd.getVariable(name);
            long[] want = p.placeholderShape();
            if (a.rank() < 1 || a.size(0) < 1) {
                throw new IllegalArgumentException("the data for placeholder '" + name
                        + "' must hold at least one example, got shape " + Arrays.toString(a.shape()));
            }
            if (want != null && !fits(want, a.shape())) {
                throw new IllegalArgumentException("placeholder '" + name + "' has shape "
                        + Arrays.toString(want) + " but its data has shape "
                        + Arrays.toString(a.shape()));
            }
            if (p.dataType() != a.dataType()) {
                throw new IllegalArgumentException("placeholder '" + name + "' has data type "
                        + p.dataType() + " but its data has " + a.dataType());
            }
            if (examples < 0) {
                examples = a.size(0);
                first = name;
            } else if (a.size(0) != examples) {
                throw new IllegalArgumentException("the data for '" + name + "' has " + a.size(0)
                        + " examples (shape " + Arrays.toString(a.shape()) + ") but the data for '"
                        + first + "' has " + examples);
            }
            if (examples > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("at most 2^31 - 1 examples, got " + examples);
            }
            out.put(name, a);
        }
        for (String p : placeholderNames(graph.sd)) {
            if (!out.containsKey(p)) {
                throw new IllegalArgumentException("placeholder '" + p + "' is not fed; feed it"
                        + " with feed(\"" + p + "\", data)");
            }
        }
        return out;
    }

    private static boolean fits(long[] want, long[] got) {
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i] >= 0 && want[i] != got[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> placeholderNames(SameDiff sd) {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.PLACEHOLDER) {
                names.add(v.name());
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return "SameDiffObjective{loss=" + graph.loss + ", parameters=" + graph.names + " ("
                + graph.length() + " " + graph.dataType + "), examples=" + n + "}";
    }

    /** Builds a {@link SameDiffObjective}. */
    public static final class Builder {
        private final SameDiff graph;
        private final Map<String, INDArray> feeds = new LinkedHashMap<>();
        private String loss;
        private String features;
        private String labels;
        private List<String> order;
        private final List<Consumer<ParameterSet.Builder>> groups = new ArrayList<>();

        private Builder(SameDiff graph) {
            this.graph = graph;
        }

        /**
         * The loss variable to minimise; by default the graph's only loss variable.
         *
         * @param name the variable's name; it must be computed by the graph and be a scalar
         * @return this builder
         */
        public Builder loss(String name) {
            this.loss = name;
            return this;
        }

        /**
         * The order of the trainable variables in the flat parameter vector (PyTorch's
         * registration order, say); by default the graph's own order, which SameDiff keeps
         * sorted by name.
         *
         * @param names every trainable variable of the graph, once each
         * @return this builder
         */
        public Builder parameterOrder(String... names) {
            this.order = names == null ? null : List.of(names);
            return this;
        }

        /**
         * Declares a parameter group (its own learning-rate schedule, weight decay or other
         * hyperparameters) holding the trainable variables whose names {@code members}
         * accepts, as {@link ParameterSet.Builder#group(String, GroupOverrides, Predicate)}.
         *
         * @param name the group's name
         * @param overrides what the group changes
         * @param members which variables belong to it
         * @return this builder
         */
        public Builder group(String name, GroupOverrides overrides, Predicate<String> members) {
            groups.add(b -> b.group(name, overrides, members));
            return this;
        }

        /**
         * Feeds placeholder {@code name} with {@code data}, whose first dimension holds the
         * examples; every placeholder must be fed, all with the same number of examples.
         *
         * @param name the placeholder's name
         * @param data the data; its other dimensions and data type match the placeholder's
         * @return this builder
         */
        public Builder feed(String name, INDArray data) {
            feeds.put(name, data);
            return this;
        }

        /**
         * The placeholder that a {@link DataSet}'s features go to.
         *
         * @param name the placeholder's name
         * @return this builder
         */
        public Builder features(String name) {
            this.features = name;
            return this;
        }

        /**
         * The placeholder that a {@link DataSet}'s labels go to.
         *
         * @param name the placeholder's name
         * @return this builder
         */
        public Builder labels(String name) {
            this.labels = name;
            return this;
        }

        /**
         * Builds the objective: moves the trainable variables into one flat vector and checks
         * the data against the placeholders.
         *
         * @return the objective
         * @throws IllegalArgumentException if the graph has no (or an ambiguous) loss variable,
         *     no trainable variables, variables of mixed or non-floating data types, a
         *     placeholder left unfed, a feed that is not a placeholder, or data whose shape,
         *     example count or data type does not fit (the variable and both shapes named)
         */
        public SameDiffObjective build() {
            return new SameDiffObjective(GraphParameters.of(graph, loss, order, b -> groups.forEach(g -> g.accept(b))), feeds, features, labels);
        }
    }
}
