package dev.optim.core.params;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small seeded networks for the parameter-set tests. */
final class Nets {

    private Nets() {}

    /** A seeded Gaussian array of {@code shape} in {@code order}, scaled by {@code sigma}. */
    static INDArray gaussian(Random rnd, DataType type, char order, double sigma, long... shape) {
        INDArray a = Nd4j.createUninitialized(type, shape, order);
        long n = a.length();
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = sigma * rnd.nextGaussian();
        }
        a.assign(Nd4j.createFromArray(v).castTo(type).reshape('c', shape));
        return a;
    }

    /** A 2-layer MLP's tensors: w1 [4,3] (order f), b1 [3], w2 [3,2], b2 [2]. */
    static ParameterSet.Builder mlp(long seed, DataType type) {
        Random rnd = new Random(seed);
        return ParameterSet.builder()
                .add("w1", gaussian(rnd, type, 'f', 1.0, 4, 3))
                .add("b1", gaussian(rnd, type, 'c', 1.0, 3))
                .add("w2", gaussian(rnd, type, 'c', 1.0, 3, 2))
                .add("b2", gaussian(rnd, type, 'c', 1.0, 2));
    }

    /** Fills {@code grads} with seeded values, a different draw per {@code step}. */
    static void fill(GradientSet grads, long seed, long step, double sigma) {
        Random rnd = new Random(seed * 1_000_003L + step);
        ParameterSet set = grads.parameters();
        for (int i = 0; i < set.size(); i++) {
            INDArray g = grads.tensor(i);
            g.assign(gaussian(rnd, g.dataType(), g.ordering(), sigma, g.shape()));
        }
    }

    /** The values of every tensor as doubles in row-major order, concatenated. */
    static double[] values(ParameterSet set) {
        double[] all = new double[(int) set.length()];
        int k = 0;
        for (int i = 0; i < set.size(); i++) {
            double[] v = set.tensor(i).dup('c').data().asDouble();
            System.arraycopy(v, 0, all, k, v.length);
            k += v.length;
        }
        return all;
    }
}
