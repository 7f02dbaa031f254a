package dev.optim.core.optimizer;

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

/**
 * One PyTorch L-BFGS run written by {@code tools/fixtures/gen_lbfgs_fixtures.py}: its settings,
 * every evaluation (point, value, gradient norm) and every iterate (point, evaluations so far).
 *
 * @param name the case
 * @param meta the {@code # key: value} lines
 * @param evals the evaluations, each {@code f, |g|, x...}
 * @param iters the iterates, each {@code n, f, |g|, x...}
 */
record LbfgsFixture(String name, Map<String, String> meta, List<double[]> evals,
        List<double[]> iters) {

    /**
     * Every case of {@code index.txt} in a resource directory.
     *
     * @param owner a class of the module whose resources hold the directory
     * @param dir the directory, as {@code "/fixtures/lbfgs/"}
     * @return the cases
     */
    static List<LbfgsFixture> all(Class<?> owner, String dir) {
        List<LbfgsFixture> cases = new ArrayList<>();
        for (String line : lines(owner, dir + "index.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(load(owner, dir + line.trim()));
            }
        }
        return cases;
    }

    static LbfgsFixture load(Class<?> owner, String resource) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<double[]> evals = new ArrayList<>();
        List<double[]> iters = new ArrayList<>();
        boolean header = false;
        for (String line : lines(owner, resource)) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (!header) {
                header = true;
            } else if (!line.isBlank()) {
                String[] c = line.split(",");
                List<double[]> into = c[0].equals("eval") ? evals : iters;
                if (Integer.parseInt(c[1]) != into.size() + 1) {
                    throw new IllegalStateException(resource + ": row " + line + " out of order");
                }
                // eval rows: f, |g|, x... (their 'evals' column repeats the index);
                // iter rows: n, f, |g|, x...
                int first = into == evals ? 3 : 2;
                double[] row = new double[c.length - first];
                for (int i = first; i < c.length; i++) {
                    row[i - first] = Double.parseDouble(c[i]);
                }
                into.add(row);
            }
        }
        return new LbfgsFixture(meta.get("case"), meta, evals, iters);
    }

    /**
     * The configuration the case was run with.
     *
     * @return the L-BFGS configuration
     */
    Lbfgs config() {
        Lbfgs.Builder b = Lbfgs.builder()
                .learningRate(Double.parseDouble(meta.get("lr")))
                .maxIterations(Integer.parseInt(meta.get("max_iter")))
                .maxEvaluations(Integer.parseInt(meta.get("max_eval")))
                .historySize(Integer.parseInt(meta.get("history_size")))
                .lineSearch(meta.get("line_search_fn").equals("strong_wolfe")
                        ? Lbfgs.LineSearch.STRONG_WOLFE : Lbfgs.LineSearch.NONE);
        if (!meta.get("tolerance_grad").equals("None")) {
            b.toleranceGrad(Double.parseDouble(meta.get("tolerance_grad")));
        }
        if (!meta.get("tolerance_change").equals("None")) {
            b.toleranceChange(Double.parseDouble(meta.get("tolerance_change")));
        }
        return b.build();
    }

    /**
     * The start point.
     *
     * @return the start
     */
    double[] start() {
        String[] c = meta.get("start").split(",");
        double[] s = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            s[i] = Double.parseDouble(c[i]);
        }
        return s;
    }

    /**
     * An integer setting or counter.
     *
     * @param key the key
     * @return its value
     */
    int integer(String key) {
        return Integer.parseInt(meta.get(key));
    }

    private static List<String> lines(Class<?> owner, String resource) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
