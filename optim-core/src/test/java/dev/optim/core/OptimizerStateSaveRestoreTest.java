package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.TestOptimizers;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Kind;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saving an optimizer's state after k steps and restoring it in a "new process" (new arrays,
 * a new optimizer instance, nothing shared but the bytes) continues the run bit for bit; and
 * every damaged or mismatched input is refused with a message that names what is wrong.
 */
class OptimizerStateSaveRestoreTest {

    private static final int K = 6;

    /** Every kind and decay, a schedule that depends on the step, and both clippings. */
    static Stream<Arguments> continuations() {
        List<Setup> setups = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Decay decay : Decay.values()) {
                setups.add(new Setup(kind, k -> 0.05 / (1 + 0.3 * k), 0.8, 0.99, decay,
                        decay == Decay.NONE ? 0 : 0.05, Clipping.none()));
            }
            setups.add(new Setup(kind, Schedule.constant(0.02), 0.9, 0.999, Decay.NONE, 0,
                    Clipping.byValue(1.5)));
            setups.add(new Setup(kind, Schedule.constant(0.02), 0.9, 0.999, Decay.NONE, 0,
                    Clipping.byGlobalNorm(2.0)));
        }
        List<Arguments> cases = new ArrayList<>();
        for (Setup setup : setups) {
            for (DataType dtype : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                cases.add(Arguments.of(setup, dtype, new long[] {5}, 'c'));
                cases.add(Arguments.of(setup, dtype, new long[] {3, 4}, 'f'));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("continuations")
    void savedAndRestoredRunContinuesBitForBit(Setup setup, DataType dtype, long[] shape,
            char order) throws IOException {
        // The run that never stops.
        Optimizer opt = setup.build();
        INDArray straight = start(dtype, shape, order);
        OptimizerState straightState = opt.init(straight);
        for (int k = 0; k < 2 * K; k++) {
            opt.step(straight, gradient(straight, k), straightState);
        }

        // The run that stops after K steps and saves.
        INDArray first = start(dtype, shape, order);
        OptimizerState firstState = opt.init(first);
        for (int k = 0; k < K; k++) {
            opt.step(first, gradient(first, k), firstState);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstState.save(out);
        double[] savedParams = first.dup('c').data().asDouble();

        // A new process: new arrays, a new optimizer, only the bytes and the parameter values.
        Optimizer again = setup.build();
        INDArray resumed = Nd4j.create(dtype, shape, order);
        resumed.assign(Nd4j.createFromArray(savedParams).reshape('c', shape));
        OptimizerState restored = again.restore(new ByteArrayInputStream(out.toByteArray()),
                resumed);
        assertEquals(K, restored.step());
        assertEquals(setup.kind().kind, restored.kind());
        assertEquals(dtype, restored.dataType());
        for (int k = K; k < 2 * K; k++) {
            again.step(resumed, gradient(resumed, k), restored);
        }

        assertEquals(2 * K, restored.step());
        assertArrayEquals(bits(straight), bits(resumed), setup + ": parameters differ");
        for (int b = 0; b < straightState.bufferCount(); b++) {
            assertArrayEquals(bits(straightState.bufferValues(b)), bits(restored.bufferValues(b)),
                    setup + ": state buffer " + b + " differs");
        }
    }

    /** The saved form is in logical order: a state saved for 'f' continues on 'c' params. */
    @Test
    void stateSavedFromAnFOrderedMatrixContinuesOnACOrderedOne() throws IOException {
        for (Setup setup : TestOptimizers.all(0.05)) {
            Optimizer opt = setup.build();
            long[] shape = {3, 4};
            INDArray straight = start(DataType.DOUBLE, shape, 'f');
            OptimizerState s = opt.init(straight);
            INDArray other = start(DataType.DOUBLE, shape, 'f');
            OptimizerState o = opt.init(other);
            for (int k = 0; k < K; k++) {
                opt.step(straight, gradient(straight, k), s);
                opt.step(other, gradient(other, k), o);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            o.save(out);
            INDArray resumed = other.dup('c');
            OptimizerState r = opt.restore(new ByteArrayInputStream(out.toByteArray()), resumed);
            for (int k = K; k < 2 * K; k++) {
                opt.step(straight, gradient(straight, k), s);
                opt.step(resumed, gradient(resumed, k), r);
            }
            assertEquals('c', resumed.ordering());
            assertArrayEquals(bits(straight), bits(resumed), setup.toString());
        }
    }

    @Test
    void doubleArrayStateContinuesBitForBit() throws IOException {
        for (Setup setup : TestOptimizers.all(0.05)) {
            Optimizer opt = setup.build();
            double[] straight = {1, -2, 3, -4};
            OptimizerState s = opt.init(straight);
            double[] first = straight.clone();
            OptimizerState f = opt.init(first);
            for (int k = 0; k < K; k++) {
                opt.step(straight, gradient(straight, k), s);
                opt.step(first, gradient(first, k), f);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.save(out);
            Optimizer again = setup.build();
            double[] resumed = first.clone();
            OptimizerState r = OptimizerState.read(new ByteArrayInputStream(out.toByteArray()),
                    again, resumed.length);
            for (int k = K; k < 2 * K; k++) {
                opt.step(straight, gradient(straight, k), s);
                again.step(resumed, gradient(resumed, k), r);
            }
            assertArrayEquals(bits(straight), bits(resumed), setup.toString());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Refusals

    @Test
    void everyTruncationIsRefused() throws IOException {
        for (DataType dtype : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Adam adam = Adam.builder().build();
            INDArray p = start(dtype, new long[] {2, 3}, 'c');
            byte[] saved = savedAfterSteps(adam, p, 3);
            for (int length = 0; length < saved.length; length++) {
                byte[] cut = Arrays.copyOf(saved, length);
                IllegalArgumentException e = refused(adam, cut, p);
                assertTrue(e.getMessage().contains("truncated"),
                        "cut to " + length + " of " + saved.length + ": " + e.getMessage());
            }
        }
    }

    @Test
    void everyFlippedByteIsRefused() throws IOException {
        for (DataType dtype : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            RmsProp rms = RmsProp.builder().build();
            INDArray p = start(dtype, new long[] {2, 2}, 'f');
            byte[] saved = savedAfterSteps(rms, p, 2);
            for (int pos = 0; pos < saved.length; pos++) {
                for (int mask : new int[] {0x01, 0x80, 0xFF}) {
                    byte[] bad = saved.clone();
                    bad[pos] ^= (byte) mask;
                    String m = refused(rms, bad, p).getMessage();
                    String expected = pos < 8 ? "bad magic" : "corrupted";
                    assertTrue(m.contains(expected), "byte " + pos + " ^ " + mask + ": " + m);
                }
            }
        }
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        Adam adam = Adam.builder().build();
        INDArray p = start(DataType.DOUBLE, new long[] {4}, 'c');
        byte[] saved = savedAfterSteps(adam, p, 1);
        byte[] longer = Arrays.copyOf(saved, saved.length + 3);
        assertTrue(refused(adam, longer, p).getMessage().contains("corrupted"));
    }

    @Test
    void stateOfAnotherOptimizerKindIsRefused() throws IOException {
        INDArray p = start(DataType.DOUBLE, new long[] {4}, 'c');
        byte[] adamState = savedAfterSteps(Adam.builder().build(), p, 2);
        String m = refused(RmsProp.builder().build(), adamState, p).getMessage();
        assertTrue(m.contains("'adam'") && m.contains("'rmsprop'"), m);

        byte[] emaState = savedAfterSteps(
                Momentum.builder().form(Momentum.Form.EMA).build(), p, 2);
        m = refused(Momentum.builder().form(Momentum.Form.HEAVY_BALL).build(), emaState, p)
                .getMessage();
        assertTrue(m.contains("'momentum-ema'") && m.contains("'momentum-heavy-ball'"), m);
        m = refused(Momentum.builder().form(Momentum.Form.NESTEROV).build(), emaState, p)
                .getMessage();
        assertTrue(m.contains("'momentum-ema'") && m.contains("'momentum-nesterov'"), m);
    }

    @Test
    void stateOfAnotherShapeIsRefused() throws IOException {
        Adam adam = Adam.builder().build();
        byte[] saved = savedAfterSteps(adam, start(DataType.FLOAT, new long[] {3, 4}, 'c'), 2);
        for (long[] other : new long[][] {{4, 3}, {12}, {3, 4, 1}, {3, 5}}) {
            String m = refused(adam, saved, start(DataType.FLOAT, other, 'c')).getMessage();
            assertTrue(m.contains("shape [3, 4]") && m.contains(Arrays.toString(other)), m);
        }
    }

    @Test
    void stateOfAnotherDataTypeIsRefused() throws IOException {
        Momentum m = Momentum.builder().build();
        byte[] saved = savedAfterSteps(m, start(DataType.FLOAT, new long[] {5}, 'c'), 2);
        String msg = refused(m, saved, start(DataType.DOUBLE, new long[] {5}, 'c')).getMessage();
        assertTrue(msg.contains("FLOAT") && msg.contains("DOUBLE"), msg);
        saved = savedAfterSteps(m, start(DataType.DOUBLE, new long[] {5}, 'c'), 2);
        msg = refused(m, saved, start(DataType.FLOAT, new long[] {5}, 'c')).getMessage();
        assertTrue(msg.contains("DOUBLE") && msg.contains("FLOAT"), msg);
    }

    @Test
    void doubleArrayStateOfAnotherLengthIsRefused() throws IOException {
        Adam adam = Adam.builder().build();
        OptimizerState s = adam.init(new double[3]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.save(out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerState.read(new ByteArrayInputStream(out.toByteArray()), adam, 4));
        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[4]"),
                e.getMessage());
    }

    /** A well-formed file (valid checksum) of another format version. */
    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Adam adam = Adam.builder().build();
        INDArray p = start(DataType.DOUBLE, new long[] {2}, 'c');
        byte[] saved = savedAfterSteps(adam, p, 1);
        byte[] v3 = saved.clone();
        ByteBuffer.wrap(v3).putInt(8, 3);
        resign(v3);
        String m = refused(adam, v3, p).getMessage();
        assertTrue(m.contains("version 3"), m);
    }

    /** A well-formed file (valid checksum) whose header does not match its payload. */
    @Test
    void aHeaderThatDoesNotMatchThePayloadIsRefused() throws IOException {
        Adam adam = Adam.builder().build();
        INDArray p = start(DataType.DOUBLE, new long[] {2}, 'c');
        byte[] saved = savedAfterSteps(adam, p, 1);
        // The buffer count sits just before the payload: 2 buffers of 2 doubles, then the CRC.
        int countAt = saved.length - 8 - 2 * 2 * 8 - 4;
        assertEquals(2, ByteBuffer.wrap(saved).getInt(countAt));
        byte[] bad = saved.clone();
        ByteBuffer.wrap(bad).putInt(countAt, 3);
        resign(bad);
        String m = refused(adam, bad, p).getMessage();
        assertTrue(m.contains("malformed"), m);
    }

    /** A well-formed file (valid checksum) whose buffer count is not the optimizer's. */
    @Test
    void aBufferCountThatIsNotTheOptimizersIsRefused() throws IOException {
        Adam adam = Adam.builder().build();
        INDArray p = start(DataType.DOUBLE, new long[] {2}, 'c');
        byte[] saved = savedAfterSteps(adam, p, 1);
        // Drop the second buffer (2 doubles) and say so in the header: a consistent file.
        int countAt = saved.length - 8 - 2 * 2 * 8 - 4;
        byte[] one = Arrays.copyOf(saved, saved.length - 2 * 8);
        ByteBuffer.wrap(one).putInt(countAt, 1);
        resign(one);
        String m = refused(adam, one, p).getMessage();
        assertTrue(m.contains("1 buffer") && m.contains("'adam'") && m.contains("2"), m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerState.read(new ByteArrayInputStream(one), adam, 2));
        assertTrue(e.getMessage().contains("1 buffer"), e.getMessage());
    }

    @Test
    void aRefusedRestoreLeavesTheParametersAlone() throws IOException {
        Adam adam = Adam.builder().build();
        INDArray p = start(DataType.DOUBLE, new long[] {4}, 'c');
        byte[] saved = savedAfterSteps(adam, p.dup(), 2);
        saved[saved.length / 2] ^= 1;
        long[] before = bits(p);
        refused(adam, saved, p);
        assertArrayEquals(before, bits(p));
    }

    // ---------------------------------------------------------------------------------------

    private static IllegalArgumentException refused(Optimizer opt, byte[] bytes, INDArray p) {
        return assertThrows(IllegalArgumentException.class,
                () -> opt.restore(new ByteArrayInputStream(bytes), p));
    }

    private static byte[] savedAfterSteps(Optimizer opt, INDArray p, int steps)
            throws IOException {
        OptimizerState s = opt.init(p);
        for (int k = 0; k < steps; k++) {
            opt.step(p, gradient(p, k), s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.save(out);
        return out.toByteArray();
    }

    /** Recomputes the trailing CRC-32 after an edit, as a careful forger would. */
    private static void resign(byte[] file) {
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        ByteBuffer.wrap(file).putLong(file.length - 8, crc.getValue());
    }

    private static INDArray start(DataType dtype, long[] shape, char order) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(1.7 * i + 0.3) * (1 + i % 3);
        }
        INDArray a = Nd4j.create(dtype, shape, order);
        a.assign(Nd4j.createFromArray(v).reshape('c', shape));
        return a;
    }

    /** A gradient that depends on the parameters and the step: {@code θ·(1 + i/4) + cos(k+i)}. */
    private static INDArray gradient(INDArray p, int k) {
        double[] g = gradient(p.dup('c').data().asDouble(), k);
        INDArray out = Nd4j.create(p.dataType(), p.shape(), p.ordering());
        out.assign(Nd4j.createFromArray(g).reshape('c', p.shape()));
        return out;
    }

    private static double[] gradient(double[] p, int k) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = p[i] * (1 + i / 4.0) + Math.cos(k + i);
        }
        return g;
    }

    private static long[] bits(INDArray a) {
        return bits(a.dup('c').data().asDouble());
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    @Test
    void readWithoutAnOptimizerNamesIt() {
        byte[] any = new byte[64];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerState.read(new ByteArrayInputStream(any), null, 4));
        assertEquals("optimizer must not be null", e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> OptimizerState.read(new ByteArrayInputStream(any), null,
                        Nd4j.zeros(DataType.DOUBLE, 4)));
        assertEquals("optimizer must not be null", e2.getMessage());
    }
}
