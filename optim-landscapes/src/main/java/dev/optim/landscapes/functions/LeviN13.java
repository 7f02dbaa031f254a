package dev.optim.landscapes.functions;

import dev.optim.landscapes.Domain;
import dev.optim.landscapes.Minimum;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lévi function N.13:
 * {@code f(x, y) = sin²(3πx) + (x − 1)²·(1 + sin²(3πy)) + (y − 1)²·(1 + sin²(2πy))}.
 *
 * <p>Gradient {@code ∂f/∂x = 6π·sin(3πx)·cos(3πx) + 2(x − 1)·(1 + sin²(3πy))},
 * {@code ∂f/∂y = 6π·(x − 1)²·sin(3πy)·cos(3πy) + 2(y − 1)·(1 + sin²(2πy))
 * + 4π·(y − 1)²·sin(2πy)·cos(2πy)}.
 *
 * <p>Domain {@code [−10, 10]²}. Global minimum {@code f(1, 1) = 0} (float64 gives about
 * {@code 1e-31}, from {@code sin(3π)} of the rounded {@code π}).
 *
 * <p>Reference: Wikipedia, "Test functions for optimization"; SFU library, "Levy Function
 * N. 13".
 */
public final class LeviN13 extends AbstractLandscape {

    /** The canonical name. */
    public static final String NAME = "levi-n13";

    private static final double TWO_PI = 2 * Math.PI;
    private static final double THREE_PI = 3 * Math.PI;
    private static final double FOUR_PI = 4 * Math.PI;
    private static final double SIX_PI = 6 * Math.PI;

    /** Lévi function N.13. */
    public LeviN13() {
        super(NAME, 2, false, Domain.cube(2, -10, 10),
                List.of(new Minimum(new double[] {1, 1}, 0.0)),
                "f(x, y) = sin²(3πx) + (x − 1)²·(1 + sin²(3πy)) + (y − 1)²·(1 + sin²(2πy))");
    }

    @Override
    double compute(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double s3x = StrictMath.sin(THREE_PI * x);
        double c3x = StrictMath.cos(THREE_PI * x);
        double s3y = StrictMath.sin(THREE_PI * y);
        double c3y = StrictMath.cos(THREE_PI * y);
        double s2y = StrictMath.sin(TWO_PI * y);
        double c2y = StrictMath.cos(TWO_PI * y);
        double u = x - 1;
        double v = y - 1;
        double uu = u * u;
        double vv = v * v;
        double py = 1 + s3y * s3y;
        double qy = 1 + s2y * s2y;
        g[0] = SIX_PI * s3x * c3x + 2 * u * py;
        g[1] = uu * (SIX_PI * s3y * c3y) + 2 * v * qy + vv * (FOUR_PI * s2y * c2y);
        return s3x * s3x + uu * py + vv * qy;
    }

    @Override
    INDArray computeBatch(INDArray[] p, INDArray[] g) {
        INDArray x = p[0];
        INDArray y = p[1];
        INDArray a3x = x.mul(THREE_PI);
        INDArray a3y = y.mul(THREE_PI);
        INDArray a2y = y.mul(TWO_PI);
        INDArray s3x = Columns.sin(a3x);
        INDArray c3x = Columns.cos(a3x);
        INDArray s3y = Columns.sin(a3y);
        INDArray c3y = Columns.cos(a3y);
        INDArray s2y = Columns.sin(a2y);
        INDArray c2y = Columns.cos(a2y);
        INDArray u = x.sub(1);
        INDArray v = y.sub(1);
        INDArray uu = u.mul(u);
        INDArray vv = v.mul(v);
        INDArray py = s3y.mul(s3y).addi(1);
        INDArray qy = s2y.mul(s2y).addi(1);
        g[0] = s3x.mul(SIX_PI).muli(c3x).addi(u.mul(2).muli(py));
        g[1] = uu.mul(s3y.mul(SIX_PI).muli(c3y)).addi(v.mul(2).muli(qy))
                .addi(vv.mul(s2y.mul(FOUR_PI).muli(c2y)));
        return s3x.mul(s3x).addi(uu.mul(py)).addi(vv.mul(qy));
    }
}
