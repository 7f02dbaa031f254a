package dev.optim.core.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.api.ops.impl.transforms.clip.ClipByValue;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J-ops tier, for backends whose arrays may live off the host (CUDA): the preparation
 * and the rule's {@linkplain UpdateRule#apply(Nd4jOps, INDArray, INDArray, INDArray[]) ND4J-ops
 * form} as sequences of ND4J element-wise ops, one IEEE operation each, in the order of the
 * plain loops, so that the results match the other tiers bit for bit. Coefficients are held in
 * preallocated scalar arrays and intermediate results in preallocated scratch arrays shaped like
 * the parameters, so a step allocates no INDArray. Whole arrays only: a sub-range is refused.
 *
 * <p>Differences from the host tiers: the norm for clipping by global norm is summed in ND4J's
 * order; {@link #finite(long, long, Scratch)} runs the plain loops over host copies.
 */
final class Nd4jKernel extends Kernel {

    private final INDArray[] state;
    private final DataType type;
    private INDArray params;
    private INDArray gradient;
    private INDArray prepared;
    /** The preparation's scalars. */
    private final INDArray[] k = new INDArray[3];
    private final INDArray norm;
    private final Nd4jOps ops;
    /** The host-memory kernel of {@link #finite}, made on first use. */
    private PlainHostKernel host;

    Nd4jKernel(UpdateRule rule, INDArray[] state, DataType type, long length) {
        super(rule, state.length, length);
        this.state = state.clone();
        this.type = type;
        for (int i = 0; i < k.length; i++) {
            k[i] = Nd4j.scalar(type, 0.0);
        }
        this.norm = Nd4j.scalar(type, 0.0);
        this.ops = new Nd4jOps(type);
    }

    @Override
    public String tier() {
        return "nd4j";
    }

    @Override
    public boolean bound(INDArray params, INDArray gradient) {
        return params == this.params && gradient == this.gradient;
    }

    @Override
    public void bind(INDArray params, INDArray gradient) {
        if (params.wasClosed()) {
            throw new IllegalArgumentException("params was closed");
        }
        if (gradient.wasClosed()) {
            throw new IllegalArgumentException("gradient was closed");
        }
        this.params = params;
        this.gradient = gradient;
        ops.like(params);
    }

    @Override
    public double gradientNorm() {
        Nd4j.getExecutioner().exec(new Norm2(gradient, norm));
        return norm.getDouble(0);
    }

    /** Sets scalar {@code i} and returns it. */
    private INDArray k(int i, double value) {
        k[i].putScalar(0, value);
        return k[i];
    }

    /** The gradient after preparation; decays the parameters in place. */
    private INDArray prepared() {
        if (!prepares) {
            return gradient;
        }
        if (prepared == null) {
            prepared = params.ulike();
        }
        INDArray g = gradient;
        // Scratch 0 and 1 are free until the rule runs.
        INDArray a = ops.scratch(0);
        INDArray b = ops.scratch(1);
        // The gradient is read before the parameters are written, as element by element.
        if (decays) {
            params.muli(k(0, decay), a);
        }
        INDArray theta = decays ? a : params;
        if (clips) {
            ClipByValue op = new ClipByValue(g, -clip, clip);
            op.addOutputArgument(prepared);
            Nd4j.exec(op);
            g = prepared;
        }
        if (scales) {
            g.muli(k(1, scale), prepared);
            g = prepared;
        }
        if (couples) {
            theta.muli(k(2, coupled), b);
            g.addi(b, prepared);
            g = prepared;
        }
        if (decays) {
            params.assign(a);
        }
        return g;
    }

    @Override
    public void run(long from, long to, Scratch scratch) {
        if (from != 0 || to != length()) {
            throw new IllegalArgumentException("the nd4j tier steps whole arrays: range [" + from
                    + ", " + to + ") must be [0, " + length() + ")");
        }
        rule.apply(ops, params, prepared(), state);
    }

    @Override
    public boolean finite(long from, long to, Scratch scratch) {
        checkRange(from, to);
        if (host == null) {
            int width = type.width();
            if (length() * width > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("params of " + length() + " " + type
                        + " elements exceed the 2 GiB that the finiteness check copies");
            }
            host = new PlainHostKernel(rule,
                    new HostBinding(state, (int) length(), width), type == DataType.FLOAT);
        }
        host.bind(params, gradient);
        preparationTo(host);
        return host.finite(from, to, scratch);
    }
}
