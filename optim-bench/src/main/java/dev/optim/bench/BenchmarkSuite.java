package dev.optim.bench;

import dev.optim.core.kernel.Kernels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the whole benchmark suite, every benchmark class of the module (about 20–25 minutes on
 * 2 cores: one JMH fork per benchmark and parameter combination), with JMH's GC profiler and
 * writes its results into a section of a Markdown file, keyed by JDK and kernel tier, so that
 * runs on different JDKs sit side by side.
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp benchmarks.jar dev.optim.bench.BenchmarkSuite \
 *     [--out docs/benchmarks.md] [--json results.json] [--quick] [--only CLASS]
 * java -cp benchmarks.jar dev.optim.bench.BenchmarkSuite --render results.json [--out FILE]
 * </pre>
 *
 * <p>{@code --only Detector} (a benchmark class without its {@code Benchmark} suffix, or several
 * joined by {@code |}) runs those classes alone, into a section of their own, keyed and titled
 * with their names, and prints the section. {@code --quick} runs every benchmark once, briefly, on small sizes only, in this JVM: a check
 * that the suite works, not a measurement. {@code --json} keeps JMH's results, and beside them
 * ({@code results.json.meta}) the section's key, title and machine lines, from which
 * {@code --render} writes the section again without running anything.
 */
public final class BenchmarkSuite {

    /** Every benchmark class of the module, as a JMH include pattern. */
    static final String INCLUDE = "dev\\.optim\\.bench\\.(UpdateStep|ManyTensors|LargeSet|Tier"
            + "|Rosenbrock|MemoryBandwidth|Catalogue|SameDiffTraining|Search|Detector|Sharpness)Benchmark\\.";

    private BenchmarkSuite() {}

    /**
     * Runs the suite.
     *
     * @param args {@code --out FILE}, {@code --json FILE}, {@code --quick}, {@code --only CLASS},
     *     {@code --render FILE}
     * @throws RunnerException if JMH fails
     * @throws IOException if the report cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of("docs/benchmarks.md");
        Path json = null;
        Path render = null;
        boolean quick = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--render" -> render = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only = only(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --out FILE, --json FILE, --quick, --only CLASS, --render FILE");
            }
        }
        if (render != null) {
            List<String> meta = Files.readAllLines(meta(render), StandardCharsets.UTF_8);
            String section = ResultsReport.ofJson(Files.readString(render, StandardCharsets.UTF_8))
                    .markdown(meta.get(1), meta.subList(2, meta.size()));
            write(out, meta.get(0), section);
            System.out.println("Wrote section " + meta.get(0) + " of " + out.toAbsolutePath());
            return;
        }
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(only == null ? INCLUDE
                        : "dev\\.optim\\.bench\\.(" + only + ")Benchmark\\.")
                .addProfiler(GCProfiler.class)
                .param("tier", Kernels.simdAvailable()
                        ? new String[] {"plain", "simd", "nd4j"} : new String[] {"plain", "nd4j"})
                .shouldFailOnError(true);
        if (quick) {
            options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(20))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(20))
                    .param("size", "1000").param("batch", "4").param("finished", "30")
                    .param("imageSize", "16").param("channels", "4,4");
        }
        if (json != null) {
            options.resultFormat(ResultFormatType.JSON).result(json.toString());
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        double minutes = (System.nanoTime() - start) / 60e9;
        String tier = Kernels.simdAvailable() ? "simd" : "plain";
        String key = "jdk" + Runtime.version().feature() + "-" + tier + (quick ? "-quick" : "")
                + (only == null ? "" : "-" + only.replace('|', '-'));
        List<String> machine = machine(loadBefore, loadAverage(), minutes, quick);
        String title = "JDK " + Runtime.version().feature() + ", " + tier + " tier"
                + (only == null ? "" : ", " + only.replace("|", ", ") + " only")
                + (quick ? " (quick check, not a measurement)" : "");
        String section = ResultsReport.of(results).markdown(title, machine);
        write(out, key, section);
        if (json != null) {
            List<String> meta = new ArrayList<>(List.of(key, title));
            meta.addAll(machine);
            Files.write(meta(json), meta, StandardCharsets.UTF_8);
        }
        if (only != null) {
            System.out.print(section);
        }
        System.out.println("Wrote section " + key + " of " + out.toAbsolutePath());
    }

    /** Validates {@code --only}'s value: class names without the suffix, joined by |. */
    static String only(String value) {
        java.util.regex.Pattern include = java.util.regex.Pattern.compile(INCLUDE);
        for (String c : value.split("\\|", -1)) {
            if (!c.matches("[A-Z][A-Za-z0-9]*")
                    || !include.matcher("dev.optim.bench." + c + "Benchmark.").lookingAt()) {
                throw new IllegalArgumentException("--only must name benchmark classes without"
                        + " their 'Benchmark' suffix, joined by |, e.g. Detector|Catalogue; no"
                        + " class " + c + "Benchmark in '" + value + "'");
            }
        }
        return value;
    }

    private static Path meta(Path json) {
        return json.resolveSibling(json.getFileName() + ".meta");
    }

    /** Puts the section into the file, creating it if needed. */
    static void write(Path out, String key, String section) throws IOException {
        String doc = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8)
                : "# Optim benchmarks\n";
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, ResultsReport.merge(doc, key, section), StandardCharsets.UTF_8);
    }

    /** Lines that describe the machine and the run. */
    static List<String> machine(String loadBefore, String loadAfter, double minutes,
            boolean quick) {
        List<String> lines = new ArrayList<>();
        String args = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
        lines.add("date: " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        lines.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores visible to the JVM (nproc)");
        lines.add("JDK: " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + "); JVM arguments: " + (args.isEmpty() ? "none" : "`" + args + "`"));
        lines.add("kernel tier: " + (Kernels.simdAvailable()
                ? "simd (JDK Vector API over host memory)" : "plain (Java loops)")
                + "; ND4J 1.0.0-M2.1, CPU backend");
        lines.add("load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter
                + " — the machine is shared, so treat single numbers with care");
        lines.add(String.format(java.util.Locale.ROOT, "suite time: %.1f min%s", minutes,
                quick ? " (--quick)" : ""));
        return lines;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return System.getProperty("os.arch");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
