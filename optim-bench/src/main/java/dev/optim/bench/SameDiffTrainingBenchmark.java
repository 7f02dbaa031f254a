package dev.optim.bench;

import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import dev.optim.nn.OptimUpdater;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step (forward, backward, update) of a 1.07M-parameter MLP in SameDiff
 * (784 → 1024 ReLU → 256 ReLU → 10, softmax cross-entropy, float32, batch 64), with ND4J's Adam
 * ({@code stepNd4jAdam}) and with Optim's Adam through {@link OptimUpdater}
 * ({@code stepOptimAdam}); and the update alone, as SameDiff applies it (one updater per
 * variable, on gradients of the variables' shapes): {@code updateNd4jAdam}, {@code
 * updateOptimAdam}. The update's share of a step is {@code update·/step·}. Adam's state drifts
 * across invocations harmlessly (the work per update does not depend on its values).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class SameDiffTrainingBenchmark {
    /** Made by JMH. */
    public SameDiffTrainingBenchmark() {}

    /** Two identical networks, one per updater, and one batch. */
    @State(Scope.Benchmark)
    public static class Nets {
        /** Made by JMH. */
        public Nets() {}

        /** The mini-batch size. */
        @Param({"64"})
        public int batch;

        Mlp nd4j;
        Mlp optim;
        DataSet data;
        List<GradientUpdater<?>> nd4jUpdaters;
        List<GradientUpdater<?>> optimUpdaters;
        List<INDArray> grads;
        int nd4jIteration;
        int optimIteration;

        /** Builds the networks and the per-variable updaters. */
        @Setup(Level.Trial)
        public void setUp() {
            Nd4j.getRandom().setSeed(1);
            IUpdater nd4jAdam = new org.nd4j.linalg.learning.config.Adam(1e-3);
            IUpdater optimAdam = OptimUpdater.of(dev.optim.core.optimizer.Adam.builder()
                    .learningRate(1e-3).build());
            nd4j = network(nd4jAdam);
            optim = network(optimAdam);
            INDArray x = Nd4j.rand(DataType.FLOAT, batch, 784);
            int[] y = new int[batch];
            for (int i = 0; i < batch; i++) {
                y[i] = i % 10;
            }
            data = new DataSet(x, nd4j.oneHot(y, batch));
            nd4jUpdaters = new ArrayList<>();
            optimUpdaters = new ArrayList<>();
            grads = new ArrayList<>();
            for (SDVariable v : nd4j.graph().variables()) {
                if (v.getVariableType() != VariableType.VARIABLE) {
                    continue;
                }
                long n = v.getArr().length();
                nd4jUpdaters.add(nd4jAdam.instantiate(
                        Nd4j.zeros(DataType.FLOAT, 1, nd4jAdam.stateSize(n)), true));
                optimUpdaters.add(optimAdam.instantiate(
                        Nd4j.zeros(DataType.FLOAT, 1, optimAdam.stateSize(n)), true));
                grads.add(Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5));
            }
        }

        private static Mlp network(IUpdater updater) {
            Mlp m = Mlp.builder(784).dense(1024, Activation.RELU).dense(256, Activation.RELU)
                    .softmaxCrossEntropy(10).seed(3).build();
            m.graph().setTrainingConfig(TrainingConfig.builder().updater(updater)
                    .dataSetFeatureMapping(Mlp.INPUT).dataSetLabelMapping(Mlp.LABEL).build());
            return m;
        }
    }

    /**
     * A SameDiff training step with ND4J's Adam.
     *
     * @param n the networks
     * @return the network's parameters
     */
    @Benchmark
    public Object stepNd4jAdam(Nets n) {
        n.nd4j.graph().fit(n.data);
        return n.nd4j.parameters();
    }

    /**
     * A SameDiff training step with Optim's Adam through {@link OptimUpdater}.
     *
     * @param n the networks
     * @return the network's parameters
     */
    @Benchmark
    public Object stepOptimAdam(Nets n) {
        n.optim.graph().fit(n.data);
        return n.optim.parameters();
    }

    /**
     * ND4J's Adam updater over every variable (the update share of a step). The gradient arrays
     * are overwritten with updates and drift; Adam's work does not depend on their values.
     *
     * @param n the networks
     * @return the last gradient
     */
    @Benchmark
    public Object updateNd4jAdam(Nets n) {
        int k = n.nd4jIteration++;
        for (int i = 0; i < n.grads.size(); i++) {
            n.nd4jUpdaters.get(i).applyUpdater(n.grads.get(i), k, 0);
        }
        return n.grads.get(0);
    }

    /**
     * Optim's Adam through {@link OptimUpdater} over every variable.
     *
     * @param n the networks
     * @return the last gradient
     */
    @Benchmark
    public Object updateOptimAdam(Nets n) {
        int k = n.optimIteration++;
        for (int i = 0; i < n.grads.size(); i++) {
            n.optimUpdaters.get(i).applyUpdater(n.grads.get(i), k, 0);
        }
        return n.grads.get(0);
    }
}
