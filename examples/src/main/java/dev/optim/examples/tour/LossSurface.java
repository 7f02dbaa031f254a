package dev.optim.examples.tour;

import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.experiment.LineFit;
import dev.optim.examples.experiment.Surfaces;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.ContourChart;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Surface;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import java.io.IOException;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Point 2: the regression loss surface over slope × intercept in [−5, 5]² with log-spaced
 * contours, the ground truth (blue dot), the initialisation (red dot), and the trajectories of
 * mini-batch gradient descent with batch sizes 1, 24 and 300 (the article's choices), each
 * making the same number of updates at the article's default rate, batches in order.
 */
final class LossSurface implements TourStep {

    static final int[] BATCHES = {1, 24, 300};

    @Override
    public String title() {
        return "regression loss surface and batch sizes 1, 24, 300";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        RegressionData d = ctx.regressionData();
        int res = ctx.settings().pick(160, 40);
        Surface surface = d.lossSurface(Grid.square(-RegressionData.SURFACE_BOUND,
                RegressionData.SURFACE_BOUND, res));
        double[] init = LineFit.articleInit(ctx.settings().seed());
        int updates = ctx.settings().pick(300, 100);
        Line ls = d.leastSquares();
        ContourChart.Builder chart = ContourChart.builder("Regression loss surface",
                "slope", "intercept", Surfaces.toGrid(surface)).valueLabel("MSE")
                .subtitle(d.size() + " points; mini-batch GD, lr " + DataAndFit.LR + ", "
                        + updates + " updates each, batches in order");
        StringBuilder result = new StringBuilder("after " + updates + " updates:");
        for (int b : BATCHES) {
            int batch = Math.min(b, d.size());
            DescentResult r = LineFit.run(d, Sgd.of(DataAndFit.LR), init, updates, batch, false,
                    ctx.settings().seed(), DataType.DOUBLE);
            double[] p = r.parameters();
            double dist = Math.hypot(p[0] - ls.slope(), p[1] - ls.intercept());
            double epochs = (double) updates * batch / d.size();
            double shown = Math.round(epochs * 10) / 10.0;
            chart.path("batch size " + batch + " (" + Numbers.sig4(shown)
                    + (shown == 1 ? " epoch)" : " epochs)"), column(r, 0), column(r, 1));
            result.append(" batch ").append(batch).append(": loss ")
                    .append(Numbers.sig4(r.loss())).append(", ")
                    .append(Numbers.sig4(dist)).append(" from the least-squares fit;");
        }
        Line truth = d.truth().orElseThrow();
        chart.point("ground truth", truth.slope(), truth.intercept(), Charts.TRUTH);
        chart.point("initialisation", init[0], init[1], Charts.INIT);
        String name = ctx.png("2-regression-surface.png", chart.build());
        result.setLength(result.length() - 1);
        result.append(" (smaller batches: more, noisier updates)");
        return List.of(new Finding(2, "the loss landscape, initialisation and batch size",
                result.toString(), List.of(name)));
    }

    static double[] column(DescentResult r, int i) {
        double[] v = new double[r.trajectory().size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.trajectory().param(k, i);
        }
        return v;
    }
}
