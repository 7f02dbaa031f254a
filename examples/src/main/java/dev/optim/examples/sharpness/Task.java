package dev.optim.examples.sharpness;

import dev.optim.examples.train.Datasets;
import dev.optim.examples.train.LabelledData;
import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A classification task split once into a training and a test part, its features standardised
 * with the training part's mean and standard deviation ({@code x' = (x − μ)/σ}, {@code σ = 1}
 * where a feature is constant), from which MLPs are built for each seed.
 *
 * <pre>{@code
 * Task digits = Task.digits(0.3, 1);
 * Network net = digits.network(new int[] {64}, Activation.RELU, DataType.DOUBLE, 7);
 * }</pre>
 */
public final class Task {

    private final String name;
    private final LabelledData train;
    private final LabelledData test;
    private final double[][] stats;

    private Task(String name, LabelledData train, LabelledData test) {
        this.name = name;
        this.train = train;
        this.test = test;
        this.stats = train.standardisation();
    }

    /**
     * A data set split into training and test parts by a seeded shuffle.
     *
     * @param name the task's name, for tables
     * @param all the examples
     * @param testFraction the held-out fraction, in {@code (0, 1)}
     * @param seed the split's seed
     * @return the task
     * @throws IllegalArgumentException if {@code all} is null, the fraction is out of range or
     *     holds out no example or every example
     */
    public static Task of(String name, LabelledData all, double testFraction, long seed) {
        if (all == null) {
            throw new IllegalArgumentException("all must not be null");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got "
                    + testFraction);
        }
        LabelledData[] parts = all.split(testFraction, seed);
        if (parts[1] == null) {
            throw new IllegalArgumentException("testFraction " + testFraction + " of "
                    + all.size() + " examples holds out none");
        }
        return new Task(name, parts[0], parts[1]);
    }

    /**
     * The UCI digits (1797 examples, 64 features, 10 classes), split.
     *
     * @param testFraction the held-out fraction, in {@code (0, 1)}
     * @param seed the split's seed
     * @return the task
     */
    public static Task digits(double testFraction, long seed) {
        return of("digits", Datasets.digits(), testFraction, seed);
    }

    /**
     * Two interleaved spirals ({@link Datasets#spirals}), split.
     *
     * @param points the number of points, even, {@code ≥ 4}
     * @param noise the noise's standard deviation
     * @param testFraction the held-out fraction, in {@code (0, 1)}
     * @param seed the seed of the noise and the split
     * @return the task
     */
    public static Task spirals(int points, double noise, double testFraction, long seed) {
        return of("spirals", Datasets.spirals(points, noise, seed), testFraction, seed);
    }

    /**
     * A fresh MLP on this task: {@code hidden} dense layers with {@code activation}, a softmax
     * cross-entropy output, weights drawn from {@code seed} ({@link Mlp}).
     *
     * @param hidden the hidden widths, each {@code ≥ 1}
     * @param activation the hidden activation
     * @param type FLOAT or DOUBLE
     * @param seed the seed of the initial weights
     * @return the network with its training and test objectives
     * @throws IllegalArgumentException if a width is below 1
     */
    public Network network(int[] hidden, Activation activation, DataType type, long seed) {
        Mlp.Builder b = Mlp.builder(train.width()).dataType(type).seed(seed);
        for (int w : hidden) {
            b.dense(w, activation);
        }
        Mlp mlp = b.softmaxCrossEntropy(train.classes()).build();
        return new Network(mlp, matrix(train, type), train.labels(), matrix(test, type),
                test.labels());
    }

    /**
     * The task's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The number of training examples.
     *
     * @return {@code N ≥ 1}
     */
    public int trainSize() {
        return train.size();
    }

    /**
     * The number of test examples.
     *
     * @return the count
     */
    public int testSize() {
        return test.size();
    }

    private INDArray matrix(LabelledData d, DataType type) {
        double[][] x = new double[d.size()][d.width()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d.width(); j++) {
                x[i][j] = (d.features()[i][j] - stats[0][j]) / stats[1][j];
            }
        }
        return Nd4j.createFromArray(x).castTo(type);
    }

    @Override
    public String toString() {
        return name + " (" + train.size() + " train, " + test.size() + " test, "
                + train.width() + " features, " + train.classes() + " classes)";
    }
}
