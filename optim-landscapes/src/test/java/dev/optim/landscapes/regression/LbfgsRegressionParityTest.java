package dev.optim.landscapes.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Lbfgs;
import dev.optim.core.optimizer.LbfgsResult;
import dev.optim.core.optimizer.LbfgsStop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * L-BFGS on the article's line fit against PyTorch 1.13's {@code torch.optim.LBFGS}
 * ({@code fixtures/lbfgs/}, written by {@code tools/fixtures/gen_lbfgs_fixtures.py} on the 300
 * points of {@code fixtures/regression_points.csv}): the same evaluated points and values, the
 * same counts, the same final point, to 1e-12 relative.
 */
class LbfgsRegressionParityTest {

    private static final String DIR = "/fixtures/lbfgs/";

    static Stream<String> cases() {
        return lines(DIR + "index.txt").stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String file) throws IOException {
        RegressionObjective objective;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/regression_points.csv")) {
            objective = RegressionData.fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8),
                    "regression_points.csv").objective();
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<double[]> evals = new ArrayList<>();
        List<double[]> iters = new ArrayList<>();
        for (String line : lines(DIR + file)) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (!line.startsWith("kind") && !line.isBlank()) {
                String[] c = line.split(",");
                // f, x0, x1
                double[] row = {Double.parseDouble(c[3]), Double.parseDouble(c[5]),
                        Double.parseDouble(c[6])};
                (c[0].equals("eval") ? evals : iters).add(row);
            }
        }
        Lbfgs lbfgs = Lbfgs.builder().learningRate(Double.parseDouble(meta.get("lr")))
                .maxIterations(Integer.parseInt(meta.get("max_iter")))
                .maxEvaluations(Integer.parseInt(meta.get("max_eval")))
                .toleranceGrad(Double.parseDouble(meta.get("tolerance_grad")))
                .toleranceChange(Double.parseDouble(meta.get("tolerance_change")))
                .historySize(Integer.parseInt(meta.get("history_size")))
                .lineSearch(meta.get("line_search_fn").equals("strong_wolfe")
                        ? Lbfgs.LineSearch.STRONG_WOLFE : Lbfgs.LineSearch.NONE)
                .build();
        String[] s = meta.get("start").split(",");
        List<double[]> seen = new ArrayList<>();
        LbfgsResult r = lbfgs.minimize((x, g) -> {
            double f = objective.evaluate(x, g);
            seen.add(new double[] {f, x[0], x[1]});
            return f;
        }, new double[] {Double.parseDouble(s[0]), Double.parseDouble(s[1])});

        boolean unevaluatedLast = lbfgs.lineSearch() == Lbfgs.LineSearch.NONE
                && r.reason() == LbfgsStop.MAX_ITERATIONS;
        int torchEvals = Integer.parseInt(meta.get("func_evals"));
        assertEquals(torchEvals + (unevaluatedLast ? 1 : 0), r.evaluations(), file);
        assertEquals(Integer.parseInt(meta.get("n_iter")), r.iterations(), file);
        double worst = 0;
        for (int i = 0; i < evals.size(); i++) {
            worst = Math.max(worst, relative(evals.get(i), seen.get(i)));
        }
        double[] last = iters.get(iters.size() - 1);
        double[] p = r.point();
        worst = Math.max(worst, relative(new double[] {last[1], last[2]}, p));
        System.out.println("L-BFGS regression parity " + file + ": max relative error " + worst);
        assertTrue(worst <= 1e-12, file + ": max relative error " + worst);
    }

    private static double relative(double[] want, double[] got) {
        double worst = 0;
        for (int j = 0; j < want.length; j++) {
            worst = Math.max(worst, Math.abs(got[j] - want[j])
                    / Math.max(Math.abs(want[j]), Double.MIN_NORMAL));
        }
        return worst;
    }

    private static List<String> lines(String resource) {
        InputStream in = LbfgsRegressionParityTest.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
