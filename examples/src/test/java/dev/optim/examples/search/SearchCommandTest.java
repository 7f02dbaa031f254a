package dev.optim.examples.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.examples.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void regressionSearchPrintsEveryTrialAndAProgressLineEach() throws Exception {
        Path png = dir.resolve("trials.png");
        Result r = run("search", "--param", "lr=log:1e-4:1", "--param", "batch=int:1:300", "--sampler", "random",
                "--trials", "12", "--seed", "2", "--threads", "2", "--epochs", "2", "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals("trial,state,value,lr,batch,message", lines.get(0));
        assertEquals(13, lines.size());
        assertEquals(12, r.err().lines().filter(l -> l.startsWith("trial ")).count(), r.err());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.matches("\\d+,(COMPLETE|FAILED),.*")), r.out());
        // Large rates diverge: failures, not a crash.
        Result wild = run("search", "--param", "lr=log:2:10", "--sampler", "sobol", "--trials", "3", "--quiet");
        assertEquals(0, wild.code(), wild.err());
        assertTrue(wild.out().contains("FAILED"), wild.out());
        assertTrue(wild.out().contains("diverged at step"), wild.out());
        assertTrue(Files.size(png) > 1000);
        // The same seed gives the same table for another thread count.
        Result again = run("search", "--param", "lr=log:1e-4:1", "--param", "batch=int:1:300", "--sampler", "random",
                "--trials", "12", "--seed", "2", "--threads", "1", "--epochs", "2", "--quiet");
        assertEquals(r.out(), again.out());
    }

    /**
     * The article's search on a network: SGD on the digits MLP. A small rate with a large batch
     * (few, timid updates in the same epochs) ends with a higher validation loss than a large
     * rate with a small batch: the lr x batch trade-off.
     */
    @Test
    void mlpSearchShowsTheRateAndBatchTradeOff() {
        Result r = run("search", "--problem", "mlp", "--dataset", "digits", "--param",
                "lr=log:0.001:0.1", "--param", "batch=int:16:256", "--sampler", "grid",
                "--grid-levels", "2", "--trials", "4", "--epochs", "2", "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        java.util.Map<String, Double> value = new java.util.HashMap<>();
        for (String line : r.lines().subList(1, r.lines().size())) {
            String[] f = line.split(",");
            assertEquals("COMPLETE", f[1], line);
            value.put(Double.parseDouble(f[3]) + "/" + f[4], Double.parseDouble(f[2]));
        }
        assertEquals(4, value.size(), r.out());
        assertTrue(value.get("0.1/16") < value.get("0.001/256") - 0.5, value.toString());
        Result bad = run("search", "--problem", "mlp", "--dataset", "mnist");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--dataset must be spirals or digits, got 'mnist'"), bad.err());
    }

    @Test
    void braninWithBayesAsJson() {
        Result r = run("search", "--problem", "branin", "--sampler", "bayes", "--trials", "14", "--seed", "1",
                "--format", "json", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{\"space\":\"x1=uniform:-5.0:10.0 x2=uniform:0.0:15.0\",\"sampler\":\"bayes("),
                r.out());
        assertEquals(14, r.out().split("\"trial\":").length - 1);
    }

    @Test
    void badInputNamesTheValue() {
        Result r = run("search", "--param", "lr=log:0:1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a log range must be > 0, got [0.0, 1.0], which includes 0"), r.err());
        r = run("search", "--sampler", "tpe");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--sampler must be random, sobol, bayes or grid, got 'tpe'"), r.err());
        r = run("search", "--param", "batch=int:1:300");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown parameter 'lr'"), r.err());
        r = run("search", "--problem", "branin", "--param", "x=uniform:0:1");
        assertEquals(2, r.code());
    }
}
