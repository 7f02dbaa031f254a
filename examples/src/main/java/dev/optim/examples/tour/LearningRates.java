package dev.optim.examples.tour;

import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.experiment.LineFit;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.regression.RegressionData;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Point 3: loss curves of full-batch gradient descent for a learning rate too small (0.0001),
 * about right (0.01, the article's default) and too large. "Too large" is a quarter above the
 * stability limit {@code 2/λmax} of this data's loss (its Hessian's largest eigenvalue), so the
 * run provably diverges; the picture marks the step where it did.
 */
final class LearningRates implements TourStep {

    @Override
    public String title() {
        return "learning rates too small, about right, too large";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        RegressionData d = ctx.regressionData();
        double limit = LineFit.stabilityLimit(d);
        double large = new BigDecimal(1.25 * limit).round(new MathContext(2, RoundingMode.UP))
                .doubleValue();
        double[] rates = {0.0001, DataAndFit.LR, large};
        String[] labels = {"too small", "about right", "too large"};
        int steps = ctx.settings().pick(200, 60);
        double[] init = LineFit.articleInit(ctx.settings().seed());
        LineChart.Builder chart = LineChart.builder("Loss for three learning rates", "step",
                "loss (MSE over the data set)").logY(true)
                .subtitle("full-batch gradient descent on " + d.size() + " points; stability"
                        + " limit 2/λmax = " + Numbers.sig4(limit));
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < rates.length; i++) {
            DescentResult r = LineFit.run(d, Sgd.of(rates[i]), init, steps, d.size(), false,
                    ctx.settings().seed(), DataType.DOUBLE);
            int n = r.trajectory().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int k = 0; k < n; k++) {
                xs[k] = r.trajectory().step(k);
                ys[k] = r.trajectory().loss(k);
            }
            boolean diverged = r.reason() == StopReason.DIVERGED;
            String label = "lr " + Numbers.sig4(rates[i]) + ", " + labels[i]
                    + (diverged ? " (diverged at step " + r.divergedAtStep() + ")" : "");
            chart.series(label, xs, ys, diverged);
            if (diverged) {
                int last = n - 1;
                while (last > 0 && !Double.isFinite(ys[last])) {
                    last--;
                }
                chart.note("diverged at step " + r.divergedAtStep(), xs[last], ys[last]);
                result.append("lr ").append(Numbers.sig4(rates[i]))
                        .append(" > 2/λmax = ").append(Numbers.sig4(limit))
                        .append(": diverged at step ").append(r.divergedAtStep());
            } else {
                result.append("lr ").append(Numbers.sig4(rates[i])).append(": loss ")
                        .append(Numbers.sig4(ys[0])).append(" -> ")
                        .append(Numbers.sig4(r.loss())).append(" in ").append(steps)
                        .append(" steps; ");
            }
        }
        String name = ctx.png("3-learning-rates.png", chart.build());
        return List.of(new Finding(3, "the learning rate", result.toString(), List.of(name)));
    }
}
