package dev.optim.examples.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    @Test
    void trainingToALossStopsAtTheFirstCheckBelowIt() {
        Task task = Tiny.task();
        Network net = Tiny.network(task, 2);
        double start = net.trainLoss(net.parameters());
        Training.Trained t = Training.toLoss(net, Adam.builder().learningRate(0.05).build(), 6,
                0.6, 18, 100, 1);
        assertTrue(t.reachedTarget());
        assertTrue(t.trainLoss() <= 0.6 && start > 0.6, t + " from " + start);
        assertEquals(net.trainLoss(t.parameters()), t.trainLoss(), 0.0);
        // Checks every ⌈18/6⌉ = 3 updates: the run stops on a multiple of 3.
        assertEquals(0, t.updates() % 3, "updates " + t.updates());
        assertEquals(t.updates() * 6 / 18.0, t.epochs(), 1e-12);
    }

    @Test
    void batchGrowthSwitchesAtTheSameEpochsAsRateDecay() {
        Task task = Tiny.task(); // 18 training examples
        assertEquals(18, task.trainSize());
        ScheduleExperiment s = new ScheduleExperiment(task, new int[] {3}, 2, 0.05, 0.9, 1e-2,
                2, 3, 1, 1);
        // Decay: 9 updates per epoch at batch 2; growth: batches 2, 4, 8: 9, 5, 3 updates.
        assertArrayEquals(new long[] {9, 18}, s.boundaries(new int[] {2, 2, 2}));
        assertArrayEquals(new long[] {9, 14}, s.boundaries(new int[] {2, 4, 8}));
        assertEquals(8, s.grownBatch(2));
        List<Training.Curve> curves = s.decayVersusGrowth();
        Training.Curve decay = curves.get(0);
        Training.Curve growth = curves.get(1);
        assertArrayEquals(new double[] {0, 9, 18, 27}, decay.updates());
        assertArrayEquals(new double[] {0, 9, 14, 17}, growth.updates());
        // Every epoch sees the 18 examples once, in both runs.
        assertArrayEquals(new double[] {0, 18, 36, 54}, decay.examples());
        assertArrayEquals(new double[] {0, 18, 36, 54}, growth.examples());
        assertEquals(decay.trainLoss()[0], growth.trainLoss()[0], 0.0);
        assertTrue(decay.trainLoss()[3] < decay.trainLoss()[0]);
        assertTrue(growth.trainLoss()[3] < growth.trainLoss()[0]);
    }

    @Test
    void theOptimizerCurvesStartTogetherAndSwatsStartsAsAdam() {
        ScheduleExperiment s = new ScheduleExperiment(Tiny.task(), new int[] {3}, 6, 0.05, 0.9,
                1e-2, 2, 1, 2, 1);
        ScheduleExperiment.OptimizerCurves oc = s.optimizers();
        assertEquals(3, oc.curves().size());
        Training.Curve adam = oc.curves().get(0);
        Training.Curve swats = oc.curves().get(2);
        assertEquals(adam.testAccuracy()[0], oc.curves().get(1).testAccuracy()[0], 0.0);
        if (oc.swatsSwitch() == 0 || oc.swatsSwitch() > 3) {
            // Before its switch SWATS's Adam phase is Adam's (ε differs: 1e-9 vs 1e-8).
            assertEquals(adam.trainLoss()[1], swats.trainLoss()[1], 1e-6);
        }
    }

    @Test
    void theReportsMeanAndSampleSdAreTheHandWorkedOnes() {
        Task task = Tiny.task();
        BatchSizeExperiment e = new BatchSizeExperiment(task, new int[] {3}, 2, 9, 1e-2, 0.5,
                10, 3, 1e-3, 2, 3, 9, 2);
        List<SharpnessReport.SeedRow> rows = List.of(row(1, 0.90, 1.0), row(2, 0.92, 3.0),
                row(3, 0.97, 5.0));
        SharpnessReport r = new SharpnessReport(e, rows, null);
        assertEquals(0.93, r.mean(false, 2), 1e-12);
        // Deviations −0.03, −0.01, 0.04: Σ = 0.0026, / 2 → sd √0.0013.
        assertEquals(Math.sqrt(0.0013), r.sd(false, 2), 1e-12);
        assertEquals(3.0, r.mean(false, 7), 1e-12);
        assertEquals(2.0, r.sd(false, 7), 1e-12);
        assertEquals(2 * 3.0, r.mean(true, 7), 1e-12);
        assertEquals(3, r.largeAbove(7));
        assertEquals(0, r.largeAbove(2));
        String csv = r.csv();
        assertTrue(csv.startsWith("seed,batch,train_loss,test_loss,test_accuracy,updates,epochs,"
                + "eps_sharpness_full,eps_sharpness_subspace,top_eigenvalue,reached_target\n"), csv);
        assertTrue(csv.contains("\nmean,2,"), csv);
        assertTrue(r.table().contains("0/3"), r.table());
        assertTrue(r.table().contains("reached the target loss") && r.table().contains("3/3"),
                r.table());
    }

    private static SharpnessReport.SeedRow row(long seed, double accuracy, double top) {
        return new SharpnessReport.SeedRow(seed, measured(2, accuracy, top),
                measured(9, accuracy - 0.01, 2 * top));
    }

    private static SharpnessReport.Measured measured(int batch, double accuracy, double top) {
        Training.Trained t = new Training.Trained(null, batch, 0.1, 0.2, 1, accuracy, 10, 1,
                true);
        return new SharpnessReport.Measured(t, 0.1, 0.05, top);
    }

    @Test
    void theExperimentsRefuseOutOfRangeSettings() {
        Task task = Tiny.task();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchSizeExperiment(task, new int[] {3}, 2, 9, 1e-2, 0.5, 10, 3, 0,
                        2, 3, 9, 2));
        assertEquals("epsilon must be finite and > 0, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BatchSizeExperiment(task, new int[] {3}, 9, 9, 1e-2, 0.5, 10, 3, 1e-3,
                        2, 3, 9, 2));
        assertTrue(e.getMessage().contains("small=9, large=9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ScheduleExperiment(task,
                new int[] {3}, 2, 0.05, 0.9, 1e-2, 1, 3, 1, 1));
    }
}
