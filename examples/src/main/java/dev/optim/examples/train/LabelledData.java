package dev.optim.examples.train;

import java.util.SplittableRandom;

/**
 * Examples with integer class labels: {@code features[i]} has class {@code labels[i]} in
 * {@code [0, classes)}.
 *
 * @param features one row of features per example, all of one length
 * @param labels one class per example
 * @param classes the number of classes
 */
public record LabelledData(double[][] features, int[] labels, int classes) {

    /**
     * Checks the data.
     *
     * @param features the rows
     * @param labels the classes
     * @param classes the class count
     * @throws IllegalArgumentException if the counts differ, there are no examples, or a label
     *     is outside {@code [0, classes)}
     */
    public LabelledData {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need one label per example and at least one"
                    + " example, got " + features.length + " rows and " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of example " + i + " must be a class in"
                        + " [0, " + classes + "), got " + labels[i]);
            }
        }
    }

    /**
     * The number of examples.
     *
     * @return the count
     */
    public int size() {
        return labels.length;
    }

    /**
     * The number of features per example.
     *
     * @return the width
     */
    public int width() {
        return features[0].length;
    }

    /**
     * Per feature, the mean and the (population) standard deviation over these examples, the
     * latter 1 where it is 0: what standardising features with this set's statistics uses,
     * {@code x' = (x − mean) / sd}.
     *
     * @return {@code {mean, sd}}, each of {@link #width()} values
     */
    public double[][] standardisation() {
        int w = width();
        double[] mean = new double[w];
        double[] sd = new double[w];
        for (double[] row : features) {
            for (int j = 0; j < w; j++) {
                mean[j] += row[j] / size();
            }
        }
        for (double[] row : features) {
            for (int j = 0; j < w; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / size();
            }
        }
        for (int j = 0; j < w; j++) {
            sd[j] = sd[j] > 0 ? Math.sqrt(sd[j]) : 1;
        }
        return new double[][] {mean, sd};
    }

    /**
     * Splits off a seeded random fraction as held-out data.
     *
     * @param fraction the held-out fraction, in {@code [0, 1)}
     * @param seed the shuffle's seed
     * @return {@code [train, held-out]}; held-out is null when {@code fraction} rounds to none
     */
    public LabelledData[] split(double fraction, long seed) {
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = (int) Math.round(fraction * n);
        if (held >= n) {
            throw new IllegalArgumentException("the validation split leaves no training examples");
        }
        return new LabelledData[] {subset(order, held, n), held == 0 ? null : subset(order, 0, held)};
    }

    private LabelledData subset(int[] order, int from, int to) {
        double[][] f = new double[to - from][];
        int[] l = new int[to - from];
        for (int i = from; i < to; i++) {
            f[i - from] = features[order[i]];
            l[i - from] = labels[order[i]];
        }
        return new LabelledData(f, l, classes);
    }
}
