package dev.optim.bench;

import dev.optim.core.Optimizer;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * The benchmarks' shared workload: the four optimizers with one set of hyperparameters, their
 * ND4J counterparts, seeded data, and the bytes each update moves per parameter.
 *
 * <p>Momentum is benchmarked in its Nesterov form, the counterpart of ND4J's {@code Nesterovs}.
 */
final class Workload {

    /** The seed of every benchmark's data. */
    static final long SEED = 42;

    static final double SGD_LR = 0.01;
    static final double MOMENTUM_LR = 0.01;
    static final double MOMENTUM = 0.9;
    static final double RMSPROP_LR = 0.001;
    static final double RHO = 0.9;
    static final double ADAM_LR = 0.001;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private Workload() {}

    /** Optim's optimizer named {@code sgd}, {@code momentum}, {@code rmsprop} or {@code adam}. */
    static Optimizer optim(String name) {
        return switch (name) {
            case "sgd" -> Sgd.of(SGD_LR);
            case "momentum" -> Momentum.builder().learningRate(MOMENTUM_LR).momentum(MOMENTUM)
                    .form(Momentum.Form.NESTEROV).build();
            case "rmsprop" -> RmsProp.builder().learningRate(RMSPROP_LR).rho(RHO)
                    .epsilon(EPSILON).build();
            case "adam" -> Adam.builder().learningRate(ADAM_LR).beta1(BETA1).beta2(BETA2)
                    .epsilon(EPSILON).build();
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }

    /** ND4J's updater configuration for the same optimizer. */
    static IUpdater nd4j(String name) {
        return switch (name) {
            case "sgd" -> new org.nd4j.linalg.learning.config.Sgd(SGD_LR);
            case "momentum" -> new Nesterovs(MOMENTUM_LR, MOMENTUM);
            case "rmsprop" -> new org.nd4j.linalg.learning.config.RmsProp(RMSPROP_LR, RHO, EPSILON);
            case "adam" -> new org.nd4j.linalg.learning.config.Adam(ADAM_LR, BETA1, BETA2, EPSILON);
            default -> throw new IllegalArgumentException("unknown optimizer " + name);
        };
    }

    /** The number of state buffers of the optimizer. */
    static int stateBuffers(String name) {
        return switch (name) {
            case "sgd" -> 0;
            case "adam" -> 2;
            default -> 1;
        };
    }

    /**
     * The bytes one update moves per parameter at the least: θ and g read, θ written, each state
     * buffer read and written.
     */
    static int bytesPerParameter(String name, String dtype) {
        return (3 + 2 * stateBuffers(name)) * (dtype.equals("float32") ? 4 : 8);
    }

    static DataType type(String dtype) {
        return switch (dtype) {
            case "float32" -> DataType.FLOAT;
            case "float64" -> DataType.DOUBLE;
            default -> throw new IllegalArgumentException("unknown dtype " + dtype);
        };
    }

    /** {@code n} values drawn from N(0, sd²). */
    static double[] gaussian(Random rnd, int n, double sd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() * sd;
        }
        return x;
    }

    /** A dense {@code [1, n]} row of the values, in the data type. */
    static INDArray row(double[] values, DataType type) {
        INDArray a = Nd4j.createUninitialized(type, 1, values.length);
        a.assign(Nd4j.createFromArray(values).reshape(1, values.length));
        return a;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /**
     * About 200 tensor sizes with 1,000,000 parameters in all, as in a small network: 100 weight
     * tensors of log-uniform size, each followed by a bias of 16 to 512 elements.
     */
    static int[] manyTensorSizes() {
        Random rnd = new Random(SEED);
        int[] sizes = new int[200];
        long weights = 0;
        long biases = 0;
        for (int i = 0; i < sizes.length; i += 2) {
            sizes[i] = (int) Math.round(Math.exp(Math.log(256)
                    + rnd.nextDouble() * (Math.log(32768) - Math.log(256))));
            sizes[i + 1] = 16 << rnd.nextInt(6);
            weights += sizes[i];
            biases += sizes[i + 1];
        }
        double scale = (1_000_000.0 - biases) / weights;
        long total = biases;
        for (int i = 0; i < sizes.length; i += 2) {
            sizes[i] = (int) Math.max(1, Math.round(sizes[i] * scale));
            total += sizes[i];
        }
        sizes[sizes.length - 2] += (int) (1_000_000 - total);
        return sizes;
    }
}
