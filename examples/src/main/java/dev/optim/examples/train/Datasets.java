package dev.optim.examples.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** The shipped data sets: the UCI digits (8×8) and generated spirals. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * The UCI optical-recognition digits, 1797 examples of 64 pixel counts in 0..16, 10 classes
     * (Alpaydin and Kaynak, UCI Machine Learning Repository, CC BY 4.0; see examples/data).
     *
     * @return the data
     */
    public static LabelledData digits() {
        try (InputStream in = Datasets.class.getResourceAsStream(
                "/dev/optim/examples/data/digits.csv.gz")) {
            if (in == null) {
                throw new IllegalStateException("digits.csv.gz is missing from the classpath");
            }
            return CsvData.read(in, true, "digits.csv.gz", 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Two interleaved spirals, as TensorFlow Playground's: for class {@code c ∈ {0, 1}} and
     * {@code i = 0 … n/2 − 1}, {@code r = 5·i/(n/2)}, {@code t = 1.75·2π·i/(n/2) + c·π},
     * point {@code (r·sin t, r·cos t)} plus Gaussian noise of standard deviation {@code noise}.
     *
     * @param points the number of points, even and at least 4
     * @param noise the noise's standard deviation, {@code ≥ 0}
     * @param seed the noise's seed
     * @return the data, classes interleaved (point {@code 2i + c})
     * @throws IllegalArgumentException if {@code points} or {@code noise} is out of range
     */
    public static LabelledData spirals(int points, double noise, long seed) {
        if (points < 4 || points % 2 != 0) {
            throw new IllegalArgumentException("points must be even and >= 4, got " + points);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and >= 0, got " + noise);
        }
        SplittableRandom r = new SplittableRandom(seed);
        int half = points / 2;
        double[][] x = new double[points][];
        int[] y = new int[points];
        for (int i = 0; i < half; i++) {
            for (int c = 0; c < 2; c++) {
                double rad = 5.0 * i / half;
                double t = 1.75 * 2 * Math.PI * i / half + c * Math.PI;
                x[2 * i + c] = new double[] {rad * Math.sin(t) + noise * gaussian(r),
                    rad * Math.cos(t) + noise * gaussian(r)};
                y[2 * i + c] = c;
            }
        }
        return new LabelledData(x, y, 2);
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
