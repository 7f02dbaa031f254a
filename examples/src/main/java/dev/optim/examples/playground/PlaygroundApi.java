package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optim.core.Optimizer;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.examples.experiment.LineFit;
import dev.optim.examples.experiment.Race;
import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import dev.optim.landscapes.Minimum;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The playground's JSON API, independent of HTTP: a route and a request object in, a response
 * object out, or an {@link ApiException}. Every number is computed by the library the way the
 * command line computes it: races through {@link Race#run} (the descent {@code optim run}
 * makes: every row recorded, no tolerance, the library's divergence rule), line fits through
 * {@link LineFit#run} (as {@code optim regress}), optimizers built from the command line's own
 * options ({@link OptimizerCatalogue}).
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/catalogue}</td><td>none</td>
 *       <td>landscapes, optimizers, schedules, bounds</td></tr>
 *   <tr><td>{@code POST /api/surface}</td><td>{@code landscape, grid, levels}</td>
 *       <td>values on the grid, log-spaced contour levels</td></tr>
 *   <tr><td>{@code POST /api/race}</td><td>{@code landscape, start, steps, optimizers}</td>
 *       <td>one trajectory per optimizer</td></tr>
 *   <tr><td>{@code POST /api/regression/data}</td><td>{@code points, seed, grid, levels}</td>
 *       <td>the points, the truth, the loss surface over slope and intercept</td></tr>
 *   <tr><td>{@code POST /api/regression/train}</td>
 *       <td>{@code points, seed, init, steps, batch, optimizer}</td><td>the trajectory</td></tr>
 *   <tr><td>{@code POST /api/schedule}</td><td>{@code optimizer, steps}</td>
 *       <td>the learning rate at each step</td></tr>
 * </table>
 */
public final class PlaygroundApi {

    /** The article's four race landscapes, offered first. */
    public static final List<String> ARTICLE_LANDSCAPES =
            List.of("himmelblau", "styblinski-tang", "rosenbrock", "goldstein-price");
    /** The article's learning rates in the regression figure. */
    public static final double[] ARTICLE_RATES = {0.0001, 0.01, 0.1};
    /** The article's batch sizes in the regression figure (0 standing for the whole set). */
    public static final int[] ARTICLE_BATCHES = {1, 24, 0};
    /** The largest generated training set. */
    public static final int MAX_POINTS = 2000;
    /** The default grid of a surface, points per axis. */
    public static final int DEFAULT_GRID = 200;
    /** The default number of contour levels. */
    public static final int DEFAULT_LEVELS = 16;

    private final OptimizerCatalogue catalogue = new OptimizerCatalogue();
    private final ObjectNode catalogueJson;

    /** An API over the library's catalogue. */
    public PlaygroundApi() {
        catalogueJson = buildCatalogue();
    }

    /**
     * Answers one small request of each kind, so that the ND4J backend is loaded and the code
     * compiled before the first visitor's request is timed against its deadline.
     */
    public void warmUp() {
        Deadline d = Deadline.in(120_000);
        handle("POST", "/api/regression/train", Json.parseObject(("{\"points\":20,\"init\":[0,0],"
                + "\"steps\":3,\"batch\":4}").getBytes(java.nio.charset.StandardCharsets.UTF_8)), d);
        handle("POST", "/api/race", Json.parseObject(("{\"landscape\":\"himmelblau\","
                + "\"start\":[0,0],\"steps\":3,\"optimizers\":[{}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), d);
    }

    /**
     * Answers one request.
     *
     * @param method {@code GET} or {@code POST}
     * @param route the path, e.g. {@code /api/race}
     * @param body the request object for POST routes (ignored for GET)
     * @param deadline when to give up
     * @return the answer
     * @throws ApiException for any request refused (404 for an unknown route, 405 for the wrong
     *     method, 400 for a bad field, 503 past the deadline)
     */
    public ObjectNode handle(String method, String route, ObjectNode body, Deadline deadline) {
        boolean post = "POST".equals(method);
        switch (route) {
            case "/api/catalogue":
                if (!"GET".equals(method)) {
                    throw wrongMethod(route, "GET");
                }
                return catalogueJson.deepCopy();
            case "/api/surface":
                return post ? surface(req(body), deadline) : thrown(wrongMethod(route, "POST"));
            case "/api/race":
                return post ? race(req(body), deadline) : thrown(wrongMethod(route, "POST"));
            case "/api/regression/data":
                return post ? regressionData(req(body), deadline)
                        : thrown(wrongMethod(route, "POST"));
            case "/api/regression/train":
                return post ? regressionTrain(req(body), deadline)
                        : thrown(wrongMethod(route, "POST"));
            case "/api/schedule":
                return post ? schedule(req(body)) : thrown(wrongMethod(route, "POST"));
            default:
                throw new ApiException(404, null, "no such API route: " + route);
        }
    }

    /**
     * Whether {@code route} is an API route that takes a request body.
     *
     * @param route the path
     * @return true for the POST routes
     */
    public static boolean takesBody(String route) {
        return !"/api/catalogue".equals(route);
    }

    private static Request req(ObjectNode body) {
        return new Request(body == null ? Json.object() : body, "");
    }

    private static ObjectNode thrown(ApiException e) {
        throw e;
    }

    private static ApiException wrongMethod(String route, String allowed) {
        return new ApiException(405, null, route + " answers " + allowed + " only");
    }

    // ---- the catalogue

    private ObjectNode buildCatalogue() {
        ObjectNode root = catalogue.json();
        ArrayNode ls = root.putArray("landscapes");
        List<String> names = new ArrayList<>(ARTICLE_LANDSCAPES);
        for (String n : Landscapes.names()) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        for (String n : names) {
            Landscape l = Landscapes.byName(n);
            ObjectNode o = ls.addObject();
            o.put("name", l.name());
            o.put("description", l.description());
            o.put("article", ARTICLE_LANDSCAPES.contains(n));
            Domain d = l.domain();
            o.set("lo", Json.array(d.lo()));
            o.set("hi", Json.array(d.hi()));
            ArrayNode mins = o.putArray("minima");
            for (Minimum m : l.minima()) {
                mins.add(Json.array(m.point()));
            }
        }
        ObjectNode reg = root.putObject("regression");
        ArrayNode sizes = reg.putArray("sizes");
        for (int s : Limits.REGRESSION_SIZES) {
            sizes.add(s);
        }
        reg.put("defaultSize", RegressionProblem.DEFAULT_POINTS);
        reg.set("learningRates", Json.array(ARTICLE_RATES));
        reg.put("defaultLearningRate", 0.01);
        ArrayNode batches = reg.putArray("batchSizes");
        for (int b : ARTICLE_BATCHES) {
            if (b == 0) {
                batches.add("all");
            } else {
                batches.add(b);
            }
        }
        reg.put("bound", RegressionData.SURFACE_BOUND);
        // the rates `optim race` starts its four runners with
        ObjectNode race = root.putObject("raceRates");
        race.put("sgd", 0.01).put("momentum", 0.01).put("rmsprop", 0.05).put("adam", 0.1);
        ObjectNode lim = root.putObject("limits");
        lim.put("maxSteps", Limits.MAX_STEPS);
        lim.put("maxOptimizers", Limits.MAX_OPTIMIZERS);
        lim.put("maxRaceSteps", Limits.MAX_RACE_STEPS);
        lim.put("minGrid", Limits.MIN_GRID);
        lim.put("maxGrid", Limits.MAX_GRID);
        lim.put("maxLevels", Limits.MAX_LEVELS);
        lim.put("maxPoints", MAX_POINTS);
        lim.put("maxCoordinate", Limits.MAX_COORDINATE);
        lim.put("maxBodyBytes", Limits.MAX_BODY_BYTES);
        lim.put("deadlineMillis", Limits.DEADLINE_MILLIS);
        return root;
    }

    // ---- landscapes

    private static Landscape landscape(Request r) {
        String name = r.text("landscape", null);
        if (!Landscapes.names().contains(name)) {
            throw ApiException.bad(r.field("landscape"), "landscape '" + shorten(name)
                    + "' is not one of " + String.join(", ", Landscapes.names()));
        }
        return Landscapes.byName(name);
    }

    private static int grid(Request r) {
        return (int) r.integer("grid", Limits.MIN_GRID, Limits.MAX_GRID, (long) DEFAULT_GRID);
    }

    private static int levels(Request r) {
        return (int) r.integer("levels", 2, Limits.MAX_LEVELS, (long) DEFAULT_LEVELS);
    }

    private ObjectNode surface(Request r, Deadline deadline) {
        r.only(Set.of("landscape", "grid", "levels"));
        Landscape l = landscape(r);
        int n = grid(r);
        int levels = levels(r);
        SurfaceValues s = SurfaceValues.of(l, Grid.over(l.domain(), n, n), deadline);
        ObjectNode out = surfaceJson(s, levels);
        out.put("landscape", l.name());
        return out;
    }

    static ObjectNode surfaceJson(SurfaceValues s, int levels) {
        ObjectNode out = Json.object();
        Grid g = s.grid();
        out.put("xLo", g.xLo());
        out.put("xHi", g.xHi());
        out.put("yLo", g.yLo());
        out.put("yHi", g.yHi());
        out.put("nx", g.nx());
        out.put("ny", g.ny());
        out.putPOJO("values", new JsonTables.FloatGrid(s.values()));
        Json.put(out, "min", s.min());
        Json.put(out, "max", s.max());
        out.set("levels", Json.array(s.logContourLevels(levels)));
        return out;
    }

    private ObjectNode race(Request r, Deadline deadline) {
        r.only(Set.of("landscape", "start", "steps", "optimizers"));
        Landscape l = landscape(r);
        double[] start = r.point("start", 2, Limits.MAX_COORDINATE);
        long steps = r.integer("steps", 0, Limits.MAX_STEPS, 200L);
        List<Request> specs = r.objects("optimizers", 1, Limits.MAX_OPTIMIZERS);
        if (steps * specs.size() > Limits.MAX_RACE_STEPS) {
            throw ApiException.bad(r.field("steps"), "steps × optimizers must be at most "
                    + Limits.MAX_RACE_STEPS + ", got " + steps + " × " + specs.size());
        }
        List<Optimizer> opts = new ArrayList<>();
        for (Request spec : specs) {
            opts.add(catalogue.build(spec, steps));
        }
        ObjectNode out = Json.object();
        out.put("landscape", l.name());
        out.set("start", Json.array(start));
        out.put("steps", steps);
        ArrayNode runs = out.putArray("runs");
        for (int i = 0; i < opts.size(); i++) {
            deadline.check();
            Map<String, Optimizer> one = new LinkedHashMap<>();
            one.put(specs.get(i).text("optimizer", "sgd"), opts.get(i));
            Race.Entry e = Race.run(l, start, steps, one).get(0);
            runs.add(runJson(e.optimizer(), e.result(), List.of("x0", "x1")));
        }
        return out;
    }

    /**
     * One run as JSON: the optimizer, how it ended, its state's size, and the trajectory table
     * ({@code step, loss, lr, x0, x1}; non-finite values as null).
     */
    static ObjectNode runJson(Optimizer o, DescentResult res, List<String> names) {
        ObjectNode run = Json.object();
        run.put("optimizer", o.toString());
        run.put("kind", o.kind());
        run.put("reason", res.reason().name());
        run.put("steps", res.steps());
        if (res.reason() == StopReason.DIVERGED) {
            run.put("divergedAtStep", res.divergedAtStep());
        } else {
            run.putNull("divergedAtStep");
        }
        run.put("stateBuffersPerParameter", o.stateBuffersPerParameter());
        run.put("stateValues", (long) o.stateBuffersPerParameter() * names.size());
        Json.put(run, "finalLoss", res.loss());
        run.set("final", Json.array(res.parameters()));
        ArrayNode cols = run.putArray("columns");
        cols.add("step").add("loss").add("lr");
        names.forEach(cols::add);
        run.putPOJO("rows", new JsonTables.Rows(res.trajectory()));
        return run;
    }

    // ---- regression

    private static RegressionData data(Request r) {
        int points = (int) r.integer("points", 2, MAX_POINTS,
                (long) RegressionProblem.DEFAULT_POINTS);
        long seed = r.integer("seed", 0, Integer.MAX_VALUE, 1L);
        return RegressionProblem.builder().points(points).seed(seed).build().generate();
    }

    private ObjectNode regressionData(Request r, Deadline deadline) {
        r.only(Set.of("points", "seed", "grid", "levels"));
        RegressionData d = data(r);
        long seed = r.integer("seed", 0, Integer.MAX_VALUE, 1L);
        int n = grid(r);
        int levels = levels(r);
        ObjectNode out = Json.object();
        out.put("points", d.size());
        out.put("seed", seed);
        out.set("x", Json.array(d.xs()));
        out.set("y", Json.array(d.ys()));
        Line truth = d.truth().orElseThrow();
        out.set("truth", Json.array(truth.toArray()));
        Json.put(out, "truthLoss", d.loss(truth));
        Line ls = d.leastSquares();
        out.set("leastSquares", Json.array(ls.toArray()));
        Json.put(out, "leastSquaresLoss", d.loss(ls));
        out.set("init", Json.array(LineFit.articleInit(seed)));
        Json.put(out, "stabilityLimit", LineFit.stabilityLimit(d));
        deadline.check();
        Grid g = new Grid(-RegressionData.SURFACE_BOUND, RegressionData.SURFACE_BOUND, n,
                -RegressionData.SURFACE_BOUND, RegressionData.SURFACE_BOUND, n);
        out.set("surface", surfaceJson(SurfaceValues.of(d.objective(), g, deadline), levels));
        return out;
    }

    private ObjectNode regressionTrain(Request r, Deadline deadline) {
        r.only(Set.of("points", "seed", "init", "steps", "batch", "optimizer"));
        RegressionData d = data(r);
        long seed = r.integer("seed", 0, Integer.MAX_VALUE, 1L);
        double[] init = r.point("init", 2, Limits.MAX_COORDINATE);
        long steps = r.integer("steps", 0, Limits.MAX_STEPS, 300L);
        int batch;
        if (r.has("batch") && r.node().get("batch").isTextual()) {
            String b = r.text("batch", null);
            if (!b.equals("all")) {
                throw ApiException.bad("batch", "batch must be an integer in [1, " + d.size()
                        + "] or \"all\", got \"" + shorten(b) + "\"");
            }
            batch = d.size();
        } else {
            batch = (int) r.integer("batch", 1, d.size(), (long) d.size());
        }
        Optimizer o = r.has("optimizer") ? catalogue.build(r.object("optimizer"), steps)
                : catalogue.build(new Request((ObjectNode) Json.object().put("optimizer", "sgd"),
                        "optimizer"), steps);
        deadline.check();
        DescentResult res = LineFit.run(d, o, init, steps, batch, false, seed, DataType.DOUBLE);
        ObjectNode out = runJson(o, res, List.of("slope", "intercept"));
        out.put("batch", batch);
        out.put("points", d.size());
        return out;
    }

    // ---- schedules

    private ObjectNode schedule(Request r) {
        r.only(Set.of("optimizer", "steps"));
        long steps = r.integer("steps", 1, Limits.MAX_STEPS, 200L);
        Optimizer o = catalogue.build(r.object("optimizer"), steps);
        ObjectNode out = Json.object();
        out.put("optimizer", o.toString());
        ArrayNode lr = out.putArray("lr");
        for (long k = 0; k <= steps; k++) {
            Json.add(lr, o.learningRate().valueAt(k));
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** A point in time past which a request is abandoned. */
    public static final class Deadline {
        private final long endNanos;
        private final long millis;

        private Deadline(long endNanos, long millis) {
            this.endNanos = endNanos;
            this.millis = millis;
        }

        /**
         * A deadline {@code millis} from now.
         *
         * @param millis the allowance
         * @return the deadline
         */
        public static Deadline in(long millis) {
            return new Deadline(System.nanoTime() + millis * 1_000_000L, millis);
        }

        /**
         * Throws 503 if the deadline has passed.
         *
         * @throws ApiException 503 past the deadline
         */
        public void check() {
            if (System.nanoTime() > endNanos) {
                throw new ApiException(503, null, "the request took longer than "
                        + millis + " ms and was abandoned");
            }
        }
    }
}
