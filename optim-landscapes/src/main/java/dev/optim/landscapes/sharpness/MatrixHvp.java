package dev.optim.landscapes.sharpness;

/** {@link HessianVectorProduct#ofMatrix(double[][])}. */
final class MatrixHvp implements HessianVectorProduct {

    private final double[][] h;

    MatrixHvp(double[][] matrix) {
        if (matrix == null || matrix.length == 0) {
            throw new IllegalArgumentException("matrix must not be null or empty");
        }
        int n = matrix.length;
        h = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has "
                        + (matrix[i] == null ? "null" : matrix[i].length + " entries")
                        + ", expected " + n);
            }
            h[i] = matrix[i].clone();
            Points.requireFinite("matrix[" + i + "]", h[i]);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (h[i][j] != h[j][i]) {
                    throw new IllegalArgumentException("matrix must be symmetric: matrix[" + i
                            + "][" + j + "] = " + h[i][j] + " but matrix[" + j + "][" + i
                            + "] = " + h[j][i]);
                }
            }
        }
    }

    @Override
    public int dimension() {
        return h.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        checkLengths(v, out, h.length);
        for (int i = 0; i < h.length; i++) {
            double s = 0;
            for (int j = 0; j < h.length; j++) {
                s += h[i][j] * v[j];
            }
            out[i] = s;
        }
    }

    static void checkLengths(double[] v, double[] out, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException("v must have length " + n + ", got "
                    + (v == null ? "null" : v.length));
        }
        if (out == null || out.length != n) {
            throw new IllegalArgumentException("out must have length " + n + ", got "
                    + (out == null ? "null" : out.length));
        }
        if (out == v) {
            throw new IllegalArgumentException("out must not be the same array as v");
        }
    }
}
