package dev.optim.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.StochasticObjective;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    /** f_i(θ) = ½(θ − a_i)², averaged; counts its batch evaluations; NaN from call nanAt on. */
    static class Quadratic implements StochasticObjective {
        final double[] a;
        int calls;
        int nanAt = Integer.MAX_VALUE;

        Quadratic(double... a) {
            this.a = a;
        }

        @Override
        public long dimension() {
            return 1;
        }

        @Override
        public int size() {
            return a.length;
        }

        double valueAt(double t, int[] batch) {
            double s = 0;
            for (int i : batch) {
                s += 0.5 * (t - a[i]) * (t - a[i]);
            }
            return s / batch.length;
        }

        @Override
        public double evaluate(INDArray params, int[] batch, INDArray gradient) {
            double t = params.getDouble(0);
            double g = 0;
            for (int i : batch) {
                g += t - a[i];
            }
            gradient.putScalar(0, g / batch.length);
            return calls++ >= nanAt ? Double.NaN : valueAt(t, batch);
        }

        @Override
        public double evaluate(INDArray params, INDArray gradient) {
            int[] all = new int[a.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return evaluate(params, all, gradient);
        }

        @Override
        public double value(INDArray params) {
            int[] all = new int[a.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return valueAt(params.getDouble(0), all);
        }
    }

    private static final double[] A = {1, 2, 3, 4, 5, 6};

    @Test
    void epochsOfSequentialBatchesFollowPlainSgdAndEvaluateOncePerEpoch() {
        Quadratic f = new Quadratic(A);
        INDArray theta = Nd4j.createFromArray(0.0);
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(2)).epochs(3).build().run(f, theta);
        // By hand: θ ← θ − 0.1·(θ − mean(batch)), batches {1,2},{3,4},{5,6} three times.
        double t = 0;
        List<Double> running = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            double sum = 0;
            for (int b = 0; b < 3; b++) {
                double lo = A[2 * b];
                double hi = A[2 * b + 1];
                sum += (0.5 * (t - lo) * (t - lo) + 0.5 * (t - hi) * (t - hi)) / 2;
                t -= 0.1 * (t - (lo + hi) / 2);
            }
            running.add(sum / 3);
            full.add(f.valueAt(t, new int[] {0, 1, 2, 3, 4, 5}));
        }
        assertEquals(TrainingStop.COMPLETED, r.stop());
        assertEquals(9, r.steps());
        assertEquals(3, r.epochs());
        assertEquals(t, theta.getDouble(0), 1e-15);
        assertEquals(3, r.history().size());
        for (int e = 0; e < 3; e++) {
            Evaluation ev = r.history().get(e);
            assertEquals(3L * (e + 1), ev.step());
            assertEquals(running.get(e), ev.runningLoss(), 1e-14);
            assertEquals(full.get(e), ev.trainLoss(), 1e-14);
            assertTrue(Double.isNaN(ev.validationLoss()));
        }
        // 9 batch evaluations only: the full loss is computed by value(), 3 times, not per step.
        assertEquals(9, f.calls);
    }

    @Test
    void evaluatesEveryKStepsAndAtTheEnd() {
        Quadratic f = new Quadratic(A);
        List<Long> steps = new ArrayList<>();
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(2)).epochs(3).evaluateEvery(4)
                .listener(e -> steps.add(e.step())).build().run(f, Nd4j.createFromArray(0.0));
        assertEquals(List.of(4L, 8L, 9L), steps);
        assertEquals(9, r.last().step());
        TrainingResult capped = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(4)).epochs(100).maxSteps(5).build()
                .run(f, Nd4j.createFromArray(0.0));
        assertEquals(5, capped.steps());
        assertEquals(TrainingStop.COMPLETED, capped.stop());
        assertEquals(5, capped.last().step());
    }

    @Test
    void stopsEarlyWhenValidationRisesAndRestoresTheBest() {
        Quadratic f = new Quadratic(A);
        // The validation minimum is at 1: it improves while θ climbs to 1, then worsens.
        Quadratic val = new Quadratic(1, 1);
        INDArray theta = Nd4j.createFromArray(0.0);
        List<Double> thetas = new ArrayList<>();
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(6)).epochs(1000).validation(val).patience(3)
                .restoreBest(true).listener(e -> thetas.add(theta.getDouble(0))).build()
                .run(f, theta);
        assertEquals(TrainingStop.EARLY_STOPPED, r.stop());
        int bestIndex = (int) r.best().step() - 1;
        assertEquals(r.history().size() - 4, bestIndex);
        assertEquals(thetas.get(bestIndex), theta.getDouble(0), 0.0);
        for (Evaluation e : r.history()) {
            assertTrue(r.best().validationLoss() <= e.validationLoss());
        }
    }

    @Test
    void aNonFiniteLossStopsWithTheStepTheBatchAndFiniteParameters() {
        Quadratic f = new Quadratic(A);
        f.nanAt = 4;
        INDArray theta = Nd4j.createFromArray(0.0);
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(2)).epochs(3).build().run(f, theta);
        assertEquals(TrainingStop.DIVERGED, r.stop());
        Divergence d = r.divergence().orElseThrow();
        assertEquals(4, d.step());
        assertArrayEquals(new int[] {2, 3}, d.batch());
        assertEquals(4, r.steps());
        assertTrue(Double.isFinite(theta.getDouble(0)));
    }

    @Test
    void aNaNExampleStopsTrainingNamingTheStepAndTheBatchThatHoldsIt() {
        // 24 examples, one of them NaN: the loss is NaN on the first shuffled batch holding it.
        double[] a = new double[24];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 5;
        }
        a[17] = Double.NaN;
        List<int[]> seen = new ArrayList<>();
        Quadratic f = new Quadratic(a) {
            @Override
            public double evaluate(INDArray params, int[] batch, INDArray gradient) {
                seen.add(batch.clone());
                return super.evaluate(params, batch, gradient);
            }
        };
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.1).build())
                .batchPlan(BatchPlan.of(4).withOrder(BatchOrder.SHUFFLED).withSeed(7))
                .epochs(3).build().run(f, Nd4j.createFromArray(0.0));
        int k = 0;
        while (java.util.Arrays.stream(seen.get(k)).noneMatch(i -> i == 17)) {
            k++;
        }
        assertEquals(seen.size() - 1, k, "training must stop on the first batch holding 17");
        int[] b = seen.get(k);
        assertEquals(TrainingStop.DIVERGED, r.stop());
        assertEquals(k, r.steps());
        Divergence d = r.divergence().orElseThrow();
        assertArrayEquals(b, d.batch());
        assertEquals("non-finite batch loss NaN at step " + k + " on a batch of 4 examples ["
                + b[0] + ", " + b[1] + ", " + b[2] + ", " + b[3] + "]", d.toString());
    }

    @Test
    void aStepThatMakesTheParametersNonFiniteHandsBackTheLastFiniteOnes() {
        // f(0) = 0.5e300 is finite; the first step lands on 0 + 1e160·1e150 = +∞.
        Quadratic f = new Quadratic(1e150);
        INDArray theta = Nd4j.createFromArray(0.0);
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(1e160).build())
                .batchPlan(BatchPlan.of(1)).epochs(5).build().run(f, theta);
        assertEquals(TrainingStop.DIVERGED, r.stop());
        assertEquals(1, r.divergence().orElseThrow().step());
        assertEquals(0.0, theta.getDouble(0), 0.0, "the last finite parameters, θ₀");
    }

    @Test
    void theHistoryIsThinnedEvenlyAndStaysBounded() {
        Quadratic f = new Quadratic(A);
        TrainingResult r = Trainer.builder(Sgd.builder().learningRate(0.01).build())
                .batchPlan(BatchPlan.of(1).withOrder(BatchOrder.SHUFFLED)).epochs(200)
                .evaluateEvery(1).historyLimit(16).build().run(f, Nd4j.createFromArray(0.0));
        assertEquals(1200, r.steps());
        assertTrue(r.history().size() < 16, "kept " + r.history().size());
        long stride = r.history().get(1).step() - r.history().get(0).step();
        for (int i = 1; i < r.history().size(); i++) {
            assertEquals(stride, r.history().get(i).step() - r.history().get(i - 1).step());
        }
        assertEquals(1200, r.last().step());
    }

    @Test
    void badSettingsAreRefused() {
        Trainer.Builder b = Trainer.builder(Sgd.builder().build());
        assertEquals("epochs must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.epochs(0)).getMessage());
        assertEquals("patience must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> b.patience(-1)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.build().run(new Quadratic(A), Nd4j.createFromArray(0.0, 1.0)));
        assertTrue(e.getMessage().contains("length 1"), e.getMessage());
    }
}
