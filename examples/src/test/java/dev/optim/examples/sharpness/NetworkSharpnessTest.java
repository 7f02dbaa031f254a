package dev.optim.examples.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Adam;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import dev.optim.landscapes.sharpness.EpsilonSharpness;
import dev.optim.landscapes.sharpness.HessianVectorProduct;
import dev.optim.landscapes.sharpness.Lanczos;
import dev.optim.landscapes.sharpness.PowerIteration;
import dev.optim.landscapes.sharpness.SharpnessResult;
import dev.optim.landscapes.sharpness.Spectrum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class NetworkSharpnessTest {

    static Task task;
    static Network net;
    static INDArray trained;

    @BeforeAll
    static void train() {
        task = Tiny.task();
        net = Tiny.network(task, 3);
        Training.Trained t = Training.toLoss(net, Adam.builder().learningRate(0.05).build(), 6,
                0.35, 18, 200, 1);
        trained = t.parameters();
    }

    /** The Hessian of the training loss, column i = (∇f(θ + h·e_i) − ∇f(θ − h·e_i)) / 2h. */
    static double[][] explicitHessian(INDArray theta, double h) {
        int n = (int) theta.length();
        double[][] hess = new double[n][n];
        net.at(theta, () -> {
            INDArray p = theta.dup();
            INDArray gp = theta.like();
            INDArray gm = theta.like();
            for (int i = 0; i < n; i++) {
                p.assign(theta);
                p.putScalar(i, theta.getDouble(i) + h);
                net.trainObjective().evaluate(p, gp);
                p.putScalar(i, theta.getDouble(i) - h);
                net.trainObjective().evaluate(p, gm);
                for (int j = 0; j < n; j++) {
                    hess[j][i] = (gp.getDouble(j) - gm.getDouble(j)) / (2 * h);
                }
            }
            return null;
        });
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = (hess[i][j] + hess[j][i]) / 2;
                hess[i][j] = s;
                hess[j][i] = s;
            }
        }
        return hess;
    }

    @Test
    void lanczosOnTheNetworkFindsTheTopEigenvalueOfTheExplicitHessian() {
        double[][] hess = explicitHessian(trained, 1e-5);
        int n = hess.length;
        assertEquals(24, n);
        // One entry against second differences of values alone (no gradient code).
        double h = 1e-4;
        int a = 2;
        int b = 13;
        double fpp = valueAt(a, h, b, h);
        double fpm = valueAt(a, h, b, -h);
        double fmp = valueAt(a, -h, b, h);
        double fmm = valueAt(a, -h, b, -h);
        double second = (fpp - fpm - fmp + fmm) / (4 * h * h);
        assertEquals(hess[a][b], second, 1e-4 * Math.max(1, Math.abs(second)));
        // The exact top eigenvalue of the explicit matrix: Lanczos on it with n steps.
        double exact = Lanczos.withIterations(n).topEigenvalues(
                HessianVectorProduct.ofMatrix(hess), 1).top();
        assertTrue(exact > 0, "a trained point is near a minimum: " + exact);
        Spectrum s = NetworkSharpness.topEigenvalues(net, trained, Lanczos.withIterations(20),
                2);
        assertEquals(exact, s.top(), 1e-5 * exact);
        assertTrue(s.eigenvalues()[1] <= s.top());
        Spectrum p = NetworkSharpness.largestByPowerIteration(net, trained,
                new PowerIteration(500, 1e-10, 1));
        assertEquals(exact, p.top(), 1e-4 * exact);
    }

    private double valueAt(int i, double hi, int j, double hj) {
        INDArray p = trained.dup();
        p.putScalar(i, p.getDouble(i) + hi);
        p.putScalar(j, p.getDouble(j) + hj);
        return net.trainLoss(p);
    }

    @Test
    void everyMeasureLeavesTheParametersAsItFoundThem() {
        INDArray current = net.parameters().dup();
        INDArray other = trained.add(0.01);
        INDArray d = FilterDirections.of(net.trainObjective(), trained,
                FilterDirections.Bias.ZERO, 1);
        Runnable[] measures = {
            () -> NetworkSharpness.epsilon(net, trained, new EpsilonSharpness(1e-3, 0, 3, 1)),
            () -> NetworkSharpness.epsilon(net, trained, new EpsilonSharpness(1e-3, 4, 3, 1)),
            () -> NetworkSharpness.topEigenvalues(net, trained, Lanczos.withIterations(3), 1),
            () -> NetworkSharpness.largestByPowerIteration(net, trained,
                    new PowerIteration(3, 0, 1)),
            () -> NetworkSharpness.between(net, trained, other, new double[] {-0.5, 0.5, 1.5}),
            () -> NetworkSharpness.along(net, trained, d, new double[] {-1, 1}),
            () -> NetworkSharpness.slice(net, trained, d, d, Grid.square(-1, 1, 2)),
            () -> net.testAccuracy(other),
        };
        for (Runnable m : measures) {
            m.run();
            assertArrayEquals(current.toDoubleVector(), net.parameters().toDoubleVector(), 0.0);
        }
        // Also when the point measured is the graph's own parameter vector.
        net.parameters().assign(trained);
        INDArray before = trained.dup();
        NetworkSharpness.epsilon(net, net.parameters(), new EpsilonSharpness(1e-3, 0, 3, 1));
        NetworkSharpness.topEigenvalues(net, net.parameters(), Lanczos.withIterations(3), 1);
        assertArrayEquals(before.toDoubleVector(), net.parameters().toDoubleVector(), 0.0);
        net.parameters().assign(current);
    }

    @Test
    void interpolationAtZeroAndOneIsTheTwoSolutionsLosses() {
        INDArray other = trained.mul(0.8);
        NetworkSharpness.Interpolation line = NetworkSharpness.between(net, trained, other,
                new double[] {-0.5, 0, 0.5, 1, 1.5});
        assertEquals(net.trainLoss(trained), line.trainLoss()[1], 1e-12);
        assertEquals(net.trainLoss(other), line.trainLoss()[3], 1e-12);
        assertEquals(net.testLoss(trained), line.testLoss()[1], 1e-12);
        assertEquals(net.testLoss(other), line.testLoss()[3], 1e-12);
        // α = 1.5 is θ₁ + 1.5·(θ₂ − θ₁).
        INDArray past = trained.add(other.sub(trained).mul(1.5));
        assertEquals(net.trainLoss(past), line.trainLoss()[4], 1e-12);
    }

    @Test
    void epsilonSharpnessIsTheLossIncreaseAtThePerturbationItReports() {
        SharpnessResult r = NetworkSharpness.epsilon(net, trained,
                new EpsilonSharpness(1e-3, 0, 5, 1));
        double f0 = net.trainLoss(trained);
        assertEquals(f0, r.loss(), 1e-12);
        INDArray moved = trained.dup();
        for (int i = 0; i < r.perturbation().length; i++) {
            double bound = 1e-3 * (Math.abs(trained.getDouble(i)) + 1);
            assertTrue(Math.abs(r.perturbation()[i]) <= bound * (1 + 1e-12), "coordinate " + i);
            moved.putScalar(i, trained.getDouble(i) + r.perturbation()[i]);
        }
        assertEquals(r.maxLoss(), net.trainLoss(moved), 1e-12);
        assertEquals(100 * (r.maxLoss() - f0) / (1 + f0), r.sharpness(), 1e-12);
        assertTrue(r.sharpness() > 0);
    }

    @Test
    void theSliceIsTheLossAtEachGridPoint() {
        INDArray d1 = FilterDirections.of(net.trainObjective(), trained,
                FilterDirections.Bias.ZERO, 1);
        INDArray d2 = FilterDirections.of(net.trainObjective(), trained,
                FilterDirections.Bias.ZERO, 2);
        Surface s = NetworkSharpness.slice(net, trained, d1, d2, Grid.square(-0.5, 0.5, 3));
        assertEquals(net.trainLoss(trained), s.value(1, 1), 1e-12);
        INDArray corner = trained.add(d1.mul(0.5)).add(d2.mul(-0.5));
        assertEquals(net.trainLoss(corner), s.value(2, 0), 1e-12);
    }

    @Test
    void badInputIsRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EpsilonSharpness.fullSpace(0));
        assertTrue(e.getMessage().contains("epsilon") && e.getMessage().contains("0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSharpness.topEigenvalues(net, trained, Lanczos.withIterations(100),
                        25));
        assertTrue(e.getMessage().contains("count") && e.getMessage().contains("25")
                && e.getMessage().contains("dimension 24"), e.getMessage());
        INDArray shortDirection = org.nd4j.linalg.factory.Nd4j.zeros(trained.dataType(), 1, 10);
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSharpness.along(net, trained, shortDirection, new double[] {1}));
        assertTrue(e.getMessage().contains("direction"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSharpness.slice(net, trained, shortDirection, shortDirection,
                        Grid.square(-1, 1, 2)));
        assertTrue(e.getMessage().contains("d1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSharpness.between(net, trained, shortDirection, new double[] {1}));
        assertTrue(e.getMessage().contains("to"), e.getMessage());
    }
}
