package dev.optim.core.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm2;
import org.nd4j.linalg.api.ops.impl.transforms.clip.ClipByValue;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J-ops tier, for backends whose arrays may live off the host (CUDA): each rule is a
 * sequence of ND4J element-wise ops, one IEEE operation each, in the order of {@link Kernel}'s
 * formulas, so that the results match the other tiers bit for bit. Coefficients are held in
 * preallocated scalar arrays (broadcast by the pair-wise ops) and intermediate results in two
 * preallocated scratch arrays shaped like the parameters, so a step allocates no INDArray.
 *
 * <p>Differences from the host tiers: the norm for clipping by global norm is summed in ND4J's
 * order; everything else is identical.
 */
final class Nd4jKernel extends Kernel {

    private final INDArray[] state;
    private final DataType type;
    private INDArray params;
    private INDArray gradient;
    /** Scratch shaped like the parameters, made on the first step. */
    private INDArray a;
    private INDArray b;
    private INDArray prepared;
    /** Scalar coefficients: [0, 7) for a rule's, [7, 10) for the preparation's. */
    private final INDArray[] k = new INDArray[10];
    private final INDArray norm;

    Nd4jKernel(INDArray[] state, DataType type, long length) {
        super(length);
        this.state = state.clone();
        this.type = type;
        for (int i = 0; i < k.length; i++) {
            k[i] = Nd4j.scalar(type, 0.0);
        }
        this.norm = Nd4j.scalar(type, 0.0);
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
        if (a == null) {
            a = params.ulike();
            b = params.ulike();
        }
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
        // The gradient is read before the parameters are written, as element by element.
        if (decays) {
            params.muli(k(7, decay), a);
        }
        INDArray theta = decays ? a : params;
        if (clips) {
            ClipByValue op = new ClipByValue(g, -clip, clip);
            op.addOutputArgument(prepared);
            Nd4j.exec(op);
            g = prepared;
        }
        if (scales) {
            g.muli(k(8, scale), prepared);
            g = prepared;
        }
        if (couples) {
            theta.muli(k(9, coupled), b);
            g.addi(b, prepared);
            g = prepared;
        }
        if (decays) {
            params.assign(a);
        }
        return g;
    }

    @Override
    public void sgd(double alpha) {
        INDArray g = prepared();
        g.muli(k(0, alpha), a);
        params.addi(a);
    }

    @Override
    public void momentumEma(double mu, double oneMinus, double alpha) {
        INDArray g = prepared();
        INDArray v = state[0];
        v.muli(k(0, mu));
        g.muli(k(1, oneMinus), a);
        v.addi(a);
        v.muli(k(2, alpha), a);
        params.addi(a);
    }

    @Override
    public void heavyBall(double mu, double alpha) {
        INDArray g = prepared();
        INDArray v = state[0];
        v.muli(k(0, mu));
        v.addi(g);
        v.muli(k(1, alpha), a);
        params.addi(a);
    }

    @Override
    public void nesterov(double mu, double alpha) {
        INDArray g = prepared();
        INDArray v = state[0];
        v.muli(k(0, mu));
        v.addi(g);
        v.muli(k(0, mu), a);
        g.addi(a, a);
        a.muli(k(1, alpha));
        params.addi(a);
    }

    @Override
    public void rmsProp(double rho, double oneMinus, double alpha, double eps) {
        INDArray g = prepared();
        INDArray s = state[0];
        s.muli(k(0, rho));
        g.muli(k(1, oneMinus), a);
        a.muli(g);
        s.addi(a);
        Nd4j.getExecutioner().exec(new Sqrt(s, b));
        b.addi(k(3, eps));
        g.muli(k(2, alpha), a);
        a.divi(b);
        params.addi(a);
    }

    @Override
    public void adam(double b1, double b2, double c1, double c2, double negStep,
            double bc2Sqrt, double eps) {
        INDArray g = prepared();
        INDArray m = state[0];
        INDArray v = state[1];
        m.muli(k(0, b1));
        g.muli(k(2, c1), a);
        m.addi(a);
        v.muli(k(1, b2));
        g.muli(k(3, c2), a);
        a.muli(g);
        v.addi(a);
        Nd4j.getExecutioner().exec(new Sqrt(v, b));
        b.divi(k(5, bc2Sqrt));
        b.addi(k(6, eps));
        m.muli(k(4, negStep), a);
        a.divi(b);
        params.addi(a);
    }
}
