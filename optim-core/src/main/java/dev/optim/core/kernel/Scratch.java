package dev.optim.core.kernel;

/**
 * Per-thread working memory of the host tiers: chunk-sized arrays ({@link Kernel#CHUNK}
 * elements) for θ, g and the state buffers, and the SIMD tier's chunk of prepared gradient. One
 * scratch serves any number of kernels, one call at a time: a thread that steps ranges of
 * kernels concurrently with other threads passes its own scratch to
 * {@link Kernel#run(long, long, Scratch)}. Not thread-safe.
 */
public final class Scratch {

    double[] pd;
    double[] gd;
    double[][] sd = new double[0][];
    float[] pf;
    float[] gf;
    float[][] sf = new float[0][];
    /** The SIMD tier's prepared-gradient chunk (a {@code MemorySegment}), made by that tier. */
    Object segment;

    /** Creates an empty scratch; its arrays are made on first use. */
    public Scratch() {}

    /** Makes the float64 arrays for {@code buffers} state buffers, if missing. */
    void doubles(int buffers) {
        if (pd == null) {
            pd = new double[Kernel.CHUNK];
            gd = new double[Kernel.CHUNK];
        }
        if (sd.length < buffers) {
            double[][] s = new double[buffers][];
            for (int b = 0; b < buffers; b++) {
                s[b] = b < sd.length ? sd[b] : new double[Kernel.CHUNK];
            }
            sd = s;
        }
    }

    /** Makes the float32 arrays for {@code buffers} state buffers, if missing. */
    void floats(int buffers) {
        if (pf == null) {
            pf = new float[Kernel.CHUNK];
            gf = new float[Kernel.CHUNK];
        }
        if (sf.length < buffers) {
            float[][] s = new float[buffers][];
            for (int b = 0; b < buffers; b++) {
                s[b] = b < sf.length ? sf[b] : new float[Kernel.CHUNK];
            }
            sf = s;
        }
    }
}
