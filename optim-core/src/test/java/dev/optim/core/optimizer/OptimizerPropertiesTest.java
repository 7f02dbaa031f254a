package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Kind;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Properties that hold for every optimizer (SGD, the three momentum forms, RMSprop, Adam; with
 * and without coupled or decoupled weight decay; with and without clipping), in float32 and
 * float64.
 */
class OptimizerPropertiesTest {

    private static final int STEPS = 20;

    // ---------------------------------------------------------------------------------------
    // Generators

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<Clipping> clippings = Arbitraries.oneOf(
                Arbitraries.just(Clipping.none()),
                Arbitraries.doubles().between(0.01, 100).map(Clipping::byValue),
                Arbitraries.doubles().between(0.01, 100).map(Clipping::byGlobalNorm));
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 0.99).ofScale(6),
                Arbitraries.doubles().between(0, 0.9999).ofScale(6),
                Arbitraries.of(Decay.class),
                Arbitraries.doubles().between(0, 1).ofScale(6),
                clippings,
                Arbitraries.doubles().between(0, 1).ofScale(6))
            .as((kind, c, b2, decay, lambda, clip, lr) -> new Setup(kind, Schedule.constant(lr),
                    c, b2, decay, decay == Decay.NONE ? 0 : lambda, clip));
    }

    /** Gradient elements: zero, tiny, huge (squares stay finite in float32), either sign. */
    @Provide
    Arbitrary<double[][]> gradientSequences() {
        Arbitrary<Double> magnitude = Arbitraries.oneOf(
                Arbitraries.just(0.0),
                Arbitraries.doubles().between(-30, 15).ofScale(4).map(e -> Math.pow(10, e)));
        Arbitrary<Double> element = Combinators.combine(magnitude, Arbitraries.of(1.0, -1.0))
                .as((m, s) -> m * s);
        return Arbitraries.integers().between(1, 6).flatMap(n ->
                element.array(double[].class).ofSize(n).array(double[][].class).ofSize(8));
    }

    @Provide
    Arbitrary<DataType> dtypes() {
        return Arbitraries.of(DataType.FLOAT, DataType.DOUBLE);
    }

    @Provide
    Arbitrary<long[]> shapes() {
        return Arbitraries.integers().between(1, 3).flatMap(rank ->
                Arbitraries.longs().between(1, 4).array(long[].class).ofSize(rank));
    }

    // ---------------------------------------------------------------------------------------
    // A convex quadratic decreases for a small enough rate

    /**
     * On {@code f(x) = ½ Σ aᵢ xᵢ²} ({@code aᵢ ∈ [0.1, 10]}, {@code |xᵢ| ∈ [0.5, 5]}) and a rate
     * small enough that 20 steps cannot reach the minimum (for SGD and momentum
     * {@code η = (1−μ) / (4·20·(max a + λ))}, since a step moves a coordinate by at most
     * {@code η·|g|/(1−μ)}; for RMSprop and Adam {@code η = 1e-4}, since their steps are at most
     * about {@code η/√(1−ρ)} or {@code η·(1−β1)/√(1−β2)}, at most {@code 100·η} here), every step moves every coordinate towards
     * the minimum without passing it, so f never increases, and it ends lower than it started.
     */
    @Property(tries = 200)
    void convexQuadraticDecreasesForASmallRate(@ForAll("setups") Setup setup,
            @ForAll("dtypes") DataType dtype,
            @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll("seeds") long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] a = new double[n];
        double[] x0 = new double[n];
        double aMax = 0;
        for (int i = 0; i < n; i++) {
            a[i] = 0.1 + 9.9 * random.nextDouble();
            x0[i] = (0.5 + 4.5 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            aMax = Math.max(aMax, a[i]);
        }
        double lr = setup.kind().adaptive() ? 1e-4
                : (1 - setup.momentum()) / (4.0 * STEPS * (aMax + setup.lambda()));
        Optimizer opt = setup.withLearningRate(lr).build();
        INDArray x = Nd4j.createFromArray(x0).castTo(dtype);
        INDArray g = Nd4j.create(dtype, n);
        OptimizerState state = opt.init(x);
        double[] prev = x.toDoubleVector();
        double f0 = quadratic(a, prev);
        double fPrev = f0;
        for (int k = 0; k < STEPS; k++) {
            for (int i = 0; i < n; i++) {
                g.putScalar(i, dtype == DataType.FLOAT ? (float) a[i] * (float) prev[i]
                        : a[i] * prev[i]);
            }
            opt.step(x, g, state);
            double[] now = x.toDoubleVector();
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(now[i]) <= Math.abs(prev[i]) && now[i] * x0[i] > 0,
                        "x" + i + " moved from " + prev[i] + " to " + now[i] + " at step " + k);
            }
            double f = quadratic(a, now);
            assertTrue(f <= fPrev, "f rose from " + fPrev + " to " + f + " at step " + k);
            fPrev = f;
            prev = now;
        }
        assertTrue(fPrev < f0, "f did not decrease: " + f0 + " -> " + fPrev);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static double quadratic(double[] a, double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * a[i] * x[i] * x[i];
        }
        return f;
    }

    // ---------------------------------------------------------------------------------------
    // Adam's first step has magnitude lr in every coordinate

    /**
     * Adam's first update is {@code η·g/(|g| + ε)} (both moments are bias-corrected to
     * {@code g} and {@code g²}), so for {@code |g| ≥ 1000·ε} it moves every coordinate by
     * {@code η} to within 0.1%, against the gradient, whatever β1 and β2; with decoupled weight
     * decay, after the shrink {@code θ·(1 − η·λ)}.
     */
    @Property(tries = 200)
    void adamFirstStepHasMagnitudeLr(@ForAll("dtypes") DataType dtype,
            @ForAll("seeds") long seed,
            @ForAll @IntRange(min = 1, max = 10) int n,
            @ForAll boolean decoupled) {
        java.util.Random random = new java.util.Random(seed);
        double lr = Math.pow(10, -4 + 4 * random.nextDouble());
        double beta1 = 0.999 * random.nextDouble();
        double beta2 = 0.9999 * random.nextDouble();
        double eps = random.nextBoolean() ? 1e-8 : 1e-6;
        double lambda = decoupled ? random.nextDouble() : 0;
        Adam.Builder b = Adam.builder().learningRate(lr).beta1(beta1).beta2(beta2).epsilon(eps);
        if (decoupled) {
            b.decoupledWeightDecay(lambda);
        }
        Adam adam = b.build();
        double[] theta = new double[n];
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = 20 * random.nextDouble() - 10;
            grad[i] = (random.nextBoolean() ? 1 : -1) * 1000 * eps
                    * Math.pow(10, 9 * random.nextDouble());
        }
        INDArray p = Nd4j.createFromArray(theta).castTo(dtype);
        INDArray g = Nd4j.createFromArray(grad).castTo(dtype);
        double[] before = p.toDoubleVector();
        adam.step(p, g, adam.init(p));
        double[] after = p.toDoubleVector();
        for (int i = 0; i < n; i++) {
            double shrunk = before[i] * (1 - lr * lambda);
            double move = after[i] - shrunk;
            // float32 rounds θ and the shrink: allow a few ulps of θ on top of 0.1% of η.
            double slack = 1e-3 * lr + (dtype == DataType.FLOAT
                    ? 4 * Math.ulp((float) Math.max(Math.abs(before[i]), Math.abs(after[i])))
                    : 4 * Math.ulp(Math.max(Math.abs(before[i]), Math.abs(after[i]))));
            assertEquals(-Math.signum(grad[i]) * lr, move, slack,
                    "coordinate " + i + ": g=" + grad[i] + ", moved " + move + ", lr " + lr);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Finite state and parameters; the gradient is never written

    /**
     * For finite gradients (zero, tiny, huge, either sign) the parameters and every state value
     * stay finite, and the caller's gradient array is left bit-for-bit as it was, through the
     * INDArray API in float32 and float64 and through the {@code double[]} API.
     */
    @Property(tries = 300)
    void stateAndParamsStayFiniteAndGradientIsUntouched(@ForAll("setups") Setup setup,
            @ForAll("dtypes") DataType dtype,
            @ForAll("gradientSequences") double[][] grads) {
        Optimizer opt = setup.build();
        int n = grads[0].length;
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = i - n / 2.0;
        }
        INDArray p = Nd4j.createFromArray(start).castTo(dtype);
        OptimizerState state = opt.init(p);
        double[] plain = start.clone();
        OptimizerState plainState = opt.init(plain);
        for (double[] step : grads) {
            INDArray g = Nd4j.createFromArray(step).castTo(dtype);
            long[] bits = rawBits(g);
            opt.step(p, g, state);
            assertArrayEquals(bits, rawBits(g), "the gradient array was written");

            double[] gp = step.clone();
            opt.step(plain, gp, plainState);
            assertArrayEquals(rawBits(step), rawBits(gp), "the gradient double[] was written");
        }
        assertAllFinite("params", p.toDoubleVector(), setup);
        assertAllFinite("double[] params", plain, setup);
        for (int b = 0; b < state.bufferCount(); b++) {
            assertAllFinite("state buffer " + b, state.bufferValues(b), setup);
            assertAllFinite("double[] state buffer " + b, plainState.bufferValues(b), setup);
        }
    }

    private static long[] rawBits(INDArray a) {
        if (a.dataType() == DataType.FLOAT) {
            float[] v = a.toFloatVector();
            long[] bits = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                bits[i] = Float.floatToRawIntBits(v[i]);
            }
            return bits;
        }
        return rawBits(a.toDoubleVector());
    }

    private static long[] rawBits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertAllFinite(String what, double[] v, Setup setup) {
        for (int i = 0; i < v.length; i++) {
            assertTrue(Double.isFinite(v[i]), what + "[" + i + "] = " + v[i] + " for " + setup);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Any shape, either memory order, float and double

    /**
     * Parameters of random shape (rank 1 to 3) in 'c' or 'f' order: the update is element-wise,
     * so float64 results equal, bit for bit, those of the {@code double[]} API on the same
     * values; float32 results equal those of a rank-1 float32 vector bit for bit, and the
     * float64 results to float32 accuracy. (Global-norm clipping is left out here: its sum runs
     * in memory order, so an 'f' array's norm may differ in the last bit.)
     */
    @Property(tries = 200)
    void paramsOfAnyShapeAndOrderWork(@ForAll("setups") Setup setup,
            @ForAll("dtypes") DataType dtype,
            @ForAll("shapes") long[] shape,
            @ForAll boolean fortran,
            @ForAll("seeds") long seed) {
        if (setup.clipping().mode() == Clipping.Mode.BY_GLOBAL_NORM) {
            setup = new Setup(setup.kind(), setup.lr(), setup.coefficient(), setup.beta2(),
                    setup.decay(), setup.lambda(), Clipping.none());
        }
        Optimizer opt = setup.build();
        int n = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        java.util.Random random = new java.util.Random(seed);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) (4 * random.nextGaussian());
        }
        char order = fortran ? 'f' : 'c';
        INDArray p = shaped(start, shape, order, dtype);
        OptimizerState state = opt.init(p);
        INDArray flat = Nd4j.createFromArray(start).castTo(dtype);
        OptimizerState flatState = opt.init(flat);
        double[] plain = start.clone();
        OptimizerState plainState = opt.init(plain);
        for (int k = 0; k < 5; k++) {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (random.nextGaussian() * Math.pow(10, 2 * random.nextDouble() - 1));
            }
            opt.step(p, shaped(g, shape, order, dtype), state);
            opt.step(flat, Nd4j.createFromArray(g).castTo(dtype), flatState);
            opt.step(plain, g, plainState);
        }
        assertArrayEquals(shape, p.shape());
        assertEquals(dtype, p.dataType());
        double[] got = p.dup('c').data().asDouble();
        if (dtype == DataType.DOUBLE) {
            assertArrayEquals(plain, got, 0.0, "float64 " + Arrays.toString(shape) + " " + order);
        } else {
            assertArrayEquals(flat.toDoubleVector(), got, 0.0,
                    "float32 " + Arrays.toString(shape) + " " + order + " vs a vector");
            for (int i = 0; i < n; i++) {
                assertEquals(plain[i], got[i], 1e-4 * (1 + Math.abs(plain[i])),
                        "float32 vs float64 at " + i);
            }
        }
    }

    private static INDArray shaped(double[] values, long[] shape, char order, DataType dtype) {
        return Nd4j.createFromArray(values).castTo(dtype).reshape('c', shape).dup(order);
    }
}
