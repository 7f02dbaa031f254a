package dev.optim.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns one suite run into a Markdown section: the machine, then tables of nanoseconds per step,
 * bandwidth and ratios against the baselines of the same run, and the targets met or not.
 */
final class ResultsReport {

    private static final String[] OPTIMIZERS = {"sgd", "momentum", "rmsprop", "adam"};
    private static final String[] DTYPES = {"float32", "float64"};
    private static final int BIG = 10_000_000;

    /** One measured score. */
    record Score(double value, double error, String unit, double allocBytes) {}

    private final Map<String, Score> scores = new HashMap<>();
    private final List<String> sizes = new ArrayList<>();
    private final List<String> tiers = new ArrayList<>();
    private final List<String> tierSizes = new ArrayList<>();

    private ResultsReport() {}

    /** A report of the results of a run. */
    static ResultsReport of(Collection<RunResult> results) {
        ResultsReport report = new ResultsReport();
        for (RunResult r : results) {
            Map<String, String> params = new TreeMap<>();
            for (String key : r.getParams().getParamsKeys()) {
                params.put(key, r.getParams().getParam(key));
            }
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            Result<?> primary = r.getPrimaryResult();
            report.add(r.getParams().getBenchmark(), params, new Score(primary.getScore(),
                    primary.getScoreError(), primary.getScoreUnit(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        return report;
    }

    /**
     * A report of a JMH result file in JSON ({@code -rf json}).
     *
     * @param json the file's text
     * @return the report
     * @throws IllegalArgumentException if the text is not a JMH result file
     */
    @SuppressWarnings("unchecked")
    static ResultsReport ofJson(String json) {
        ResultsReport report = new ResultsReport();
        for (Object o : (List<Object>) Json.parse(json)) {
            Map<String, Object> r = (Map<String, Object>) o;
            Map<String, String> params = new TreeMap<>();
            Object p = r.get("params");
            if (p != null) {
                for (Map.Entry<String, Object> e : ((Map<String, Object>) p).entrySet()) {
                    params.put(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            Map<String, Object> primary = (Map<String, Object>) r.get("primaryMetric");
            Map<String, Object> secondary = (Map<String, Object>) r.get("secondaryMetrics");
            Map<String, Object> alloc = secondary == null ? null
                    : (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
            report.add((String) r.get("benchmark"), params, new Score(number(primary.get("score")),
                    number(primary.get("scoreError")), (String) primary.get("scoreUnit"),
                    alloc == null ? Double.NaN : number(alloc.get("score"))));
        }
        return report;
    }

    private static double number(Object o) {
        return o instanceof Double d ? d : Double.parseDouble(String.valueOf(o));
    }

    private void add(String benchmark, Map<String, String> params, Score score) {
        String name = benchmark.substring(
                benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        scores.put(key(name, params), score);
        String size = params.get("size");
        if (name.startsWith("UpdateStepBenchmark") && size != null && !sizes.contains(size)) {
            sizes.add(size);
            sizes.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        }
        String tier = params.get("tier");
        if (tier != null && !tiers.contains(tier)) {
            tiers.add(tier);
        }
        if (tier != null && size != null && !tierSizes.contains(size)) {
            tierSizes.add(size);
        }
    }

    private static String key(String name, Map<String, String> params) {
        return name + params;
    }

    /** The score of a benchmark with the given parameters (key=value pairs), or null. */
    Score score(String name, String... params) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return scores.get(key(name, map));
    }

    /** Whether the run measured anything. */
    boolean isEmpty() {
        return scores.isEmpty();
    }

    /**
     * The Markdown section.
     *
     * @param title the section's heading
     * @param machine lines describing the machine and the run
     * @return the section, ending with a newline
     */
    String markdown(String title, List<String> machine) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        for (String line : machine) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');
        targets(md);
        updateStep(md);
        manyTensors(md);
        tiers(md);
        rosenbrock(md);
        bandwidth(md);
        detector(md);
        others(md);
        return md.toString();
    }

    private void targets(StringBuilder out) {
        StringBuilder md = new StringBuilder();
        String big = Integer.toString(BIG);
        for (String opt : OPTIMIZERS) {
            Score optim = score("UpdateStepBenchmark.optim", "dtype", "float32", "optimizer", opt,
                    "size", big);
            Score floor = score("UpdateStepBenchmark.floor", "dtype", "float32", "optimizer", opt,
                    "size", big);
            if (optim != null && floor != null) {
                double r = optim.value() / floor.value();
                row(md, opt + ", 10M float32: step ≤ 1.3 × fused-loop floor",
                        fmt(r) + " ×", r <= 1.3);
            }
        }
        for (String opt : new String[] {"rmsprop", "adam"}) {
            Score optim = score("UpdateStepBenchmark.optim", "dtype", "float32", "optimizer", opt,
                    "size", big);
            Score nd4j = score("UpdateStepBenchmark.nd4jUpdater", "dtype", "float32",
                    "optimizer", opt, "size", big);
            if (optim != null && nd4j != null) {
                double r = nd4j.value() / optim.value();
                row(md, opt + ", 10M float32: ≥ 4 × faster than ND4J's updater",
                        fmt(r) + " ×", r >= 4);
            }
        }
        for (String opt : OPTIMIZERS) {
            for (String dtype : DTYPES) {
                Score optim = score("ManyTensorsBenchmark.optim", "dtype", dtype, "optimizer", opt);
                Score nd4j = score("ManyTensorsBenchmark.nd4jUpdater", "dtype", dtype,
                        "optimizer", opt);
                if (optim != null && nd4j != null) {
                    double r = nd4j.value() / optim.value();
                    row(md, opt + ", 200 tensors / 1M " + dtype
                            + ": ≥ 3 × faster than ND4J's updaters", fmt(r) + " ×", r >= 3);
                }
            }
        }
        Score descent = score("RosenbrockBenchmark.descent");
        if (descent != null) {
            row(md, "Adam on 2-D Rosenbrock through Descent: ≥ 1M steps/s",
                    String.format(Locale.ROOT, "%,.0f steps/s", descent.value()),
                    descent.value() >= 1e6);
        }
        Score descentFloat = score("RosenbrockBenchmark.descentFloat32");
        if (descentFloat != null) {
            row(md, "float32 Adam on 2-D Rosenbrock through Descent (INDArray start): ≥ 1M steps/s",
                    String.format(Locale.ROOT, "%,.0f steps/s", descentFloat.value()),
                    descentFloat.value() >= 1e6);
        }
        double worst = Double.NaN;
        String worstCase = "";
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            String k = e.getKey();
            boolean small = k.startsWith("UpdateStepBenchmark.optim{")
                    && (k.endsWith("size=2}") || k.endsWith("size=1000}"));
            boolean plain = k.startsWith("RosenbrockBenchmark.optimStep")
                    || k.startsWith("RosenbrockBenchmark.descent");
            double alloc = e.getValue().allocBytes();
            if ((small || plain) && !Double.isNaN(alloc) && !(alloc <= worst)) {
                worst = alloc;
                worstCase = k;
            }
        }
        if (!Double.isNaN(worst)) {
            row(md, "no allocation per step: `gc.alloc.rate.norm` of every Optim step that is "
                    + "short enough for the fork's background allocation to vanish per operation "
                    + "(INDArray steps of 2 and 1,000 parameters, all optimizers and types; "
                    + "Rosenbrock through `step(double[])` and `Descent`, double[] and float32)",
                    "at most " + fmt(worst) + " B/step (" + worstCase + ")", worst < 1);
        }
        if (md.length() > 0) {
            out.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n").append(md)
                    .append('\n');
        }
    }

    private static void row(StringBuilder md, String target, String measured, boolean met) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }

    private void updateStep(StringBuilder md) {
        if (sizes.isEmpty()) {
            return;
        }
        md.append("### One update step\n\n");
        md.append("ns per step (± the 99.9% error JMH reports); GB/s = bytes moved per step "
                + "(θ, g read, θ written, each state buffer read and written) / time; "
                + "ratios from the same run; alloc = `gc.alloc.rate.norm` of the Optim step. JMH counts "
                + "the allocations of every thread of the fork (ND4J's and the JVM's too, some tens "
                + "of kB/s), so steps of milliseconds show that background, not their own "
                + "allocation; the short steps show what a step allocates.\n\n");
        md.append("| optimizer | dtype | size | Optim ns | Optim GB/s | floor ns | Optim ÷ floor "
                + "| ND4J updater ns | ND4J ÷ Optim | naive ND4J ns | naive ÷ Optim "
                + "| alloc B/op |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String opt : OPTIMIZERS) {
            for (String dtype : DTYPES) {
                for (String size : sizes) {
                    String[] p = {"dtype", dtype, "optimizer", opt, "size", size};
                    Score optim = score("UpdateStepBenchmark.optim", p);
                    Score floor = score("UpdateStepBenchmark.floor", p);
                    Score nd4j = score("UpdateStepBenchmark.nd4jUpdater", p);
                    Score naive = score("UpdateStepBenchmark.nd4jNaive", p);
                    if (optim == null && floor == null && nd4j == null && naive == null) {
                        continue;
                    }
                    long n = Long.parseLong(size);
                    md.append("| ").append(opt).append(" | ").append(dtype).append(" | ")
                            .append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
                            .append(ns(optim)).append(" | ")
                            .append(gbs(optim, n * Workload.bytesPerParameter(opt, dtype)))
                            .append(" | ").append(ns(floor)).append(" | ")
                            .append(ratio(optim, floor)).append(" | ").append(ns(nd4j))
                            .append(" | ").append(ratio(nd4j, optim)).append(" | ")
                            .append(ns(naive)).append(" | ").append(ratio(naive, optim))
                            .append(" | ").append(alloc(optim)).append(" |\n");
                }
            }
        }
        md.append('\n');
    }

    private void manyTensors(StringBuilder md) {
        StringBuilder rows = new StringBuilder();
        for (String opt : OPTIMIZERS) {
            for (String dtype : DTYPES) {
                String[] p = {"dtype", dtype, "optimizer", opt};
                Score optim = score("ManyTensorsBenchmark.optim", p);
                Score floor = score("ManyTensorsBenchmark.floor", p);
                Score nd4j = score("ManyTensorsBenchmark.nd4jUpdater", p);
                if (optim == null && floor == null && nd4j == null) {
                    continue;
                }
                rows.append("| ").append(opt).append(" | ").append(dtype).append(" | ")
                        .append(ns(optim)).append(" | ")
                        .append(gbs(optim, 1_000_000L * Workload.bytesPerParameter(opt, dtype)))
                        .append(" | ").append(ns(floor)).append(" | ").append(ratio(optim, floor))
                        .append(" | ").append(ns(nd4j)).append(" | ").append(ratio(nd4j, optim))
                        .append(" | ").append(alloc(optim)).append(" |\n");
            }
        }
        if (rows.length() == 0) {
            return;
        }
        md.append("### Many tensors: 200 tensors, 1,000,000 parameters, one step each\n\n");
        md.append("| optimizer | dtype | Optim ns | Optim GB/s | floor ns | Optim ÷ floor "
                + "| ND4J updaters ns | ND4J ÷ Optim | alloc B/op |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n").append(rows).append('\n');
    }

    private void tiers(StringBuilder md) {
        if (tiers.isEmpty()) {
            return;
        }
        md.append("### Kernel tiers, float32\n\n");
        md.append("`TierBenchmark`: the same `Optimizer.step` with each tier forced; the floor is "
                + "`UpdateStepBenchmark.floor` of the same run.\n\n");
        md.append("| optimizer | size | tier | ns | GB/s | ÷ floor | alloc B/op |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|\n");
        for (String size : tierSizes) {
            long n = Long.parseLong(size);
            for (String opt : OPTIMIZERS) {
                Score floor = score("UpdateStepBenchmark.floor", "dtype", "float32", "optimizer",
                        opt, "size", size);
                for (String tier : tiers) {
                    Score s = score("TierBenchmark.step", "dtype", "float32", "optimizer", opt,
                            "size", size, "tier", tier);
                    if (s == null) {
                        continue;
                    }
                    md.append("| ").append(opt).append(" | ")
                            .append(String.format(Locale.ROOT, "%,d", n)).append(" | ")
                            .append(tier).append(" | ").append(ns(s)).append(" | ")
                            .append(gbs(s, n * Workload.bytesPerParameter(opt, "float32")))
                            .append(" | ").append(ratio(s, floor)).append(" | ").append(alloc(s))
                            .append(" |\n");
                }
            }
        }
        md.append('\n');
    }

    private void rosenbrock(StringBuilder md) {
        String[][] rows = {
            {"descent", "Optim `Descent.run` (gradient, norm, stop rules, step)"},
            {"descentFloat32", "Optim `Descent.run` from a float32 INDArray start"},
            {"optimStep", "Optim `Optimizer.step(double[], …)` + gradient"},
            {"floor", "plain Java doubles"},
            {"nd4jUpdater", "ND4J's Adam updater, scalar access"},
        };
        StringBuilder body = new StringBuilder();
        for (String[] r : rows) {
            Score s = score("RosenbrockBenchmark." + r[0]);
            if (s != null) {
                body.append("| ").append(r[1]).append(" | ")
                        .append(String.format(Locale.ROOT, "%,.0f", s.value())).append(" | ")
                        .append(alloc(s)).append(" |\n");
            }
        }
        if (body.length() == 0) {
            return;
        }
        md.append("### Adam on 2-D Rosenbrock, gradient included\n\n");
        md.append("| how | steps/s | alloc B/op |\n|---|---:|---:|\n").append(body).append('\n');
    }

    private void bandwidth(StringBuilder md) {
        StringBuilder body = new StringBuilder();
        for (String how : new String[] {"arrays", "direct"}) {
            Score s = score("MemoryBandwidthBenchmark." + how, "size", Integer.toString(BIG));
            if (s != null) {
                body.append("| ").append(how.equals("arrays") ? "`System.arraycopy`, float[]"
                        : "bulk put, direct ByteBuffers").append(" | ").append(ns(s)).append(" | ")
                        .append(gbs(s, 2L * 4 * BIG)).append(" |\n");
            }
        }
        if (body.length() == 0) {
            return;
        }
        md.append("### Memory-copy bandwidth, 40 MB (read + written bytes)\n\n");
        md.append("| copy | ns | GB/s |\n|---|---:|---:|\n").append(body).append('\n');
    }

    private static final String[][] DETECTOR_ROWS = {
        {"step", "forward + backward + Adam update (`objective.evaluate` + `Adam.step`)"},
        {"gradient", "forward + backward, loss included (`objective.evaluate`)"},
        {"forward", "the network's forward pass alone"},
        {"forwardLoss", "forward pass and YOLO loss"},
        {"lossGraph", "`YoloLossGraph` alone: loss and ∂L/∂P on the network's output"},
        {"lossHost", "`YoloLoss.valueAndGradient` on the host, same P"},
    };

    private void detector(StringBuilder md) {
        List<String> configs = new ArrayList<>();
        for (String k : scores.keySet()) {
            if (k.startsWith("DetectorBenchmark.")) {
                String config = k.substring(k.indexOf('{'));
                if (!configs.contains(config)) {
                    configs.add(config);
                }
            }
        }
        if (configs.isEmpty()) {
            return;
        }
        configs.sort(null);
        md.append("### YOLO detector, one batch (`DetectorBenchmark`)\n\n");
        for (String config : configs) {
            md.append("Configuration `").append(config).append("`.\n\n");
            md.append("| row | what | µs | ÷ step | alloc B/op |\n|---|---|---:|---:|---:|\n");
            Score step = scores.get("DetectorBenchmark.step" + config);
            for (String[] r : DETECTOR_ROWS) {
                Score s = scores.get("DetectorBenchmark." + r[0] + config);
                if (s != null) {
                    md.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ")
                            .append(ns(s)).append(" | ").append(ratio(s, step)).append(" | ")
                            .append(alloc(s)).append(" |\n");
                }
            }
            md.append('\n');
            Score gradient = scores.get("DetectorBenchmark.gradient" + config);
            Score forward = scores.get("DetectorBenchmark.forward" + config);
            Score forwardLoss = scores.get("DetectorBenchmark.forwardLoss" + config);
            Score graph = scores.get("DetectorBenchmark.lossGraph" + config);
            Score host = scores.get("DetectorBenchmark.lossHost" + config);
            StringBuilder ratios = new StringBuilder();
            if (step != null && gradient != null) {
                ratios.append("- the update's share of a step, (step − gradient) ÷ step: ")
                        .append(fmt((step.value() - gradient.value()) / step.value()))
                        .append('\n');
            }
            if (step != null && forward != null && forwardLoss != null) {
                ratios.append("- the loss's forward share, (forwardLoss − forward) ÷ step: ")
                        .append(fmt((forwardLoss.value() - forward.value()) / step.value()))
                        .append('\n');
            }
            if (step != null && graph != null) {
                ratios.append("- the loss's forward and backward in a graph of its own, "
                        + "lossGraph ÷ step: ").append(ratio(graph, step)).append('\n');
            }
            if (graph != null && host != null) {
                ratios.append("- the loss in SameDiff against the host, lossGraph ÷ lossHost: ")
                        .append(ratio(graph, host)).append('\n');
            }
            if (ratios.length() > 0) {
                md.append(ratios).append('\n');
            }
        }
    }

    /** Whether a table above shows the score of this key. */
    private static boolean shownAbove(String key) {
        String name = key.substring(0, key.indexOf('{'));
        return name.startsWith("UpdateStepBenchmark.") || name.startsWith("TierBenchmark.")
                || name.startsWith("RosenbrockBenchmark.") || name.startsWith("DetectorBenchmark.")
                || (name.startsWith("MemoryBandwidthBenchmark.") && key.contains("size=" + BIG))
                || name.equals("ManyTensorsBenchmark.optim")
                || name.equals("ManyTensorsBenchmark.floor")
                || name.equals("ManyTensorsBenchmark.nd4jUpdater");
    }

    private void others(StringBuilder md) {
        List<String> keys = new ArrayList<>();
        for (String k : scores.keySet()) {
            if (!shownAbove(k)) {
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        keys.sort(null);
        md.append("### Other benchmarks\n\n");
        md.append("Every other row of the run, as JMH reports it (± the 99.9% error); "
                + "docs/benchmarks.md reads them above the line.\n\n");
        md.append("| benchmark | parameters | score | alloc B/op |\n|---|---|---:|---:|\n");
        for (String k : keys) {
            Score s = scores.get(k);
            int brace = k.indexOf('{');
            String params = k.substring(brace + 1, k.length() - 1);
            md.append("| `").append(k, 0, brace).append("` | ")
                    .append(params.isEmpty() ? "–" : params).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.3f ± %,.3f %s", s.value(), s.error(),
                            s.unit()))
                    .append(" | ").append(alloc(s)).append(" |\n");
        }
        md.append('\n');
    }

    private static String ns(Score s) {
        if (s == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", s.value(), s.error());
    }

    private static String gbs(Score s, long bytes) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.1f", bytes / s.value());
    }

    private static String ratio(Score a, Score b) {
        return a == null || b == null ? "–" : fmt(a.value() / b.value());
    }

    private static String alloc(Score s) {
        return s == null || Double.isNaN(s.allocBytes()) ? "–"
                : String.format(Locale.ROOT, "%.1f", s.allocBytes());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * Puts {@code section} between the markers for {@code key} in {@code document}, replacing
     * what they held, or appends it with its markers.
     *
     * @param document the document
     * @param key the section's key
     * @param section the new section
     * @return the new document
     */
    static String merge(String document, String key, String section) {
        String begin = "<!-- results:" + key + " -->";
        String end = "<!-- /results:" + key + " -->";
        String block = begin + "\n" + section + end;
        int b = document.indexOf(begin);
        int e = document.indexOf(end);
        if (b >= 0 && e > b) {
            return document.substring(0, b) + block + document.substring(e + end.length());
        }
        return document + (document.endsWith("\n") || document.isEmpty() ? "" : "\n") + "\n"
                + block + "\n";
    }
}
