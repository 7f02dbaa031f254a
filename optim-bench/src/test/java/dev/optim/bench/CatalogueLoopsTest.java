package dev.optim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The benchmark's floors compute what Optim's rules compute: eight steps of each floor loop
 * from the same start and gradients as {@code CatalogueBenchmark.optim}'s optimizer, equal to
 * float32 rounding. A floor that did less work than the rule would make its ratio meaningless.
 */
class CatalogueLoopsTest {

    static String[] names() {
        return CatalogueLoops.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void theFloorFollowsTheRule(String name) {
        int n = 37;
        Random rnd = new Random(7);
        double[] p0 = Workload.gaussian(rnd, n, 1.0);
        Optimizer opt = CatalogueBenchmark.optim(name);
        INDArray params = Workload.row(p0, DataType.FLOAT);
        OptimizerState state = opt.init(params);
        float[] p = Workload.toFloat(p0);
        float[] s0 = new float[n];
        float[] s1 = new float[n];
        float[] s2 = new float[n];
        if (name.equals("schedule-free-adamw")) {
            s0 = p.clone();
            s2 = p.clone();
        }
        for (int t = 1; t <= 8; t++) {
            double[] g0 = Workload.gaussian(rnd, n, 0.1);
            opt.step(params, Workload.row(g0, DataType.FLOAT), state);
            CatalogueLoops.step(name, p, Workload.toFloat(g0), s0, s1, s2, t);
        }
        float[] optim = params.toFloatVector();
        for (int i = 0; i < n; i++) {
            assertEquals(optim[i], p[i], 2e-6 * Math.max(1, Math.abs(optim[i])),
                    name + " parameter " + i);
        }
        assertEquals(opt.stateBuffersPerParameter(), CatalogueLoops.stateBuffers(name), name);
    }
}
