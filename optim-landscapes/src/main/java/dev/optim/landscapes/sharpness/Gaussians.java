package dev.optim.landscapes.sharpness;

import java.util.SplittableRandom;

/** N(0, 1) draws by the Box–Muller transform over {@link SplittableRandom}, in index order. */
final class Gaussians {

    private Gaussians() {}

    /** Fills {@code v} with independent N(0, 1) values. */
    static void fill(double[] v, SplittableRandom random) {
        for (int i = 0; i < v.length; i += 2) {
            double radius = Math.sqrt(-2 * Math.log(1.0 - random.nextDouble()));
            double angle = 2 * Math.PI * random.nextDouble();
            v[i] = radius * Math.cos(angle);
            if (i + 1 < v.length) {
                v[i + 1] = radius * Math.sin(angle);
            }
        }
    }
}
