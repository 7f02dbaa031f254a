package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The monkey saddle {@code f(x, y) = x³ − 3xy²}: a degenerate stationary point at the origin
 * (the gradient and the Hessian both vanish there) with three descending valleys.
 *
 * <p>Gradient {@code (3x² − 3y², −6xy)}. Domain {@code [−2, 2]²}. <b>No minimum</b>: the function
 * is unbounded below, so {@link #minima()} is empty.
 *
 * <p>Reference: Wikipedia, "Monkey saddle".
 */
public final class MonkeySaddle extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "monkey-saddle";

    /** The monkey saddle {@code x³ − 3xy²}. */
    public MonkeySaddle() {
        super(NAME, 2, false, Domain.cube(2, -2, 2), List.of(), "f(x, y) = x³ − 3xy²");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double xx = x * x;
        double yy = y * y;
        g[0] = 3 * xx - 3 * yy;
        g[1] = -6 * x * y;
        return xx * x - 3 * x * yy;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray xx = x.mul(x);
        INDArray yy = y.mul(y);
        g[0] = xx.mul(3).subi(yy.mul(3));
        g[1] = x.mul(-6).muli(y);
        return xx.mul(x).subi(x.mul(3).muli(yy));
    }
}
