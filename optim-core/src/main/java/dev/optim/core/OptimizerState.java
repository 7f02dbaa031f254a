package dev.optim.core;

import dev.optim.core.kernel.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mutable part of an optimizer's run: its moment buffers (each the shape and data type of the
 * parameters) and the number of updates done so far. Made by {@link Optimizer#init}; not
 * thread-safe.
 *
 * <p>{@link #save} writes a self-checking binary form (magic, format version, optimizer kind,
 * data type, shape, step, buffers, CRC-32); {@link Optimizer#restore} reads it back, so that a run
 * saved after {@code k} steps and continued in a new process gives bit-for-bit the parameters of
 * a run that never stopped.
 */
public final class OptimizerState {

    private static final long MAGIC = 0x4F5054494D53543FL; // "OPTIMST?"
    private static final int VERSION = 1;

    private final String kind;
    private final DataType dataType;
    private final long[] shape;
    private final long length;
    private final INDArray[] arrays;
    private final double[][] plain;
    private long step;
    /** The update kernel bound to the buffers: made by init, or by the first step after read. */
    private Kernel kernel;

    private OptimizerState(String kind, DataType dataType, long[] shape, long length,
            INDArray[] arrays, double[][] plain, long step) {
        this.kind = kind;
        this.dataType = dataType;
        this.shape = shape;
        this.length = length;
        this.arrays = arrays;
        this.plain = plain;
        this.step = step;
    }

    /** A state of {@code count} zeroed INDArray buffers shaped like {@code params}. */
    static OptimizerState forArrays(String kind, INDArray params, int count) {
        INDArray[] buffers = new INDArray[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = Nd4j.createUninitialized(params.dataType(), params.shape(), params.ordering());
            buffers[i].assign(0);
        }
        return new OptimizerState(kind, params.dataType(), params.shape().clone(), params.length(),
                buffers, null, 0);
    }

    /**
     * A state over buffers that the caller owns, at the given step: for a framework that keeps
     * an optimizer's state in memory of its own (DL4J's updater state view, saved and restored
     * with its model). The buffers are used as they are, not copied: each step of {@code
     * optimizer} with this state updates them in place.
     *
     * @param optimizer the optimizer the state is for; its {@link Optimizer#kind()} is recorded
     * @param shape the shape of the parameters the state will update
     * @param dataType the parameters' data type, FLOAT or DOUBLE
     * @param buffers the optimizer's {@link Optimizer#stateBuffersPerParameter()} buffers, each
     *     dense, of {@code shape} and {@code dataType} (their values are the state: zeros for a
     *     fresh one)
     * @param step the number of updates already done with these buffers, {@code ≥ 0}
     * @return the state
     * @throws IllegalArgumentException if an argument is null, the buffer count, a buffer's
     *     shape or data type does not fit, a buffer is not dense, or {@code step} is negative
     */
    public static OptimizerState over(Optimizer optimizer, long[] shape, DataType dataType,
            INDArray[] buffers, long step) {
        if (optimizer == null || shape == null || dataType == null || buffers == null) {
            throw new IllegalArgumentException("optimizer, shape, dataType and buffers must not"
                    + " be null");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        if (buffers.length != optimizer.stateBuffersPerParameter()) {
            throw new IllegalArgumentException("a '" + optimizer.kind() + "' state has "
                    + optimizer.stateBuffersPerParameter() + " buffers, got " + buffers.length);
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        long length = 1;
        for (long d : shape) {
            length *= d;
        }
        for (int i = 0; i < buffers.length; i++) {
            INDArray b = buffers[i];
            if (b == null || !Arrays.equals(b.shape(), shape) || b.dataType() != dataType) {
                throw new IllegalArgumentException("buffer " + i + " must be " + dataType + " "
                        + Arrays.toString(shape) + ", got " + (b == null ? "null"
                                : b.dataType() + " " + Arrays.toString(b.shape())));
            }
            HostMemory.requireDense("buffer " + i, b);
        }
        return new OptimizerState(optimizer.kind(), dataType, shape.clone(), length,
                buffers.clone(), null, step);
    }

    /** A state of {@code count} zeroed {@code double[]} buffers of length {@code n}. */
    static OptimizerState forPlain(String kind, int n, int count) {
        return new OptimizerState(kind, DataType.DOUBLE, new long[] {n}, n, null,
                new double[count][n], 0);
    }

    /**
     * The number of updates done with this state (0 right after {@link Optimizer#init}).
     *
     * @return the step counter
     */
    public long step() {
        return step;
    }

    /**
     * The kind of optimizer this state belongs to (see {@link Optimizer#kind()}).
     *
     * @return the kind
     */
    public String kind() {
        return kind;
    }

    /**
     * The data type of the buffers, that of the parameters.
     *
     * @return FLOAT or DOUBLE
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The shape of each buffer, that of the parameters.
     *
     * @return a copy of the shape
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of buffers (0 for SGD, 1 for Momentum and RMSprop, 2 for Adam).
     *
     * @return the buffer count
     */
    public int bufferCount() {
        return arrays != null ? arrays.length : plain.length;
    }

    /**
     * The memory the buffers hold, in bytes: {@code bufferCount · length · bytes per element}.
     *
     * @return the bytes of state
     */
    public long bytes() {
        return bufferCount() * length * dataType.width();
    }

    /**
     * A copy of buffer {@code i} as doubles, for inspection and tests.
     *
     * @param i the buffer index, in {@code [0, bufferCount())}
     * @return the buffer's values in row-major ('c') order
     * @throws IllegalArgumentException if {@code i} is out of range
     */
    public double[] bufferValues(int i) {
        if (i < 0 || i >= bufferCount()) {
            throw new IllegalArgumentException(
                    "i must be in [0, " + bufferCount() + "), got " + i);
        }
        if (plain != null) {
            return plain[i].clone();
        }
        return arrays[i].dup('c').data().asDouble();
    }

    /** Whether this state was made for INDArray parameters (true) or {@code double[]} (false). */
    boolean isArrayBacked() {
        return arrays != null;
    }

    INDArray array(int i) {
        return arrays[i];
    }

    double[] plain(int i) {
        return plain[i];
    }

    Kernel kernel() {
        return kernel;
    }

    void kernel(Kernel kernel) {
        this.kernel = kernel;
    }

    void advance() {
        step++;
    }

    /**
     * Checks that this state fits an optimizer of {@code kind} and parameters of this shape and
     * type; names both on a mismatch.
     */
    void checkFits(String expectedKind, long[] paramShape, DataType paramType, boolean arrayBacked) {
        if (!kind.equals(expectedKind)) {
            throw new IllegalArgumentException("state belongs to a '" + kind
                    + "' optimizer, not to this '" + expectedKind + "' optimizer");
        }
        if (arrayBacked != isArrayBacked()) {
            throw new IllegalArgumentException("state was made by init("
                    + (isArrayBacked() ? "INDArray" : "double[]") + ") and cannot update "
                    + (arrayBacked ? "INDArray" : "double[]") + " parameters");
        }
        if (!Arrays.equals(shape, paramShape)) {
            throw new IllegalArgumentException("state has shape " + Arrays.toString(shape)
                    + " but params have shape " + Arrays.toString(paramShape));
        }
        if (paramType != dataType) {
            throw new IllegalArgumentException("state has data type " + dataType
                    + " but params have data type " + paramType);
        }
    }

    /**
     * Writes this state to {@code out}: magic, format version, kind, data type, shape, step,
     * buffers (raw values in row-major order, big-endian) and a CRC-32 of all that precedes it.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code out} is null
     */
    public void save(OutputStream out) throws IOException {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeLong(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(kind);
        data.writeUTF(dataType.name());
        data.writeInt(shape.length);
        for (long s : shape) {
            data.writeLong(s);
        }
        data.writeLong(step);
        data.writeInt(bufferCount());
        for (int b = 0; b < bufferCount(); b++) {
            if (plain != null) {
                for (double v : plain[b]) {
                    data.writeDouble(v);
                }
            } else if (dataType == DataType.DOUBLE) {
                for (double v : bufferValues(b)) {
                    data.writeDouble(v);
                }
            } else {
                for (float v : arrays[b].dup('c').data().asFloat()) {
                    data.writeFloat(v);
                }
            }
        }
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        data.flush();
        bytes.writeTo(out);
        out.flush();
    }

    /**
     * Reads a state saved by {@link #save}; see {@link Optimizer#restore}.
     *
     * @param in the input; read to its end, not closed
     * @param optimizer the optimizer that will continue the run
     * @param params the parameters it will update
     * @return the restored state
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if {@code in} is null, or the input is truncated,
     *     corrupted, or does not fit
     */
    public static OptimizerState read(InputStream in, Optimizer optimizer, INDArray params)
            throws IOException {
        requireOptimizer(optimizer);
        Checks.floatingArray("params", params);
        Header h = parse(readAll(in));
        h.check(optimizer, params.shape(), params.dataType());
        OptimizerState state = forArrays(h.kind, params, h.buffers.length);
        for (int b = 0; b < h.buffers.length; b++) {
            INDArray flat = Nd4j.createFromArray(h.buffers[b]).castTo(params.dataType());
            // Buffers are saved in row-major order, whatever the ordering in memory.
            state.arrays[b].assign(flat.reshape('c', params.shape()));
        }
        state.step = h.step;
        return state;
    }

    /**
     * Reads a state saved by {@link #save} for {@code double[]} parameters of length
     * {@code length}.
     *
     * @param in the input; read to its end, not closed
     * @param optimizer the optimizer that will continue the run
     * @param length the number of parameters
     * @return the restored state
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if {@code in} is null, or the input is truncated,
     *     corrupted, or does not fit
     */
    public static OptimizerState read(InputStream in, Optimizer optimizer, int length)
            throws IOException {
        requireOptimizer(optimizer);
        Header h = parse(readAll(in));
        h.check(optimizer, new long[] {length}, DataType.DOUBLE);
        OptimizerState state = new OptimizerState(h.kind, DataType.DOUBLE, new long[] {length},
                length, null, h.buffers, h.step);
        return state;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        return in.readAllBytes();
    }

    private record Header(String kind, DataType dataType, long[] shape, long step,
            double[][] buffers) {
        void check(Optimizer optimizer, long[] paramShape, DataType paramType) {
            String expectedKind = optimizer.kind();
            if (!kind.equals(expectedKind)) {
                throw new IllegalArgumentException("saved state belongs to a '" + kind
                        + "' optimizer, not to this '" + expectedKind + "' optimizer");
            }
            if (buffers.length != optimizer.stateBuffersPerParameter()) {
                throw new IllegalArgumentException("saved state is malformed: it holds "
                        + buffers.length + " buffer(s), but a '" + kind + "' optimizer keeps "
                        + optimizer.stateBuffersPerParameter());
            }
            if (!Arrays.equals(shape, paramShape)) {
                throw new IllegalArgumentException("saved state has shape "
                        + Arrays.toString(shape) + " but params have shape "
                        + Arrays.toString(paramShape));
            }
            if (dataType != paramType) {
                throw new IllegalArgumentException("saved state has data type " + dataType
                        + " but params have data type " + paramType);
            }
        }
    }

    private static void requireOptimizer(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
    }

    private static Header parse(byte[] all) throws IOException {
        if (all.length < 8 + 4 + 8) {
            throw new IllegalArgumentException(
                    "saved state is truncated: " + all.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8));
        try {
            if (data.readLong() != MAGIC) {
                throw new IllegalArgumentException("not a saved optimizer state (bad magic)");
            }
            if (crc.getValue() != stored) {
                throw new IllegalArgumentException("saved state is corrupted or truncated "
                        + "(checksum mismatch over " + all.length + " bytes)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "saved state has format version " + version + ", expected " + VERSION);
            }
            String kind = data.readUTF();
            DataType type = DataType.valueOf(data.readUTF());
            int rank = data.readInt();
            if (rank < 0 || rank > 32) {
                throw new IllegalArgumentException("saved state has rank " + rank);
            }
            long[] shape = new long[rank];
            long n = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = data.readLong();
                n *= shape[i];
            }
            long step = data.readLong();
            int count = data.readInt();
            int width = type == DataType.DOUBLE ? 8 : 4;
            if (step < 0 || count < 0 || count > 8 || n < 0
                    || (long) count * n * width != data.available()) {
                throw new IllegalArgumentException("saved state is malformed: " + count
                        + " buffers of " + n + " " + type + " values do not fill "
                        + data.available() + " bytes");
            }
            double[][] buffers = new double[count][(int) n];
            for (double[] buffer : buffers) {
                for (int i = 0; i < n; i++) {
                    buffer[i] = type == DataType.DOUBLE ? data.readDouble() : data.readFloat();
                }
            }
            return new Header(kind, type, shape, step, buffers);
        } catch (EOFException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("saved state is truncated", e);
        }
    }

    @Override
    public String toString() {
        return "OptimizerState[kind=" + kind + ", dataType=" + dataType + ", shape="
                + Arrays.toString(shape) + ", step=" + step + ", buffers=" + bufferCount() + "]";
    }
}
