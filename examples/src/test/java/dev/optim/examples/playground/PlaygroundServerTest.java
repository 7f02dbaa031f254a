package dev.optim.examples.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over plain HTTP: the page's files, the API, and every refusal as JSON. */
class PlaygroundServerTest {

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

    /** A refusal: the status, a JSON error naming the field, and nothing of Java's internals. */
    private static JsonNode refused(Http.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode j = r.json();
        assertTrue(j.get("error").isTextual(), r.body());
        if (field == null) {
            assertTrue(j.get("field").isNull(), r.body());
        } else {
            assertEquals(field, j.get("field").asText(), r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
        assertFalse(r.body().contains("dev.optim"), r.body());
        return j;
    }

    @Test
    void servesThePageAndItsFilesFromTheJar() throws Exception {
        Http.Response index = http.get("/");
        assertEquals(200, index.status());
        assertTrue(index.contentType().startsWith("text/html"), index.contentType());
        assertTrue(index.body().contains("playground.js"));
        assertFalse(index.body().contains("http://") || index.body().contains("https://"),
                "the page loads nothing from elsewhere");
        Http.Response js = http.get("/playground.js");
        assertEquals(200, js.status());
        assertTrue(js.contentType().startsWith("text/javascript"));
        assertFalse(js.body().contains("https://"), "no CDN");
        assertEquals(200, http.get("/playground.css").status());
        assertEquals(200, http.get("/index.html").status());
    }

    @Test
    void urlIsTheLoopbackAddress() {
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/..%2fpom.xml", "/%2e%2e/pom.xml", "/%2E%2E/%2E%2E/etc/passwd",
        "/playground/../simplelogger.properties", "/simplelogger.properties",
        "/playground/index.html", "//etc/passwd", "/etc/passwd", "/proc/self/root/etc/passwd",
        "/dev/optim/examples/Main.class", "/index.html%00", "/index.html/", "/INDEX.HTML",
        "/./index.html", "/%69ndex.html", "/%5c..%5cpom.xml", "/nonexistent.js"
    })
    void servesNoOtherFile(String path) throws Exception {
        Http.Response r = http.raw(path);
        refused(r, 404, "path");
        assertFalse(r.body().contains("root:"), r.body());
        assertFalse(r.body().contains("<project"), r.body());
    }

    @Test
    void aPathTheJdkServerCannotParseIsRefusedBeforeTheHandler() throws Exception {
        // the JDK's server answers 400 itself for a request line that is no URI
        Http.Response r = http.raw("/..\\pom.xml");
        assertEquals(400, r.status(), r.body());
        assertFalse(r.body().contains("<project"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
    }

    @Test
    void absoluteUriInTheRequestLineIsNoWayOut() throws Exception {
        Http.Response r = http.raw("file:///etc/passwd");
        assertTrue(r.status() == 400 || r.status() == 404, r.body());
        assertFalse(r.body().contains("root:"), r.body());
    }

    @Test
    void catalogueListsTheArticleLandscapesFirstAndEveryOptimizerAndSchedule() throws Exception {
        JsonNode c = http.get("/api/catalogue").json();
        JsonNode ls = c.get("landscapes");
        assertEquals(dev.optim.landscapes.Landscapes.COUNT, ls.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(PlaygroundApi.ARTICLE_LANDSCAPES.get(i), ls.get(i).get("name").asText());
            assertTrue(ls.get(i).get("article").asBoolean());
        }
        assertEquals(dev.optim.examples.cli.OptimizerKind.values().length,
                c.get("optimizers").size());
        assertEquals(dev.optim.examples.cli.ScheduleKind.values().length,
                c.get("schedules").size());
        JsonNode adam = null;
        for (JsonNode o : c.get("optimizers")) {
            if (o.get("name").asText().equals("adam")) {
                adam = o;
            }
        }
        assertEquals(2, adam.get("stateBuffersPerParameter").asInt());
        List<String> names = new ArrayList<>();
        adam.get("options").forEach(o -> names.add(o.get("name").asText()));
        assertTrue(names.containsAll(List.of("beta1", "beta2", "eps")), names.toString());
        assertFalse(names.contains("momentum"), names.toString());
        // the schedules' options are told apart from the optimizers' (the probing works)
        for (JsonNode sc : c.get("schedules")) {
            List<String> opts = new ArrayList<>();
            sc.get("options").forEach(o -> opts.add(o.get("name").asText()));
            switch (sc.get("name").asText()) {
                case "constant" -> assertTrue(opts.isEmpty(), opts.toString());
                case "inverse-time" -> assertEquals(List.of("decay"), opts);
                case "step" -> assertTrue(opts.containsAll(List.of("step-size", "gamma")),
                        opts.toString());
                default -> assertFalse(opts.contains("beta1") || opts.contains("decay")
                        && !sc.get("name").asText().contains("time"), opts.toString());
            }
        }
        for (JsonNode o : c.get("optimizers")) {
            o.get("options").forEach(x -> assertFalse(x.get("name").asText().equals("decay"),
                    o.get("name") + " lists a schedule option"));
        }
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        refused(http.post("/api/race", "{\"landscape\": "), 400, null);
        refused(http.post("/api/race", "not json"), 400, null);
        refused(http.post("/api/race", "[1, 2]"), 400, null);
        refused(http.post("/api/race", ""), 400, null);
        refused(http.post("/api/race", "{} {}"), 400, null);
        refused(http.post("/api/race", "{\"steps\": 1, \"steps\": 2}"), 400, null);
        refused(http.post("/api/race", "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}"), 400,
                null);
        refused(http.post("/api/race", "{\"landscape\": \"" + "x".repeat(5000) + "\"}"), 400,
                null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"landscape\":\"nope\",\"start\":[0,0],\"optimizers\":[{}]}|landscape",
        "{\"landscape\":7,\"start\":[0,0],\"optimizers\":[{}]}|landscape",
        "{\"start\":[0,0],\"optimizers\":[{}]}|landscape",
        "{\"landscape\":\"himmelblau\",\"start\":[0],\"optimizers\":[{}]}|start",
        "{\"landscape\":\"himmelblau\",\"start\":[1e999,0],\"optimizers\":[{}]}|start[0]",
        "{\"landscape\":\"himmelblau\",\"start\":[0,\"a\"],\"optimizers\":[{}]}|start[1]",
        "{\"landscape\":\"himmelblau\",\"start\":[0,1e7],\"optimizers\":[{}]}|start[1]",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":10001,\"optimizers\":[{}]}|steps",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":-1,\"optimizers\":[{}]}|steps",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":1.5,\"optimizers\":[{}]}|steps",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":1e300,\"optimizers\":[{}]}|steps",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[]}|optimizers",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{},{},{},{},{},{},{},{},{}]}|optimizers",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[1]}|optimizers[0]",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"optimizer\":\"nope\"}]}|optimizers[0].optimizer",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{},{\"optimizer\":\"adam\",\"beta1\":1.2}]}|optimizers[1].beta1",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"optimizer\":\"sgd\",\"beta1\":0.5}]}|optimizers[0].beta1",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"lr\":-1}]}|optimizers[0].lr",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"lr\":\"fast\"}]}|optimizers[0].lr",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"lr\":[1]}]}|optimizers[0].lr",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"warp\":1}]}|optimizers[0].warp",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"schedule\":\"step\"}]}|optimizers[0].step-size",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{\"schedule\":\"constant\",\"decay\":0.1}]}|optimizers[0].decay",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"optimizers\":[{}],\"extra\":1}|extra",
        "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":6000,\"optimizers\":[{},{},{},{},{},{},{}]}|steps"
    })
    void raceRefusesBadFieldsNamingThem(String body, String field) throws Exception {
        refused(http.post("/api/race", body), 400, field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/surface|{\"landscape\":\"himmelblau\",\"grid\":401}|grid",
        "/api/surface|{\"landscape\":\"himmelblau\",\"grid\":1}|grid",
        "/api/surface|{\"landscape\":\"himmelblau\",\"grid\":100000000}|grid",
        "/api/surface|{\"landscape\":\"himmelblau\",\"levels\":1000}|levels",
        "/api/regression/data|{\"points\":1}|points",
        "/api/regression/data|{\"points\":2001}|points",
        "/api/regression/data|{\"seed\":-1}|seed",
        "/api/regression/data|{\"grid\":5000}|grid",
        "/api/regression/train|{\"init\":[0,0],\"batch\":0}|batch",
        "/api/regression/train|{\"init\":[0,0],\"batch\":301}|batch",
        "/api/regression/train|{\"init\":[0,0],\"batch\":\"some\"}|batch",
        "/api/regression/train|{\"init\":[0,0],\"steps\":20000}|steps",
        "/api/regression/train|{\"batch\":1}|init",
        "/api/regression/train|{\"init\":[0,0],\"optimizer\":{\"optimizer\":\"adam\",\"beta2\":2}}|optimizer.beta2",
        "/api/schedule|{\"optimizer\":{\"schedule\":\"cosine\",\"total-steps\":0},\"steps\":10}|optimizer.total-steps",
        "/api/schedule|{\"optimizer\":{},\"steps\":100000}|steps"
    })
    void otherRoutesRefuseBadFieldsNamingThem(String route, String body, String field)
            throws Exception {
        JsonNode e = refused(http.post(route, body), 400, field);
        if (field.equals("grid")) {
            assertTrue(e.get("error").asText().contains("[2, 400]"), e.toString());
        }
    }

    @Test
    void boundsAreStatedInTheMessages() throws Exception {
        JsonNode e = refused(http.post("/api/race", "{\"landscape\":\"himmelblau\","
                + "\"start\":[0,0],\"steps\":99999999,\"optimizers\":[{}]}"), 400, "steps");
        assertTrue(e.get("error").asText().contains("[0, 10000]"), e.toString());
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        String big = "{\"landscape\":\"himmelblau\",\"pad\":\"" + "x".repeat(70_000) + "\"}";
        refused(http.post("/api/surface", big), 413, null);
    }

    @Test
    void unknownRoutesAndMethodsAreRefused() throws Exception {
        refused(http.get("/api/nothing"), 404, null);
        refused(http.get("/api/race"), 405, null);
        refused(http.post("/api/catalogue", "{}"), 405, null);
        refused(http.method("DELETE", "/api/race"), 405, null);
        refused(http.method("PUT", "/index.html"), 405, null);
    }

    @Test
    void answersTheRaceWithOneTrajectoryPerOptimizer() throws Exception {
        Http.Response r = http.post("/api/race", "{\"landscape\":\"himmelblau\",\"start\":[0,0],"
                + "\"steps\":50,\"optimizers\":[{\"optimizer\":\"sgd\",\"lr\":0.01},"
                + "{\"optimizer\":\"adam\",\"lr\":0.1}]}");
        assertEquals(200, r.status(), r.body());
        JsonNode runs = r.json().get("runs");
        assertEquals(2, runs.size());
        assertEquals(51, runs.get(0).get("rows").size());
        assertEquals(0, runs.get(0).get("stateBuffersPerParameter").asInt());
        assertEquals(4, runs.get(1).get("stateValues").asInt());
    }

    @Test
    void aDivergedRunSaysWhereAndHasNoNaNInItsJson() throws Exception {
        Http.Response r = http.post("/api/race", "{\"landscape\":\"himmelblau\",\"start\":[0,0],"
                + "\"steps\":100,\"optimizers\":[{\"optimizer\":\"sgd\",\"lr\":1}]}");
        assertEquals(200, r.status(), r.body());
        JsonNode run = r.json().get("runs").get(0);
        assertEquals("DIVERGED", run.get("reason").asText());
        long at = run.get("divergedAtStep").asLong();
        assertTrue(at > 0 && at < 100, run.toString());
        assertEquals(at, run.get("rows").get(run.get("rows").size() - 1).get(0).asLong());
        assertFalse(r.body().contains("NaN") || r.body().contains("Infinity"));
    }

    @Test
    void surfaceHasTheGridAndLogSpacedLevels() throws Exception {
        JsonNode s = http.post("/api/surface", "{\"landscape\":\"rosenbrock\",\"grid\":30,"
                + "\"levels\":10}").json();
        assertEquals(30, s.get("values").size());
        assertEquals(30, s.get("values").get(0).size());
        JsonNode lv = s.get("levels");
        assertEquals(10, lv.size());
        // log-spaced: constant ratio between successive levels (rosenbrock's minimum is 0 on
        // the grid only if the grid hits it; the ratio of the shifted levels is constant)
        double min = s.get("min").asDouble();
        double max = s.get("max").asDouble();
        assertEquals(min, lv.get(0).asDouble(), 1e-9 * Math.max(1, Math.abs(min)));
        assertEquals(max, lv.get(9).asDouble(), 1e-9 * max);
        assertTrue(lv.get(1).asDouble() - lv.get(0).asDouble()
                < lv.get(9).asDouble() - lv.get(8).asDouble());
    }

    @Test
    void pastTheDeadlineTheApiGivesUpWith503() {
        PlaygroundApi api = server.api();
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.parseObject(
                ("{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":10,"
                        + "\"optimizers\":[{}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ApiException e = assertThrows(ApiException.class, () -> api.handle("POST", "/api/race",
                body, PlaygroundApi.Deadline.in(-1)));
        assertEquals(503, e.status());
    }

    @Test
    void underLoadEveryAnswerIsJsonAndTheServerKeepsAnswering() throws Exception {
        String body = "{\"landscape\":\"rastrigin\",\"start\":[3,3],\"steps\":2000,"
                + "\"optimizers\":[{},{},{},{}]}";
        ExecutorService ex = Executors.newFixedThreadPool(48);
        try {
            List<Future<Http.Response>> fs = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                fs.add(ex.submit(() -> http.post("/api/race", body)));
            }
            for (Future<Http.Response> f : fs) {
                Http.Response r = f.get();
                assertTrue(r.status() == 200 || r.status() == 503, r.status() + " " + r.body());
                assertTrue(r.contentType().startsWith("application/json"));
                if (r.status() == 503) {
                    refused(r, 503, null);
                }
            }
        } finally {
            ex.shutdownNow();
        }
        assertEquals(200, http.get("/api/catalogue").status());
    }
}
