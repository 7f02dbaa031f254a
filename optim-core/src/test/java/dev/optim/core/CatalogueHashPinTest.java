package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Adadelta;
import dev.optim.core.optimizer.Adagrad;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Adamax;
import dev.optim.core.optimizer.Lion;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.NAdam;
import dev.optim.core.optimizer.RAdam;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.ScheduleFreeAdamW;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.Swats;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bits of every optimizer's trajectory, pinned: eight updates of 1031 parameters (vector
 * and chunk tails) from fixed inputs, in float32 and float64, hashed (SHA-256 of the parameters'
 * and state buffers' bits, first 16 hex digits) and compared with the hash recorded when the
 * plain loops were last checked against PyTorch. Every tier must give the pinned hash (the
 * {@code nd4j} tier included: these configurations clip by value, not by global norm), and so
 * must the {@code double[]} path in float64. A change to any rule's arithmetic on any tier,
 * however small, fails here; SWATS's INDArray path is pinned the same way.
 */
class CatalogueHashPinTest {

    private static final int N = 1031;
    private static final int STEPS = 8;

    /** The configurations, by name. */
    static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> m = new LinkedHashMap<>();
        m.put("sgd", Sgd.builder().learningRate(0.05).weightDecay(0.01).build());
        m.put("momentum-ema", Momentum.builder().learningRate(0.03).form(Momentum.Form.EMA)
                .clipping(Clipping.byValue(0.8)).build());
        m.put("momentum-heavy-ball", Momentum.builder().learningRate(0.03)
                .form(Momentum.Form.HEAVY_BALL).decoupledWeightDecay(0.1).build());
        m.put("momentum-nesterov", Momentum.builder().learningRate(0.03).momentum(0.8)
                .form(Momentum.Form.NESTEROV).build());
        m.put("rmsprop", RmsProp.builder().learningRate(0.01).rho(0.95).build());
        m.put("rmsprop-centered", RmsProp.builder().learningRate(0.01).centered(true)
                .weightDecay(0.02).build());
        m.put("rmsprop-momentum", RmsProp.builder().learningRate(0.01).momentum(0.5)
                .clipping(Clipping.byValue(0.9)).build());
        m.put("rmsprop-centered-momentum", RmsProp.builder().learningRate(0.01).centered(true)
                .momentum(0.9).decoupledWeightDecay(0.1).build());
        m.put("adam", Adam.builder().learningRate(0.02).beta1(0.85).build());
        m.put("adamw", Adam.builder().learningRate(0.02).decoupledWeightDecay(0.05)
                .clipping(Clipping.byValue(1.0)).build());
        m.put("amsgrad", Adam.builder().learningRate(0.02).amsgrad(true).weightDecay(0.01)
                .build());
        m.put("adagrad", Adagrad.builder().learningRate(0.1).initialAccumulator(0.1)
                .lrDecay(0.01).clipping(Clipping.byValue(0.5)).build());
        m.put("adadelta", Adadelta.builder().learningRate(0.5).rho(0.8).build());
        m.put("adamax", Adamax.builder().learningRate(0.01).weightDecay(0.05).build());
        m.put("nadam", NAdam.builder().learningRate(0.01).clipping(Clipping.byValue(0.9)).build());
        // β2 = 0.999: updates 1 to 5 are unrectified, 6 to 8 rectified.
        m.put("radam", RAdam.builder().learningRate(0.01).decoupledWeightDecay(0.1).build());
        m.put("lion", Lion.builder().learningRate(1e-3).decoupledWeightDecay(0.2).build());
        m.put("schedule-free-adamw", ScheduleFreeAdamW.builder().learningRate(0.01)
                .warmupSteps(3).weightDecay(0.05).build());
        m.put("schedule-free-adamw-at-z", ScheduleFreeAdamW.builder().learningRate(0.01)
                .weightDecay(0.05).decayAtZ(true).r(1).clipping(Clipping.byValue(0.7)).build());
        m.put("swats", Swats.builder().learningRate(0.01).build());
        // A tolerance that switches to SGD within the eight updates.
        m.put("swats-switching", Swats.builder().learningRate(0.01).switchTolerance(1e-2)
                .build());
        return m;
    }

    /** The pinned hashes, by configuration and data type. */
    private static final Map<String, String> PINS = Map.ofEntries(
            Map.entry("adadelta DOUBLE", "904580019d48d5c4"),
            Map.entry("adadelta FLOAT", "d84f83bcc7fbf1a5"),
            Map.entry("adagrad DOUBLE", "72d0a3f28063b327"),
            Map.entry("adagrad FLOAT", "b4bd1c9948d28415"),
            Map.entry("adam DOUBLE", "a9dd8603d0e74a0c"),
            Map.entry("adam FLOAT", "effda0c474b09011"),
            Map.entry("adamax DOUBLE", "196f261a2cdaf8df"),
            Map.entry("adamax FLOAT", "890edce41b13122e"),
            Map.entry("adamw DOUBLE", "d292de250bf5ae43"),
            Map.entry("adamw FLOAT", "47aa570630fbb68f"),
            Map.entry("amsgrad DOUBLE", "f4d9cab1d7bc8a30"),
            Map.entry("amsgrad FLOAT", "824b61cd343ede03"),
            Map.entry("lion DOUBLE", "33ff9aad46a066fc"),
            Map.entry("lion FLOAT", "ecc2f5a18254dbf5"),
            Map.entry("momentum-ema DOUBLE", "2c184f731063abdd"),
            Map.entry("momentum-ema FLOAT", "747c035702d5fa38"),
            Map.entry("momentum-heavy-ball DOUBLE", "00de7f3a7f1dd695"),
            Map.entry("momentum-heavy-ball FLOAT", "2bb27452e256d4c0"),
            Map.entry("momentum-nesterov DOUBLE", "07c03329dd3510b4"),
            Map.entry("momentum-nesterov FLOAT", "db0b054900da920f"),
            Map.entry("nadam DOUBLE", "1860799a9af1b305"),
            Map.entry("nadam FLOAT", "4a268112a91a4d83"),
            Map.entry("radam DOUBLE", "1957dbabb22adcd5"),
            Map.entry("radam FLOAT", "9cf98cd5c50847df"),
            Map.entry("rmsprop DOUBLE", "d9965cfceeba1012"),
            Map.entry("rmsprop FLOAT", "63aec62913bb5978"),
            Map.entry("rmsprop-centered DOUBLE", "74c97e0c53911f1f"),
            Map.entry("rmsprop-centered FLOAT", "2a59087944bebb16"),
            Map.entry("rmsprop-centered-momentum DOUBLE", "39a134f0b7b4e185"),
            Map.entry("rmsprop-centered-momentum FLOAT", "9dffc029e9e4141e"),
            Map.entry("rmsprop-momentum DOUBLE", "bfbc8df53a8061ee"),
            Map.entry("rmsprop-momentum FLOAT", "ae95ca9819336d76"),
            Map.entry("schedule-free-adamw DOUBLE", "cd353f7fed4a311c"),
            Map.entry("schedule-free-adamw FLOAT", "1dedd648dac796fb"),
            Map.entry("schedule-free-adamw-at-z DOUBLE", "298759825094c5d2"),
            Map.entry("schedule-free-adamw-at-z FLOAT", "720467fb16e6d32e"),
            Map.entry("sgd DOUBLE", "071a850e9efb58e6"),
            Map.entry("sgd FLOAT", "ef110fc2a32a38fd"),
            Map.entry("swats DOUBLE", "b3c0ae9abf772830"),
            Map.entry("swats FLOAT", "74636e80acb1d9d4"),
            Map.entry("swats-switching DOUBLE", "41a6f022731b9f50"),
            Map.entry("swats-switching FLOAT", "beab1bf1f5bd8fe5"));

    private static double[][] inputs(long seed) {
        Random rnd = new Random(seed);
        double[][] x = new double[STEPS + 1][N];
        for (double[] row : x) {
            for (int i = 0; i < N; i++) {
                row[i] = rnd.nextGaussian();
            }
        }
        return x;
    }

    private static String hash(double[] params, OptimizerState s) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        List<double[]> arrays = new ArrayList<>();
        arrays.add(params);
        for (int k = 0; k < s.bufferCount(); k++) {
            arrays.add(s.bufferValues(k));
        }
        if (s.extension() != null) {
            arrays.add(new double[] {Swats.switchStep(s), Swats.sgdRate(s)});
        }
        for (double[] a : arrays) {
            for (double v : a) {
                b.clear();
                md.update(b.putLong(Double.doubleToRawLongBits(v)).array());
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static String run(Optimizer opt, DataType type, String tier) {
        double[][] in = inputs(31);
        INDArray p = Nd4j.createFromArray(in[0]).castTo(type).reshape(1, N);
        OptimizerState s = NonFiniteStepTest.init(tier, opt, p);
        INDArray g = Nd4j.zeros(type, 1, N);
        for (int k = 1; k <= STEPS; k++) {
            g.assign(Nd4j.createFromArray(in[k]).castTo(type).reshape(1, N));
            opt.step(p, g, s);
        }
        if (opt instanceof BaseOptimizer) {
            assertEquals(tier, s.tier(), tier + " " + opt);
        }
        return hash(p.castTo(DataType.DOUBLE).toDoubleVector(), s);
    }

    private static String runPlain(Optimizer opt) {
        double[][] in = inputs(31);
        double[] p = in[0].clone();
        OptimizerState s = opt.init(p);
        for (int k = 1; k <= STEPS; k++) {
            opt.step(p, in[k], s);
        }
        return hash(p, s);
    }

    @Test
    void theSwatsConfigurationsCoverBothPhases() {
        for (String name : List.of("swats", "swats-switching")) {
            double[][] in = inputs(31);
            double[] p = in[0].clone();
            Optimizer opt = optimizers().get(name);
            OptimizerState s = opt.init(p);
            for (int k = 1; k <= STEPS; k++) {
                opt.step(p, in[k], s);
            }
            long at = Swats.switchStep(s);
            if (name.equals("swats")) {
                assertEquals(0, at, name);
            } else {
                assertTrue(at > 1 && at < STEPS, name + " switched at " + at);
            }
        }
    }

    @Test
    void everyTierGivesThePinnedBits() {
        Map<String, String> got = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Optimizer> e : optimizers().entrySet()) {
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                String key = e.getKey() + " " + type;
                String plain = run(e.getValue(), type, "plain");
                got.put(key, plain);
                if (!plain.equals(PINS.get(key))) {
                    wrong.add(key + ": plain " + plain + ", pinned " + PINS.get(key));
                }
                for (String tier : NonFiniteStepTest.tiers()) {
                    String h = run(e.getValue(), type, tier);
                    if (!h.equals(plain)) {
                        wrong.add(key + ": " + tier + " " + h + ", plain " + plain);
                    }
                }
                if (type == DataType.DOUBLE) {
                    String h = runPlain(e.getValue());
                    if (!h.equals(plain)) {
                        wrong.add(key + ": double[] " + h + ", INDArray " + plain);
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder();
        got.forEach((k, v) -> table.append("            Map.entry(\"").append(k).append("\", \"")
                .append(v).append("\"),\n"));
        assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n" + table);
    }
}
