package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The saddle {@code f(x, y) = x² − y²}: a stationary point at the origin that is not a minimum,
 * the simplest test of how an optimizer escapes a saddle.
 *
 * <p>Gradient {@code (2x, −2y)}. Domain {@code [−2, 2]²}. <b>No minimum</b>: the function is
 * unbounded below (along {@code y}), so {@link #minima()} is empty.
 *
 * <p>Reference: Wikipedia, "Saddle point".
 */
public final class Saddle extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "saddle";

    /** The saddle {@code x² − y²}. */
    public Saddle() {
        super(NAME, 2, false, Domain.cube(2, -2, 2), List.of(), "f(x, y) = x² − y²");
    }

    @Override
    double compute(double[] p, double[] g) {
        g[0] = 2 * p[0];
        g[1] = -2 * p[1];
        return p[0] * p[0] - p[1] * p[1];
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        g[0] = p[0].mul(2);
        g[1] = p[1].mul(-2);
        return p[0].mul(p[0]).subi(p[1].mul(p[1]));
    }
}
