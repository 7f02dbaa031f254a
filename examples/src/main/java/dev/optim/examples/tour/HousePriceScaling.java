package dev.optim.examples.tour;

import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.text.Numbers;
import dev.optim.losses.HousePrices;
import dev.optim.losses.ModelObjective;
import dev.optim.losses.Standardizer;
import java.io.IOException;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Point 5: the house-price regression (floor area, bedrooms, ceiling height) by full-batch
 * gradient descent on the L2 loss, with raw and with standardised features. Each run uses the
 * rate {@code 1/λmax} of its own loss (half the stability limit); the picture shows the excess
 * loss over the least-squares optimum, computed from the normal equations.
 */
final class HousePriceScaling implements TourStep {

    @Override
    public String title() {
        return "house prices with and without standardisation";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        int n = ctx.settings().pick(500, 100);
        int steps = ctx.settings().pick(500, 100);
        HousePrices houses = HousePrices.generate(n, ctx.settings().seed());
        INDArray x = houses.features();
        INDArray y = houses.prices();
        Standardizer s = Standardizer.fit(x);
        INDArray xs = s.transform(x);
        LineChart.Builder chart = LineChart.builder("House prices: gradient descent with raw and"
                + " standardised features", "step", "loss − least-squares optimum")
                .logY(true).subtitle(n + " houses (floor area, bedrooms, ceiling height);"
                        + " full-batch GD at lr = 1/λmax of each loss");
        StringBuilder result = new StringBuilder("after " + steps + " steps, excess loss: ");
        double[] stdFit = null;
        String[] labels = {"raw features", "standardised features"};
        INDArray[] inputs = {x, xs};
        for (int v = 0; v < 2; v++) {
            double[][] design = design(inputs[v]);
            double[] target = y.toDoubleVector();
            double[][] h = hessian(design);
            double lambda = largestEigenvalue(h);
            double[] optimum = solve(h, gradientAtZero(design, target));
            ModelObjective objective = ModelObjective.l2(inputs[v], y);
            double best = objective.value(optimum);
            double lr = 1 / lambda;
            DescentResult r = Descent.builder(Sgd.of(lr)).maxSteps(steps).build()
                    .run(objective, new double[design[0].length]);
            int rows = r.trajectory().size();
            double[] steps1 = new double[rows];
            double[] excess = new double[rows];
            for (int k = 0; k < rows; k++) {
                steps1[k] = r.trajectory().step(k);
                excess[k] = r.trajectory().loss(k) - best;
            }
            chart.series(labels[v] + " (lr " + Numbers.sig4(lr) + ")", steps1, excess);
            double gap = r.loss() - best;
            result.append(labels[v]).append(' ').append(gap <= 1e-9 * best
                    ? "below 1e-9 of the optimum " + Numbers.sig4(best) : Numbers.sig4(gap))
                    .append(v == 0 ? ", " : "");
            if (v == 1) {
                stdFit = s.toOriginalParams(r.parameters());
            }
        }
        result.append("; standardised fit in original units ").append(Numbers.point4(round(stdFit)))
                .append(" vs true ").append(Numbers.point4(HousePrices.trueParams()));
        String name = ctx.png("5-house-prices.png", chart.build());
        return List.of(new Finding(5, "feature scaling (house prices)", result.toString(),
                List.of(name)));
    }

    /** The rows of {@code x} with a trailing 1 (the bias column). */
    static double[][] design(INDArray x) {
        double[][] rows = x.toDoubleMatrix();
        double[][] d = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            d[i] = java.util.Arrays.copyOf(rows[i], rows[i].length + 1);
            d[i][rows[i].length] = 1;
        }
        return d;
    }

    /** {@code (2/N)·X̃ᵀX̃}, the Hessian of the mean squared error. */
    static double[][] hessian(double[][] d) {
        int p = d[0].length;
        double[][] h = new double[p][p];
        for (double[] row : d) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    h[a][b] += 2 * row[a] * row[b] / d.length;
                }
            }
        }
        return h;
    }

    /** {@code (2/N)·X̃ᵀy}: minus the gradient at θ = 0, the right side of the normal equations. */
    static double[] gradientAtZero(double[][] d, double[] y) {
        double[] g = new double[d[0].length];
        for (int i = 0; i < d.length; i++) {
            for (int a = 0; a < g.length; a++) {
                g[a] += 2 * d[i][a] * y[i] / d.length;
            }
        }
        return g;
    }

    /** The largest eigenvalue of a symmetric positive semi-definite matrix, by power iteration. */
    static double largestEigenvalue(double[][] h) {
        int p = h.length;
        double[] v = new double[p];
        java.util.Arrays.fill(v, 1 / Math.sqrt(p));
        double lambda = 0;
        for (int it = 0; it < 1000; it++) {
            double[] w = new double[p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    w[a] += h[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double c : w) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            for (int a = 0; a < p; a++) {
                v[a] = w[a] / norm;
            }
            if (Math.abs(norm - lambda) <= 1e-12 * norm) {
                return norm;
            }
            lambda = norm;
        }
        return lambda;
    }

    /** Solves {@code a·θ = b} by Gaussian elimination with partial pivoting. */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] m = new double[p][];
        for (int i = 0; i < p; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], p + 1);
            m[i][p] = b[i];
        }
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < p; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= p; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = m[r][p];
            for (int k = r + 1; k < p; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    private static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 100) / 100.0;
        }
        return r;
    }
}
