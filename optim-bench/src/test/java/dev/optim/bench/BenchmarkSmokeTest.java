package dev.optim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark method once, for a few milliseconds, on small sizes and in this JVM, so
 * that the module never rots. Not a measurement: the numbers are not checked, only that each
 * benchmark runs and that the report is written.
 */
class BenchmarkSmokeTest {

    /** Every benchmark class of the module: a new one must be added here and to the suite. */
    @Test
    void theSuiteIncludesEveryBenchmarkClass() throws Exception {
        java.util.regex.Pattern include = java.util.regex.Pattern.compile(BenchmarkSuite.INCLUDE);
        Path dir = Path.of("src/main/java/dev/optim/bench");
        List<String> classes;
        try (var files = Files.list(dir)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith("Benchmark.java"))
                    .map(f -> f.substring(0, f.length() - ".java".length())).sorted().toList();
        }
        assertEquals(11, classes.size(), classes.toString());
        for (String c : classes) {
            assertTrue(include.matcher("dev.optim.bench." + c + ".x").lookingAt(), c);
        }
    }

    @Test
    void onlyNamesBenchmarkClasses() {
        assertEquals("Detector|Catalogue", BenchmarkSuite.only("Detector|Catalogue"));
        for (String bad : new String[] {"Detectors", "Detector|", "Detector.*", "detector", ""}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> BenchmarkSuite.only(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void everyBenchmarkRunsAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        ChainedOptionsBuilder quick = new OptionsBuilder()
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
        Options kernels = new OptionsBuilder().parent(quick.build())
                .include("dev\\.optim\\.bench\\.(UpdateStep|ManyTensors|Tier|Rosenbrock"
                        + "|MemoryBandwidth|LargeSet)Benchmark\\.")
                .param("optimizer", "adam")
                .param("dtype", "float32")
                .param("size", "1000")
                .param("tier", "plain", "nd4j")
                .build();
        // The catalogue's own optimizers (one with an ND4J counterpart, one without), and the
        // networks and the search at small sizes.
        Options others = new OptionsBuilder().parent(quick.build())
                .include("dev\\.optim\\.bench\\.(Catalogue|SameDiffTraining|Search|Detector|Sharpness)"
                        + "Benchmark\\.")
                .param("optimizer", "adagrad", "schedule-free-adamw")
                .param("size", "1000")
                .param("batch", "4")
                .param("finished", "30")
                .param("threads", "2")
                .param("imageSize", "16")
                .param("channels", "4,4")
                .param("products", "2")
                .param("side", "2")
                .build();
        List<RunResult> results = new ArrayList<>(new Runner(kernels).run());
        results.addAll(new Runner(others).run());
        Set<String> names = new HashSet<>();
        for (RunResult r : results) {
            String b = r.getParams().getBenchmark();
            names.add(b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1));
            assertTrue(r.getPrimaryResult().getScore() > 0, b);
        }
        assertEquals(Set.of("UpdateStepBenchmark.optim", "UpdateStepBenchmark.floor",
                "UpdateStepBenchmark.nd4jUpdater", "UpdateStepBenchmark.nd4jNaive",
                "ManyTensorsBenchmark.optim", "ManyTensorsBenchmark.floor",
                "ManyTensorsBenchmark.nd4jUpdater", "ManyTensorsBenchmark.optimSet",
                "ManyTensorsBenchmark.optimSetFlat", "ManyTensorsBenchmark.optimSetAllCores",
                "LargeSetBenchmark.optimSet", "LargeSetBenchmark.optimSetAllCores",
                "LargeSetBenchmark.floor", "LargeSetBenchmark.floor2Threads",
                "LargeSetBenchmark.nd4jUpdater", "TierBenchmark.step",
                "RosenbrockBenchmark.descent", "RosenbrockBenchmark.descentFloat32",
                "RosenbrockBenchmark.optimStep",
                "RosenbrockBenchmark.floor", "RosenbrockBenchmark.nd4jUpdater",
                "MemoryBandwidthBenchmark.arrays", "MemoryBandwidthBenchmark.direct",
                "CatalogueBenchmark.optim", "CatalogueBenchmark.floor",
                "CatalogueBenchmark.nd4jUpdater",
                "SameDiffTrainingBenchmark.stepNd4jAdam", "SameDiffTrainingBenchmark.stepOptimAdam",
                "SameDiffTrainingBenchmark.updateNd4jAdam",
                "SameDiffTrainingBenchmark.updateOptimAdam",
                "SearchBenchmark.proposeBayes", "SearchBenchmark.proposeRandom",
                "SearchBenchmark.trials",
                "DetectorBenchmark.step", "DetectorBenchmark.gradient", "DetectorBenchmark.forward",
                "DetectorBenchmark.forwardLoss", "DetectorBenchmark.lossGraph",
                "DetectorBenchmark.lossHost", "SharpnessBenchmark.lanczos",
                "SharpnessBenchmark.slice"), names);

        String section = ResultsReport.of(results).markdown("smoke", List.of("a test"));
        assertTrue(section.contains("| adam | float32 | 1,000 |"), section);
        assertTrue(section.contains("### Many tensors"), section);
        assertTrue(section.contains("| adam | 1,000 | nd4j |"), section);
        assertTrue(section.contains("steps/s"), section);
        assertTrue(section.contains("### YOLO detector, one batch"), section);
        assertTrue(section.contains("lossGraph ÷ lossHost: "), section);
        assertTrue(section.contains("| `CatalogueBenchmark.optim` | optimizer=schedule-free-adamw, size=1000 |"),
                section);
        assertTrue(section.contains("`SearchBenchmark.trials`"), section);
        Path out = dir.resolve("docs/benchmarks.md");
        BenchmarkSuite.write(out, "k", section);
        BenchmarkSuite.write(out, "k", section);
        String doc = Files.readString(out);
        assertEquals(doc.indexOf("## smoke"), doc.lastIndexOf("## smoke"), "one section per key");
    }

    @Test
    void aJmhResultFileRendersLikeTheRun() {
        String json = "[{\"benchmark\": \"dev.optim.bench.UpdateStepBenchmark.optim\","
                + " \"params\": {\"dtype\": \"float32\", \"optimizer\": \"adam\", \"size\": \"1000\"},"
                + " \"primaryMetric\": {\"score\": 1500.0, \"scoreError\": \"NaN\","
                + " \"scoreUnit\": \"ns/op\"}, \"secondaryMetrics\": {\"gc.alloc.rate.norm\":"
                + " {\"score\": 0.01, \"scoreUnit\": \"B/op\"}}},"
                + " {\"benchmark\": \"dev.optim.bench.RosenbrockBenchmark.descent\","
                + " \"primaryMetric\": {\"score\": 2.5E6, \"scoreError\": 1.0E4,"
                + " \"scoreUnit\": \"ops/s\"}, \"secondaryMetrics\": {}}]";
        String section = ResultsReport.ofJson(json).markdown("t", List.of());
        assertTrue(section.contains("| adam | float32 | 1,000 | 1,500 ± NaN | 18.7 |"), section);
        assertTrue(section.contains("| 2,500,000 steps/s | yes |"), section);
        assertTrue(section.contains("at most 0.01 B/step"), section);
    }

    /** The detector's ratios, from scores chosen so that each ratio is a round number. */
    @Test
    void theDetectorRatiosAreWorkedOutFromTheRun() {
        StringBuilder json = new StringBuilder("[");
        String[][] rows = {{"step", "1000"}, {"gradient", "900"}, {"forward", "300"},
            {"forwardLoss", "400"}, {"lossGraph", "200"}, {"lossHost", "50"}};
        for (String[] r : rows) {
            json.append(json.length() > 1 ? ", " : "").append("{\"benchmark\": ")
                    .append("\"dev.optim.bench.DetectorBenchmark.").append(r[0]).append("\",")
                    .append(" \"params\": {\"batch\": \"32\", \"channels\": \"16,32\"},")
                    .append(" \"primaryMetric\": {\"score\": ").append(r[1])
                    .append(", \"scoreError\": 1.0, \"scoreUnit\": \"us/op\"}}");
        }
        json.append("]");
        String section = ResultsReport.ofJson(json.toString()).markdown("t", List.of());
        assertTrue(section.contains("Configuration `{batch=32, channels=16,32}`."), section);
        assertTrue(section.contains("| 400 ± 1 | 0.40 |"), section);
        assertTrue(section.contains("(step − gradient) ÷ step: 0.10\n"), section);
        assertTrue(section.contains("(forwardLoss − forward) ÷ step: 0.10\n"), section);
        assertTrue(section.contains("in a graph of its own, lossGraph ÷ step: 0.20\n"), section);
        assertTrue(section.contains("lossGraph ÷ lossHost: 4.00\n"), section);
        assertTrue(!section.contains("### Other benchmarks"), section);
    }

    @Test
    void sectionsAreReplacedInPlace() {
        String doc = "# Title\n\nprose\n";
        doc = ResultsReport.merge(doc, "jdk25", "A\n");
        doc = ResultsReport.merge(doc, "jdk17", "B\n");
        doc = ResultsReport.merge(doc, "jdk25", "C\n");
        assertEquals("# Title\n\nprose\n\n<!-- results:jdk25 -->\nC\n<!-- /results:jdk25 -->\n\n"
                + "<!-- results:jdk17 -->\nB\n<!-- /results:jdk17 -->\n", doc);
    }

    @Test
    void theManyTensorsCaseHoldsAMillionParametersIn200Tensors() {
        int[] sizes = Workload.manyTensorSizes();
        assertEquals(200, sizes.length);
        long total = 0;
        for (int s : sizes) {
            assertTrue(s > 0);
            total += s;
        }
        assertEquals(1_000_000, total);
    }
}
