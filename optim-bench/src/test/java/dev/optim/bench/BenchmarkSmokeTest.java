package dev.optim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
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

    @Test
    void everyBenchmarkRunsAndTheReportIsWritten(@TempDir Path dir) throws Exception {
        Options options = new OptionsBuilder()
                .include("dev\\.optim\\.bench\\.(UpdateStep|ManyTensors|Tier|Rosenbrock"
                        + "|MemoryBandwidth|LargeSet)Benchmark\\.")
                .param("optimizer", "adam")
                .param("dtype", "float32")
                .param("size", "1000")
                .param("tier", "plain", "nd4j")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(10))
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
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
                "RosenbrockBenchmark.descent", "RosenbrockBenchmark.optimStep",
                "RosenbrockBenchmark.floor", "RosenbrockBenchmark.nd4jUpdater",
                "MemoryBandwidthBenchmark.arrays", "MemoryBandwidthBenchmark.direct"), names);

        String section = ResultsReport.of(results).markdown("smoke", List.of("a test"));
        assertTrue(section.contains("| adam | float32 | 1,000 |"), section);
        assertTrue(section.contains("### Many tensors"), section);
        assertTrue(section.contains("| adam | 1,000 | nd4j |"), section);
        assertTrue(section.contains("steps/s"), section);
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
