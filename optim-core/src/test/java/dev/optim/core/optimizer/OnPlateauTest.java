package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.OptimizerState;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.Trajectory;
import dev.optim.core.schedule.PlateauController;
import dev.optim.core.schedule.ReduceOnPlateau;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plateau rate in the descent loop, and saved with the optimizer's state. */
class OnPlateauTest {

    private static final ReduceOnPlateau PLATEAU = ReduceOnPlateau.builder().factor(0.5)
            .patience(3).threshold(1e-3, ReduceOnPlateau.ThresholdMode.REL).cooldown(2).build();

    /** Rosenbrock, where SGD at 2e-3 stalls in the valley and the rate is reduced. */
    private static final ArrayObjective ROSENBROCK = new ArrayObjective() {
        @Override
        public long dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] p, double[] g) {
            return LbfgsParityTest.rosenbrock(p, g);
        }
    };

    /**
     * The descent loop feeds the loss after every update: its rate column is what a controller
     * fed the trajectory's losses gives, and the parameters are SGD's at those rates.
     */
    @Test
    void descentFeedsTheLossAndStepsAtTheControllersRate() {
        OnPlateau opt = OnPlateau.wrap(Sgd.of(2e-3), PLATEAU);
        DescentResult r = Descent.builder(opt).maxSteps(400).build()
                .run(ROSENBROCK, new double[] {-1.5, 2});
        Trajectory t = r.trajectory();
        PlateauController c = PLATEAU.controller(2e-3);
        double[] x = {-1.5, 2};
        double[] g = new double[2];
        int reductions = 0;
        for (int k = 1; k < t.size(); k++) {
            double rate = c.learningRate();
            ROSENBROCK.evaluate(x, g);
            for (int i = 0; i < 2; i++) {
                x[i] = x[i] + -rate * g[i];
            }
            assertArrayEquals(x, t.params(k), 0.0, "row " + k);
            double lr = c.observe(t.loss(k));
            assertEquals(lr, t.learningRate(k), 0.0, "rate of row " + k);
            if (lr < rate) {
                reductions++;
            }
        }
        assertTrue(reductions >= 1, "the test should reduce the rate");
    }

    /** Saved mid-run, the inner state and the controller come back: the same bits after. */
    @Test
    void saveAndRestoreCarryTheController() throws IOException {
        OnPlateau opt = OnPlateau.wrap(Adam.builder().learningRate(0.05).build(), PLATEAU);
        INDArray a = Nd4j.createFromArray(-1.5, 2.0);
        OptimizerState sa = opt.init(a);
        double[] g = new double[2];
        for (int k = 0; k < 150; k++) {
            double f = ROSENBROCK.evaluate(a.toDoubleVector(), g);
            opt.step(a, Nd4j.createFromArray(g.clone()), sa);
            opt.observe(sa, f);
        }
        assertTrue(opt.controller(sa).reductions() > 0, opt.controller(sa).toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sa.save(bytes);
        INDArray b = a.dup();
        OptimizerState sb = opt.restore(new ByteArrayInputStream(bytes.toByteArray()), b);
        assertEquals(opt.currentLearningRate(sa), opt.currentLearningRate(sb), 0.0);
        assertEquals(opt.controller(sa).toString(), opt.controller(sb).toString());
        for (int k = 0; k < 150; k++) {
            double fa = ROSENBROCK.evaluate(a.toDoubleVector(), g);
            opt.step(a, Nd4j.createFromArray(g.clone()), sa);
            opt.observe(sa, fa);
            double fb = ROSENBROCK.evaluate(b.toDoubleVector(), g);
            opt.step(b, Nd4j.createFromArray(g.clone()), sb);
            opt.observe(sb, fb);
        }
        assertArrayEquals(a.toDoubleVector(), b.toDoubleVector(), 0.0);
        assertEquals(opt.currentLearningRate(sa), opt.currentLearningRate(sb), 0.0);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> OnPlateau.wrap(null, PLATEAU));
        assertThrows(IllegalArgumentException.class, () -> OnPlateau.wrap(Sgd.of(1), null));
        OnPlateau opt = OnPlateau.wrap(Sgd.of(1), PLATEAU);
        assertThrows(IllegalArgumentException.class,
                () -> opt.observe(Sgd.of(1).init(new double[2]), 1.0));
        assertEquals("lr must be finite and >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class,
                () -> Sgd.of(1).init(new double[2]).overrideLearningRate(-1)).getMessage());
    }
}
