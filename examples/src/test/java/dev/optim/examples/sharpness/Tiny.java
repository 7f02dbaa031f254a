package dev.optim.examples.sharpness;

import dev.optim.examples.train.LabelledData;
import dev.optim.nn.Activation;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/** A tiny classification task and tanh network for the tests. */
final class Tiny {

    private Tiny() {
    }

    /** 24 examples of 3 features in 3 classes (class = the largest feature, plus noise). */
    static Task task() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = new double[24][3];
        int[] y = new int[24];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
                if (x[i][j] > x[i][best]) {
                    best = j;
                }
            }
            y[i] = r.nextDouble() < 0.15 ? (best + 1) % 3 : best;
        }
        return Task.of("tiny", new LabelledData(x, y, 3), 0.25, 1);
    }

    /** A 3-3-3 tanh network (24 parameters), float64. */
    static Network network(Task task, long seed) {
        return task.network(new int[] {3}, Activation.TANH, DataType.DOUBLE, seed);
    }
}
