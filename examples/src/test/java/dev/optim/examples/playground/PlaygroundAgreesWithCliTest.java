package dev.optim.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optim.examples.Main;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.Surface;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The page's numbers are the command line's: a trajectory from {@code POST /api/race} equals
 * {@code optim run}'s CSV for the same settings, row by row and bit for bit, and a line fit from
 * {@code POST /api/regression/train} equals {@code optim regress}'s.
 */
class PlaygroundAgreesWithCliTest {

    private static PlaygroundServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = PlaygroundServer.start(InetAddress.getLoopbackAddress(), 0);
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private record Cli(int code, String out, String err) {}

    private static Cli cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(out),
                new PrintWriter(err));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Compares JSON rows with CSV rows: same count, every number equal (null for non-finite). */
    private static void assertSameTable(String csv, JsonNode rows, String what) {
        String[] lines = csv.strip().split("\n");
        assertEquals(lines.length - 1, rows.size(), what + ": row count");
        for (int r = 1; r < lines.length; r++) {
            String[] f = lines[r].split(",");
            JsonNode row = rows.get(r - 1);
            assertEquals(f.length, row.size(), what + " row " + r);
            for (int c = 0; c < f.length; c++) {
                double expected = Double.parseDouble(f[c]);
                JsonNode got = row.get(c);
                if (Double.isFinite(expected)) {
                    assertEquals(expected, got.asDouble(), 0.0,
                            what + " row " + r + " column " + c);
                } else {
                    assertTrue(got.isNull(), what + " row " + r + " column " + c + ": " + got);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "himmelblau|0,0|200|{\"optimizer\":\"sgd\",\"lr\":0.01}|--optimizer sgd --lr 0.01",
        "rosenbrock|-1.5,2|300|{\"optimizer\":\"adam\",\"lr\":0.05,\"beta1\":0.8}"
            + "|--optimizer adam --lr 0.05 --beta1 0.8",
        "goldstein-price|-0.5,0.25|150|{\"optimizer\":\"momentum\",\"lr\":0.0001,"
            + "\"momentum-form\":\"nesterov\",\"momentum\":0.8}"
            + "|--optimizer momentum --lr 0.0001 --momentum-form nesterov --momentum 0.8",
        "styblinski-tang|1,-1|250|{\"optimizer\":\"rmsprop\",\"lr\":0.1,\"schedule\":"
            + "\"inverse-time\",\"decay\":0.01}"
            + "|--optimizer rmsprop --lr 0.1 --schedule inverse-time --decay 0.01",
        "rastrigin|2.5,-3|120|{\"optimizer\":\"sgd\",\"lr\":0.002,\"schedule\":\"step\","
            + "\"step-size\":30,\"gamma\":0.5}"
            + "|--optimizer sgd --lr 0.002 --schedule step --step-size 30 --gamma 0.5",
        "beale|1,1|100|{\"optimizer\":\"adam\",\"schedule\":\"cosine\"}"
            + "|--optimizer adam --schedule cosine",
        "himmelblau|0,0|100|{\"optimizer\":\"sgd\",\"lr\":1}|--optimizer sgd --lr 1"
    })
    void raceTrajectoryEqualsOptimRun(String landscape, String start, int steps, String spec,
            String options) throws Exception {
        String body = "{\"landscape\":\"" + landscape + "\",\"start\":[" + start + "],"
                + "\"steps\":" + steps + ",\"optimizers\":[" + spec + "]}";
        Http.Response r = http.post("/api/race", body);
        assertEquals(200, r.status(), r.body());
        JsonNode run = r.json().get("runs").get(0);
        List<String> args = new ArrayList<>(List.of("run", "--landscape", landscape,
                "--start", start, "--steps", String.valueOf(steps)));
        args.addAll(List.of(options.split(" ")));
        Cli c = cli(args);
        boolean diverged = run.get("reason").asText().equals("DIVERGED");
        assertEquals(diverged ? 3 : 0, c.code(), c.err());
        assertEquals("step,loss,lr,x0,x1", c.out().lines().findFirst().orElseThrow());
        assertSameTable(c.out(), run.get("rows"), landscape + " " + options);
    }

    @Test
    void theDivergedCaseAboveReallyDiverges() throws Exception {
        JsonNode run = http.post("/api/race", "{\"landscape\":\"himmelblau\",\"start\":[0,0],"
                + "\"steps\":100,\"optimizers\":[{\"optimizer\":\"sgd\",\"lr\":1}]}").json()
                .get("runs").get(0);
        assertEquals("DIVERGED", run.get("reason").asText());
    }

    @Test
    void severalOptimizersInOneRaceEachEqualTheirOwnRun() throws Exception {
        Http.Response r = http.post("/api/race", "{\"landscape\":\"himmelblau\",\"start\":[1,-2],"
                + "\"steps\":80,\"optimizers\":[{\"optimizer\":\"adam\",\"lr\":0.1,\"beta1\":0.5},"
                + "{\"optimizer\":\"adam\",\"lr\":0.1}]}");
        JsonNode runs = r.json().get("runs");
        // the second spec must not inherit beta1 from the first (one parser serves both)
        assertTrue(runs.get(1).get("optimizer").asText().contains("beta1=0.9"),
                runs.get(1).get("optimizer").asText());
        Cli a = cli(List.of("run", "--landscape", "himmelblau", "--start", "1,-2", "--steps", "80",
                "--optimizer", "adam", "--lr", "0.1", "--beta1", "0.5"));
        Cli b = cli(List.of("run", "--landscape", "himmelblau", "--start", "1,-2", "--steps", "80",
                "--optimizer", "adam", "--lr", "0.1"));
        assertSameTable(a.out(), runs.get(0).get("rows"), "adam beta1 0.5");
        assertSameTable(b.out(), runs.get(1).get("rows"), "adam");
    }

    @ParameterizedTest(name = "points {0}, batch {1}, lr {2}")
    @CsvSource({
        "300, 1, 0.01", "300, 24, 0.01", "300, all, 0.1", "20, 1, 0.0001", "800, 24, 0.01",
        "800, all, 0.01"
    })
    void lineFitEqualsOptimRegress(int points, String batch, double lr) throws Exception {
        String b = batch.equals("all") ? "\"all\"" : batch;
        Http.Response r = http.post("/api/regression/train", "{\"points\":" + points
                + ",\"seed\":7,\"init\":[0.5,-0.25],\"steps\":120,\"batch\":" + b
                + ",\"optimizer\":{\"optimizer\":\"sgd\",\"lr\":" + lr + "}}");
        assertEquals(200, r.status(), r.body());
        List<String> args = new ArrayList<>(List.of("regress", "--points", "" + points,
                "--seed", "7", "--init", "0.5,-0.25", "--steps", "120", "--optimizer", "sgd",
                "--lr", "" + lr));
        if (!batch.equals("all")) {
            args.addAll(List.of("--batch-size", batch));
        }
        Cli c = cli(args);
        assertTrue(c.code() == 0 || c.code() == 3, c.err());
        assertSameTable(c.out(), r.json().get("rows"), "regress " + args);
    }

    @Test
    void regressionDataIsTheCommandLinesData() throws Exception {
        JsonNode d = http.post("/api/regression/data", "{\"points\":20,\"seed\":3,\"grid\":20}")
                .json();
        dev.optim.landscapes.regression.RegressionData data =
                dev.optim.landscapes.regression.RegressionProblem.builder().points(20).seed(3)
                        .build().generate();
        for (int i = 0; i < 20; i++) {
            assertEquals(data.x(i), d.get("x").get(i).asDouble(), 0.0);
            assertEquals(data.y(i), d.get("y").get(i).asDouble(), 0.0);
        }
        assertEquals(data.truth().orElseThrow().slope(), d.get("truth").get(0).asDouble(), 0.0);
        double[] init = dev.optim.examples.experiment.LineFit.articleInit(3);
        assertEquals(init[0], d.get("init").get(0).asDouble(), 0.0);
        assertEquals(init[1], d.get("init").get(1).asDouble(), 0.0);
        assertTrue(d.get("leastSquaresLoss").asDouble() <= d.get("truthLoss").asDouble());
    }

    @Test
    void scheduleCurveIsTheOptimizersRate() throws Exception {
        JsonNode s = http.post("/api/schedule", "{\"optimizer\":{\"optimizer\":\"sgd\",\"lr\":0.5,"
                + "\"schedule\":\"inverse-time\",\"decay\":0.1},\"steps\":50}").json();
        assertEquals(51, s.get("lr").size());
        for (int k = 0; k <= 50; k++) {
            assertEquals(0.5 / (1 + 0.1 * k), s.get("lr").get(k).asDouble(), 1e-15);
        }
    }

    @Test
    void surfaceMatchesTheLibrarysSurfaceAndLevels() {
        for (Landscape l : Landscapes.all()) {
            Grid g = Grid.over(l.domain(), 41, 37);
            Surface lib = Surface.of(l, g);
            SurfaceValues ours = SurfaceValues.of(l, g, PlaygroundApi.Deadline.in(60_000));
            double[][] a = lib.values();
            double[][] b = ours.values();
            double scale = Math.max(1, Math.abs(lib.max()) + Math.abs(lib.min()));
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    assertEquals(a[j][i], b[j][i], 1e-12 * scale, l.name() + " " + i + "," + j);
                }
            }
            double[] la = lib.logContourLevels(12);
            double[] lb = ours.logContourLevels(12);
            for (int k = 0; k < 12; k++) {
                assertEquals(la[k], lb[k], 1e-9 * scale, l.name() + " level " + k);
            }
        }
    }

    @Test
    void apiAnswersWithoutHttpAsWithIt() throws Exception {
        String body = "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":10,"
                + "\"optimizers\":[{}]}";
        ObjectNode direct = server.api().handle("POST", "/api/race",
                Json.parseObject(body.getBytes(StandardCharsets.UTF_8)),
                PlaygroundApi.Deadline.in(10_000));
        JsonNode viaHttp = http.post("/api/race", body).json();
        JsonNode d = Http.JSON.readTree(Json.MAPPER.writeValueAsBytes(direct));
        assertEquals(d.get("runs"), viaHttp.get("runs"));
    }
}
