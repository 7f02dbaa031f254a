package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A timed harness for the playground's server time (not a unit test): the request, a
 * 1000-step trajectory of four optimizers on a landscape and a 200 × 200 surface, answered by
 * {@link PlaygroundApi} and written as JSON bytes, as the server does, many times after a
 * warm-up; prints the median and the 90th percentile of each part and of the sum, in wall time
 * and in the thread's CPU time (which a machine shared with other work inflates less).
 *
 * <pre>
 * java -cp examples/target/optim.jar dev.optim.examples.playground.ServerTiming [ROUNDS]
 * </pre>
 */
public final class ServerTiming {

    /** The race of the speed target. */
    static final String RACE = "{\"landscape\":\"himmelblau\",\"start\":[0,0],\"steps\":1000,"
            + "\"optimizers\":[{\"optimizer\":\"sgd\",\"lr\":0.01},"
            + "{\"optimizer\":\"momentum\",\"lr\":0.01},{\"optimizer\":\"rmsprop\",\"lr\":0.05},"
            + "{\"optimizer\":\"adam\",\"lr\":0.1}]}";
    /** The surface of the speed target. */
    static final String SURFACE = "{\"landscape\":\"himmelblau\",\"grid\":200}";

    private ServerTiming() {}

    /**
     * Runs the harness.
     *
     * @param args the number of measured rounds (default 200)
     * @throws Exception if a request fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        PlaygroundApi api = new PlaygroundApi();
        int warm = Math.max(50, rounds / 2);
        double[] race = new double[rounds];
        double[] surface = new double[rounds];
        double[] total = new double[rounds];
        double[] cpuRace = new double[rounds];
        double[] cpuSurface = new double[rounds];
        double[] cpuTotal = new double[rounds];
        java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (int i = -warm; i < rounds; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            bytes = answer(api, "/api/race", RACE);
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            bytes += answer(api, "/api/surface", SURFACE);
            long t2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            if (i >= 0) {
                race[i] = (t1 - t0) / 1e6;
                surface[i] = (t2 - t1) / 1e6;
                total[i] = (t2 - t0) / 1e6;
                cpuRace[i] = (c1 - c0) / 1e6;
                cpuSurface[i] = (c2 - c1) / 1e6;
                cpuTotal[i] = (c2 - c0) / 1e6;
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "%d rounds after %d warm-up; JSON of both answers: %d bytes%n"
                        + "                                  wall median   p90 | CPU median   p90%n"
                        + "race (4 optimizers x 1000 steps): %8.2f ms %6.2f | %8.2f ms %6.2f%n"
                        + "surface (200 x 200):              %8.2f ms %6.2f | %8.2f ms %6.2f%n"
                        + "both:                             %8.2f ms %6.2f | %8.2f ms %6.2f",
                rounds, warm, bytes,
                pct(race, 50), pct(race, 90), pct(cpuRace, 50), pct(cpuRace, 90),
                pct(surface, 50), pct(surface, 90), pct(cpuSurface, 50), pct(cpuSurface, 90),
                pct(total, 50), pct(total, 90), pct(cpuTotal, 50), pct(cpuTotal, 90)));
    }

    private static long answer(PlaygroundApi api, String route, String body) throws Exception {
        ObjectNode req = Json.parseObject(body.getBytes(StandardCharsets.UTF_8));
        ObjectNode out = api.handle("POST", route, req,
                PlaygroundApi.Deadline.in(60_000));
        return Json.MAPPER.writeValueAsBytes(out).length;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
