package dev.optim.examples.experiment;

import dev.optim.core.Optimizer;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionObjective;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The article's line fit: gradient descent on the mean squared error of
 * {@code ŷ = slope·x + intercept}, each update following the gradient of the next mini-batch
 * while the recorded loss is over the whole data set (the article's cost).
 */
public final class LineFit {

    private LineFit() {}

    /**
     * The article's initialisation: slope and intercept each drawn from U(−1, 1), from a stream
     * seeded with {@code seed} (a different stream from the data generator's).
     *
     * @param seed the seed
     * @return {@code {slope, intercept}}
     */
    public static double[] articleInit(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        return new double[] {r.nextDouble(-1, 1), r.nextDouble(-1, 1)};
    }

    /**
     * Runs the fit: {@code steps} updates, every row recorded, no tolerance.
     *
     * @param data the points
     * @param optimizer the optimizer
     * @param init the initial {@code {slope, intercept}}
     * @param steps the number of updates
     * @param batchSize examples per update, in {@code [1, N]}; {@code N} means full batch
     * @param shuffle whether to reshuffle every epoch (else batches are taken in order)
     * @param seed the shuffle's seed
     * @param dtype DOUBLE or FLOAT
     * @return the result
     */
    public static DescentResult run(RegressionData data, Optimizer optimizer, double[] init,
            long steps, int batchSize, boolean shuffle, long seed, DataType dtype) {
        return run(data, optimizer, init, steps, batchSize, shuffle, seed, dtype, 1);
    }

    /**
     * Runs the fit as {@link #run(RegressionData, Optimizer, double[], long, int, boolean, long,
     * DataType)}, recording every {@code every}-th row (and the first and last).
     *
     * @param data the points
     * @param optimizer the optimizer
     * @param init the initial {@code {slope, intercept}}
     * @param steps the number of updates
     * @param batchSize examples per update, in {@code [1, N]}; {@code N} means full batch
     * @param shuffle whether to reshuffle every epoch (else batches are taken in order)
     * @param seed the shuffle's seed
     * @param dtype DOUBLE or FLOAT
     * @param every the recording interval, {@code >= 1}
     * @return the result
     */
    public static DescentResult run(RegressionData data, Optimizer optimizer, double[] init,
            long steps, int batchSize, boolean shuffle, long seed, DataType dtype, int every) {
        RegressionObjective objective = data.objective();
        Descent.Builder b = Descent.builder(optimizer).maxSteps(steps).recordParameters(true)
                .recordEvery(every).recordLimit(Descents.ROW_LIMIT + 2);
        boolean batched = batchSize < data.size();
        if (batched) {
            b.batches(BatchPlan.of(batchSize)
                    .withOrder(shuffle ? BatchOrder.SHUFFLED : BatchOrder.SEQUENTIAL)
                    .withSeed(seed));
        }
        Descent descent = b.build();
        if (!batched && dtype == DataType.DOUBLE) {
            return descent.run(objective, init.clone());
        }
        return descent.run(objective, Nd4j.createFromArray(init.clone()).castTo(dtype));
    }

    /**
     * The largest stable rate of full-batch gradient descent on the mean squared error,
     * {@code 2/λmax} with {@code λmax} the largest eigenvalue of the Hessian
     * {@code (2/N)·Σ [x² x; x 1]}: above it, plain GD diverges.
     *
     * @param data the points
     * @return {@code 2 / λmax}
     */
    public static double stabilityLimit(RegressionData data) {
        double sxx = 0;
        double sx = 0;
        int n = data.size();
        for (int i = 0; i < n; i++) {
            double x = data.x(i);
            sxx += x * x;
            sx += x;
        }
        double a = 2 * sxx / n;
        double c = 2 * sx / n;
        double d = 2.0;
        double lambda = (a + d) / 2 + Math.sqrt((a - d) * (a - d) / 4 + c * c);
        return 2 / lambda;
    }
}
