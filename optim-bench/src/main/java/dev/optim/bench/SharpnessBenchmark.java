package dev.optim.bench;

import dev.optim.landscapes.Directions;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.ParameterGroup;
import dev.optim.landscapes.Surface;
import dev.optim.landscapes.sharpness.HessianVectorProduct;
import dev.optim.landscapes.sharpness.Lanczos;
import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import dev.optim.nn.SameDiffObjective;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sharpness measures on the digits MLP of {@code optim sharpness} (64 → 32 tanh → 10,
 * softmax cross-entropy, float64, 2 410 parameters) over 1 258 examples (the digits' training
 * part's size; the features here are seeded Gaussians, since the cost does not depend on their
 * values and the digits live in the examples module): {@code lanczos}, the top eigenvalue by
 * Lanczos with {@code products} central-difference Hessian-vector products (two full-batch
 * gradients each), and {@code slice}, a 2-D slice of {@code side × side} full-batch losses
 * along two normalised random directions. One shot per measurement: a single call takes
 * seconds ({@code lanczos}) to minutes ({@code slice}, hence its 30-minute timeout; JMH's
 * default of 10 minutes cut a shot short on the loaded machine).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SharpnessBenchmark {
    /** Made by JMH. */
    public SharpnessBenchmark() {}

    /** The network, its training objective at a point, and two directions. */
    @State(Scope.Benchmark)
    public static class Net {
        /** Made by JMH. */
        public Net() {}

        /** Hessian-vector products of Lanczos. */
        @Param({"20"})
        public int products;

        /** Points per side of the slice. */
        @Param({"51"})
        public int side;

        SameDiffObjective objective;
        INDArray theta;
        INDArray d1;
        INDArray d2;

        /** Builds the network and the data. */
        @Setup(Level.Trial)
        public void setUp() {
            int n = 1258;
            SplittableRandom r = new SplittableRandom(1);
            double[][] x = new double[n][64];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 64; j++) {
                    x[i][j] = r.nextDouble() * 2 - 1;
                }
                y[i] = i % 10;
            }
            Mlp mlp = Mlp.builder(64).dense(32, Activation.TANH).softmaxCrossEntropy(10)
                    .dataType(DataType.DOUBLE).seed(1).build();
            objective = mlp.classification(Nd4j.createFromArray(x), y);
            theta = objective.parameters().dup();
            List<ParameterGroup> layers = ParameterGroup.consecutive(64 * 32, 32, 32 * 10, 10);
            d1 = Directions.filterNormalized(theta, layers, 1);
            d2 = Directions.filterNormalized(theta, layers, 2);
        }
    }

    /**
     * The top Hessian eigenvalue by Lanczos on central-difference products.
     *
     * @param n the state
     * @return the eigenvalue
     */
    @Benchmark
    public double lanczos(Net n) {
        return new Lanczos(n.products, 1).topEigenvalues(
                HessianVectorProduct.centralDifference(n.objective, n.theta), 1).top();
    }

    /**
     * A {@code side × side} slice of the training loss.
     *
     * @param n the state
     * @return the slice
     */
    @Benchmark
    @Measurement(iterations = 2)
    @Timeout(time = 30, timeUnit = TimeUnit.MINUTES)
    public Object slice(Net n) {
        return Surface.slice(n.objective, n.theta, n.d1, n.d2, Grid.square(-1, 1, n.side));
    }
}
