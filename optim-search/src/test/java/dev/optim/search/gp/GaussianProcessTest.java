package dev.optim.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    /** One case of the scikit-learn fixture. */
    record Case(Matern52 kernel, double noise, double[][] x, double[] y, double[][] test, double[] mean,
            double[] var, double lml) {}

    static List<Case> cases() throws IOException {
        List<String> lines;
        try (InputStream in = GaussianProcessTest.class.getResourceAsStream("/fixtures/gp-sklearn.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        var cases = new ArrayList<Case>();
        int i = 0;
        while (i < lines.size()) {
            String[] h = lines.get(i++).split(",");
            int d = Integer.parseInt(h[1]);
            double[] ls = Arrays.stream(h, 4, 4 + d).mapToDouble(Double::parseDouble).toArray();
            var kernel = new Matern52(Double.parseDouble(h[2]), ls);
            double noise = Double.parseDouble(h[3]);
            var x = new ArrayList<double[]>();
            var y = new ArrayList<Double>();
            var t = new ArrayList<double[]>();
            var m = new ArrayList<Double>();
            var v = new ArrayList<Double>();
            double lml = Double.NaN;
            while (i < lines.size() && !lines.get(i).startsWith("case")) {
                String[] f = lines.get(i++).split(",");
                double[] nums = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
                switch (f[0]) {
                    case "train" -> {
                        x.add(Arrays.copyOf(nums, d));
                        y.add(nums[d]);
                    }
                    case "test" -> {
                        t.add(Arrays.copyOf(nums, d));
                        m.add(nums[d]);
                        v.add(nums[d + 1]);
                    }
                    default -> lml = nums[0];
                }
            }
            cases.add(new Case(kernel, noise, x.toArray(double[][]::new),
                    y.stream().mapToDouble(Double::doubleValue).toArray(), t.toArray(double[][]::new),
                    m.stream().mapToDouble(Double::doubleValue).toArray(),
                    v.stream().mapToDouble(Double::doubleValue).toArray(), lml));
        }
        return cases;
    }

    @Test
    void posteriorEqualsScikitLearn() throws IOException {
        double maxMean = 0;
        double maxVar = 0;
        List<Case> cases = cases();
        assertEquals(3, cases.size());
        for (Case c : cases) {
            GaussianProcess gp = GaussianProcess.fit(c.x(), c.y(), c.kernel(), c.noise());
            for (int i = 0; i < c.test().length; i++) {
                double[] p = gp.predict(c.test()[i], null, null);
                maxMean = Math.max(maxMean, Math.abs(p[0] - c.mean()[i]));
                maxVar = Math.max(maxVar, Math.abs(p[1] - c.var()[i]));
            }
            assertEquals(c.lml(), gp.logMarginalLikelihood(), 1e-8 * Math.max(1, Math.abs(c.lml())));
        }
        System.out.printf("GP vs scikit-learn: max |mean error| %.3g, max |variance error| %.3g%n", maxMean, maxVar);
        assertTrue(maxMean <= 1e-8, "mean error " + maxMean);
        assertTrue(maxVar <= 1e-8, "variance error " + maxVar);
    }

    @Test
    void predictionGradientsMatchFiniteDifferences() throws IOException {
        Case c = cases().get(1);
        GaussianProcess gp = GaussianProcess.fit(c.x(), c.y(), c.kernel(), c.noise());
        double h = 1e-6;
        for (double[] t : c.test()) {
            double[] dm = new double[3];
            double[] dv = new double[3];
            gp.predict(t, dm, dv);
            double[] eg = new double[3];
            ExpectedImprovement.value(gp, t, 0.1, 0.0, eg);
            for (int d = 0; d < 3; d++) {
                double[] a = t.clone();
                double[] b = t.clone();
                a[d] += h;
                b[d] -= h;
                double[] pa = gp.predict(a, null, null);
                double[] pb = gp.predict(b, null, null);
                assertEquals((pa[0] - pb[0]) / (2 * h), dm[d], 1e-5 * Math.max(1, Math.abs(dm[d])));
                assertEquals((pa[1] - pb[1]) / (2 * h), dv[d], 1e-5 * Math.max(1, Math.abs(dv[d])));
                double fd = (ExpectedImprovement.value(gp, a, 0.1, 0, null)
                        - ExpectedImprovement.value(gp, b, 0.1, 0, null)) / (2 * h);
                assertEquals(fd, eg[d], 1e-4 * Math.max(1, Math.abs(eg[d])));
            }
        }
    }

    @Test
    void likelihoodGradientMatchesFiniteDifferences() throws IOException {
        Case c = cases().get(2);
        var nll = new GpFit.NegativeLogLikelihood(c.x(), c.y());
        var rng = new SplittableRandom(3);
        for (int rep = 0; rep < 5; rep++) {
            double[] z = new double[7];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextDouble(-2, 2);
            }
            double[] g = new double[7];
            nll.evaluate(z, g);
            double h = 1e-6;
            for (int i = 0; i < z.length; i++) {
                double[] a = z.clone();
                double[] b = z.clone();
                a[i] += h;
                b[i] -= h;
                double fd = (nll.value(a) - nll.value(b)) / (2 * h);
                assertEquals(fd, g[i], 1e-5 * Math.max(1, Math.abs(fd)), "component " + i);
            }
            // And it is the negative of the posterior's own likelihood.
            GaussianProcess gp = GaussianProcess.fit(c.x(), c.y(), nll.kernel(z), nll.noise(z));
            assertEquals(-gp.logMarginalLikelihood(), nll.value(z), 1e-9 * Math.abs(nll.value(z)));
        }
    }

    @Test
    void fittingRaisesTheLikelihoodAboveTheDefaultStart() throws IOException {
        Case c = cases().get(2);
        double[] y = c.y();
        GaussianProcess fitted = GpFit.fit(c.x(), y, Minimizer.lbfgs(), 1, 2);
        GaussianProcess start = GaussianProcess.fit(c.x(), y, new Matern52(1, new double[] {.5, .5, .5, .5, .5}), 1e-4);
        assertTrue(fitted.logMarginalLikelihood() > start.logMarginalLikelihood() + 1,
                fitted.logMarginalLikelihood() + " vs " + start.logMarginalLikelihood());
    }

    @Test
    void normalCdfIsAccurate() {
        assertEquals(0.5, ExpectedImprovement.normalCdf(0), 1e-7);
        assertEquals(0.8413447460685429, ExpectedImprovement.normalCdf(1), 1e-7);
        assertEquals(0.022750131948179195, ExpectedImprovement.normalCdf(-2), 1e-8);
    }
}
