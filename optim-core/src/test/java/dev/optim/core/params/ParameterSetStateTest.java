package dev.optim.core.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.TestOptimizers;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Kind;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A set's state saved after N steps and restored into a fresh set (new arrays, the tensors in
 * another order, a new optimizer) continues bit for bit, schedules included; anything that does
 * not fit is refused, naming the first offending tensor; damage of any byte is refused.
 */
class ParameterSetStateTest {

    private static final int N = 4;

    static Stream<Arguments> resumes() {
        List<Arguments> cases = new ArrayList<>();
        Schedule decaying = k -> 0.05 / (1 + 0.3 * k);
        for (Kind kind : Kind.values()) {
            for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                cases.add(Arguments.of(new Setup(kind, decaying, 0.8, 0.99, Decay.COUPLED, 0.02,
                        Clipping.byGlobalNorm(1.5)), type));
            }
            cases.add(Arguments.of(new Setup(kind, decaying, 0.8, 0.99, Decay.DECOUPLED, 0.02,
                    Clipping.byGlobalNormPyTorch(1.5)), DataType.DOUBLE));
        }
        return cases.stream();
    }

    private static ParameterSet grouped(ParameterSet.Builder b) {
        return b.group("biases", GroupOverrides.builder().weightDecay(0)
                        .learningRate(k -> 0.1 * Math.pow(0.7, k)).build(),
                        n -> n.startsWith("b"))
                .build();
    }

    /** The same tensors as {@link Nets#mlp} in reverse order, with copies of the values. */
    private static ParameterSet reversedCopy(ParameterSet set) {
        ParameterSet.Builder b = ParameterSet.builder();
        for (int i = set.size() - 1; i >= 0; i--) {
            b.add(set.name(i), set.tensor(i).dup(set.tensor(i).ordering()));
        }
        return grouped(b);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("resumes")
    void resumeIsBitExact(Setup setup, DataType type) throws IOException {
        BaseOptimizer opt = (BaseOptimizer) setup.build();
        ParameterSetOptimizer setOpt = ParameterSetOptimizer.of(opt);
        ParameterSet straight = grouped(Nets.mlp(1, type));
        ParameterSetState s1 = setOpt.init(straight);
        GradientSet g1 = straight.zerosLikeGradients();
        for (int k = 0; k < 2 * N; k++) {
            Nets.fill(g1, 2, k, 1.0);
            setOpt.step(straight, g1, s1);
        }

        ParameterSet first = grouped(Nets.mlp(1, type));
        ParameterSetState s2 = setOpt.init(first);
        GradientSet g2 = first.zerosLikeGradients();
        for (int k = 0; k < N; k++) {
            Nets.fill(g2, 2, k, 1.0);
            setOpt.step(first, g2, s2);
        }
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        s2.save(saved);

        // "A new process": a fresh set (other arrays, other order), a newly built optimizer.
        ParameterSet fresh = reversedCopy(first);
        ParameterSetOptimizer again = ParameterSetOptimizer.of((BaseOptimizer) setup.build());
        ParameterSetState s3 = again.restore(new ByteArrayInputStream(saved.toByteArray()), fresh);
        assertEquals(N, s3.step());
        GradientSet g3 = fresh.zerosLikeGradients();
        for (int k = N; k < 2 * N; k++) {
            Nets.fill(g2, 2, k, 1.0);
            for (String name : fresh.names()) {
                g3.tensor(name).assign(g2.tensor(name));
            }
            again.step(fresh, g3, s3);
        }
        for (String name : straight.names()) {
            assertArrayEquals(straight.tensor(name).dup('c').data().asDouble(),
                    fresh.tensor(name).dup('c').data().asDouble(), name);
            for (int b = 0; b < opt.stateBuffersPerParameter(); b++) {
                assertArrayEquals(s1.bufferValues(name, b), s3.bufferValues(name, b), name);
            }
        }
        assertEquals(2 * N, s3.step());
    }

    private static byte[] savedMlp() throws IOException {
        ParameterSet set = grouped(Nets.mlp(1, DataType.DOUBLE));
        ParameterSetOptimizer opt = ParameterSetOptimizer.of(Adam.builder().build());
        ParameterSetState state = opt.init(set);
        GradientSet g = set.zerosLikeGradients();
        Nets.fill(g, 1, 0, 1);
        opt.step(set, g, state);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.save(out);
        return out.toByteArray();
    }

    private static void refused(byte[] saved, BaseOptimizer opt, ParameterSet set,
            String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterSetOptimizer.of(opt).restore(new ByteArrayInputStream(saved), set));
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + e.getMessage() + "' lacks '"
                    + f + "'");
        }
    }

    private static INDArray zeros(DataType type, long... shape) {
        return Nets.gaussian(new Random(0), type, 'c', 1, shape);
    }

    @Test
    void mismatchesAreRefusedNamingTheFirstOffendingTensor() throws IOException {
        byte[] saved = savedMlp();
        Adam adam = Adam.builder().build();
        Random rnd = new Random(3);
        refused(saved, Sgd.builder().build(), grouped(Nets.mlp(1, DataType.DOUBLE)),
                "belongs to a 'adam' optimizer");
        // w1 [4,3], b1 [3], w2 [3,2], b2 [2]
        refused(saved, adam, grouped(ParameterSet.builder()
                .add("w1", zeros(DataType.DOUBLE, 4, 3)).add("b1", zeros(DataType.DOUBLE, 3))
                .add("w2", zeros(DataType.DOUBLE, 2, 3)).add("b2", zeros(DataType.DOUBLE, 2))),
                "tensor 'w2' has shape [2, 3] in the set but [3, 2] in the saved state");
        refused(saved, adam, grouped(ParameterSet.builder()
                .add("w1", zeros(DataType.DOUBLE, 4, 3)).add("b1", zeros(DataType.DOUBLE, 3))
                .add("w3", zeros(DataType.DOUBLE, 3, 2)).add("b2", zeros(DataType.DOUBLE, 2))),
                "tensor 'w3' of the set has no saved state");
        refused(saved, adam, grouped(ParameterSet.builder()
                .add("w1", zeros(DataType.DOUBLE, 4, 3)).add("b1", zeros(DataType.DOUBLE, 3))
                .add("w2", zeros(DataType.DOUBLE, 3, 2))),
                "saved tensor 'b2' is not in the set");
        refused(saved, adam, grouped(Nets.mlp(1, DataType.FLOAT)),
                "tensor 'w1' is FLOAT in the set but DOUBLE in the saved state");
        refused(saved, adam, Nets.mlp(1, DataType.DOUBLE).build(),
                "tensor 'b1' is in group 'default' in the set but in group 'biases'");
        refused(saved, adam, Nets.mlp(1, DataType.DOUBLE)
                .group("biases", GroupOverrides.none(), n -> n.startsWith("b"))
                .group("other", GroupOverrides.none()).build(),
                "groups [default, biases, other]");
        refused(Arrays.copyOf(saved, 10), adam, grouped(Nets.mlp(1, DataType.DOUBLE)),
                "truncated");
        // Restoring into a set of the right structure works, and a shape check names the
        // tensor before any state is built (w1 is fine, so b1's error shows b1).
        ParameterSetOptimizer.of(adam).restore(new ByteArrayInputStream(saved),
                grouped(Nets.mlp(2, DataType.DOUBLE)));
        assertTrue(rnd != null);
    }

    /** Any single changed byte, and any truncation, is refused with an IllegalArgumentException. */
    @Property(tries = 300)
    void anyCorruptionIsRefused(@ForAll @IntRange(min = 0, max = 100_000) int where,
            @ForAll @IntRange(min = 1, max = 255) int flip, @ForAll boolean truncate)
            throws IOException {
        byte[] saved = savedOnce();
        byte[] damaged;
        if (truncate) {
            damaged = Arrays.copyOf(saved, where % saved.length);
        } else {
            damaged = saved.clone();
            damaged[where % saved.length] ^= (byte) flip;
        }
        ParameterSet set = grouped(Nets.mlp(1, DataType.DOUBLE));
        assertThrows(IllegalArgumentException.class, () -> ParameterSetOptimizer
                .of(Adam.builder().build()).restore(new ByteArrayInputStream(damaged), set));
    }

    private static byte[] cached;

    private static synchronized byte[] savedOnce() throws IOException {
        if (cached == null) {
            cached = savedMlp();
        }
        return cached;
    }

    @Test
    void theStateReportsItsSize() throws IOException {
        ParameterSet set = Nets.mlp(1, DataType.FLOAT).build();
        ParameterSetState state = ParameterSetOptimizer.of(Adam.builder().build()).init(set);
        assertEquals(2 * 4 * set.length(), state.bytes());
        assertEquals("adam", state.kind());
        assertTrue(state.toString().contains("tensors=4"));
        assertEquals(TestOptimizers.Kind.ADAM.buffers, 2);
    }
}
