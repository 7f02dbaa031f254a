package dev.optim.core.kernel;

/**
 * The plain tier's driver: runs the rule's plain loops chunk by chunk over scratch arrays
 * ({@link #CHUNK} elements, so that they stay in the L1 cache), loading each chunk from the bound
 * memory, preparing the gradient, and storing the parameters and the state back. Subclasses
 * supply the loads and stores, or skip the scratch arrays where the memory is a Java array
 * already.
 */
abstract class ChunkedKernel extends Kernel {

    /** Whether the arrays hold float32 (else float64). */
    final boolean isFloat;

    ChunkedKernel(UpdateRule rule, int buffers, long n, boolean isFloat) {
        super(rule, buffers, n);
        this.isFloat = isFloat;
    }

    @Override
    public String tier() {
        return "plain";
    }

    /** Copies elements {@code [off, off + len)} of θ, g and the state into the scratch. */
    abstract void load(int off, int len, Scratch s);

    /** Copies the scratch of θ and the state back to elements {@code [off, off + len)}. */
    abstract void store(int off, int len, Scratch s);

    @Override
    public void run(long from, long to, Scratch scratch) {
        checkRange(from, to);
        chunks((int) from, (int) to, scratch);
    }

    /** The preparation and the rule over {@code [from, to)}, through the scratch arrays. */
    final void chunks(int from, int to, Scratch s) {
        if (isFloat) {
            s.floats(buffers);
        } else {
            s.doubles(buffers);
        }
        for (int off = from; off < to; off += CHUNK) {
            int len = Math.min(CHUNK, to - off);
            load(off, len, s);
            if (isFloat) {
                if (prepares) {
                    Preparation.apply(s.pf, s.gf, len, this);
                }
                rule.apply(s.pf, s.gf, s.sf, 0, len);
            } else {
                if (prepares) {
                    Preparation.apply(s.pd, s.gd, len, this);
                }
                rule.apply(s.pd, s.gd, s.sd, 0, len);
            }
            store(off, len, s);
        }
    }

    @Override
    public boolean finite(long from, long to, Scratch s) {
        checkRange(from, to);
        if (isFloat) {
            s.floats(buffers);
        } else {
            s.doubles(buffers);
        }
        for (int off = (int) from; off < to; off += CHUNK) {
            int len = (int) Math.min(CHUNK, to - off);
            load(off, len, s);
            if (isFloat) {
                if (prepares) {
                    Preparation.apply(s.pf, s.gf, len, this);
                }
                if (!Preparation.finite(s.gf, len)) {
                    return false;
                }
                rule.apply(s.pf, s.gf, s.sf, 0, len);
                if (!Preparation.finite(s.pf, len)) {
                    return false;
                }
                for (int b = 0; b < buffers; b++) {
                    if (!Preparation.finite(s.sf[b], len)) {
                        return false;
                    }
                }
            } else {
                if (prepares) {
                    Preparation.apply(s.pd, s.gd, len, this);
                }
                if (!Preparation.finite(s.gd, len)) {
                    return false;
                }
                rule.apply(s.pd, s.gd, s.sd, 0, len);
                if (!Preparation.finite(s.pd, len)) {
                    return false;
                }
                for (int b = 0; b < buffers; b++) {
                    if (!Preparation.finite(s.sd[b], len)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
