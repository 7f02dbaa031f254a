package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.schedule.ReduceOnPlateau;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code stateBuffersPerParameter()} against what each optimizer actually keeps and saves, for
 * every optimizer and form of the catalogue, the wrappers included: the saved state grows by
 * exactly {@code 8 · count} bytes per parameter in float64 (so it saves that many values per
 * parameter, neither more nor fewer), {@code bytes()} is {@code count · n · width} (width 8 for
 * SWATS, whose buffers are float64 whatever the parameters), and for the element-wise rules the
 * state has {@code count} buffers, every one of which the rule writes (none is dead weight).
 */
class StateBufferCountTest {

    private static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> m = new LinkedHashMap<>();
        m.put("sgd", Sgd.of(0.1));
        m.put("momentum-ema", Momentum.builder().form(Momentum.Form.EMA).build());
        m.put("momentum-heavy-ball", Momentum.builder().form(Momentum.Form.HEAVY_BALL).build());
        m.put("momentum-nesterov", Momentum.builder().form(Momentum.Form.NESTEROV).build());
        m.put("rmsprop", RmsProp.builder().build());
        m.put("rmsprop-centered", RmsProp.builder().centered(true).build());
        m.put("rmsprop-momentum", RmsProp.builder().momentum(0.5).build());
        m.put("rmsprop-centered-momentum", RmsProp.builder().centered(true).momentum(0.5).build());
        m.put("adam", Adam.builder().build());
        m.put("adamw", Adam.builder().decoupledWeightDecay(0.1).build());
        m.put("amsgrad", Adam.builder().amsgrad(true).build());
        m.put("adagrad", Adagrad.builder().build());
        m.put("adadelta", Adadelta.builder().build());
        m.put("adamax", Adamax.builder().build());
        m.put("nadam", NAdam.builder().build());
        m.put("radam", RAdam.builder().build());
        m.put("lion", Lion.builder().clipping(Clipping.byValue(1)).build());
        m.put("schedule-free-adamw", ScheduleFreeAdamW.builder().build());
        m.put("swats", Swats.builder().build());
        m.put("lookahead-adam", Lookahead.builder(Adam.builder().build()).build());
        m.put("lookahead-sgd", Lookahead.builder(Sgd.of(0.1)).build());
        m.put("on-plateau-amsgrad", OnPlateau.wrap(Adam.builder().amsgrad(true).build(),
                ReduceOnPlateau.builder().build()));
        return m;
    }

    /** Expected by the Javadoc of {@link Optimizer#stateBuffersPerParameter()}. */
    private static int documented(String name) {
        return switch (name) {
            case "sgd" -> 0;
            case "momentum-ema", "momentum-heavy-ball", "momentum-nesterov", "rmsprop", "adagrad",
                    "lion", "lookahead-sgd" -> 1;
            case "rmsprop-centered", "rmsprop-momentum", "adam", "adamw", "adadelta", "adamax",
                    "nadam", "radam" -> 2;
            case "rmsprop-centered-momentum", "amsgrad", "schedule-free-adamw", "swats",
                    "lookahead-adam", "on-plateau-amsgrad" -> 3;
            default -> throw new AssertionError(name);
        };
    }

    private static OptimizerState run(Optimizer opt, INDArray p, Random rnd) {
        OptimizerState s = opt.init(p);
        for (int k = 0; k < 3; k++) {
            INDArray g = Nd4j.createFromArray(gaussian(rnd, (int) p.length()))
                    .castTo(p.dataType());
            opt.step(p, g, s);
        }
        return s;
    }

    private static double[] gaussian(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    private static byte[] saved(OptimizerState s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.save(out);
        return out.toByteArray();
    }

    @Test
    void theReportedCountIsWhatEachOptimizerKeepsAndSaves() throws IOException {
        Random rnd = new Random(13);
        for (Map.Entry<String, Optimizer> e : optimizers().entrySet()) {
            String name = e.getKey();
            Optimizer opt = e.getValue();
            int count = opt.stateBuffersPerParameter();
            assertEquals(documented(name), count, name);
            long[] sizes = new long[2];
            for (int n : new int[] {10, 11}) {
                INDArray p = Nd4j.createFromArray(gaussian(rnd, n));
                OptimizerState s = run(opt, p, rnd);
                assertEquals((long) count * n * 8, s.bytes(), name + " float64 bytes()");
                byte[] bytes = saved(s);
                sizes[n - 10] = bytes.length;
                // The saved state restores to the same values.
                OptimizerState back = opt.restore(new ByteArrayInputStream(bytes), p);
                assertArrayEquals(bytes, saved(back), name + " round trip");
            }
            assertEquals(8L * count, sizes[1] - sizes[0], name + ": saved bytes per parameter");

            INDArray pf = Nd4j.createFromArray(gaussian(rnd, 10)).castTo(DataType.FLOAT);
            OptimizerState sf = run(opt, pf, rnd);
            int width = opt instanceof Swats ? 8 : 4;
            assertEquals((long) (count * 10) * width, sf.bytes(), name + " float32 bytes()");

            if (opt instanceof BaseOptimizer) {
                assertEquals(count, sf.bufferCount(), name);
                for (int b = 0; b < count; b++) {
                    double[] v = sf.bufferValues(b);
                    boolean written = false;
                    for (double x : v) {
                        written |= x != 0;
                    }
                    assertTrue(written, name + ": buffer " + b + " is never written");
                }
            }
        }
    }
}
