package dev.optim.core;

import dev.optim.core.kernel.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
 * data type, shape, step, skip counters, buffers, CRC-32); {@link Optimizer#restore} reads it
 * back (and reads format 1, without skip counters, too), so that a run
 * saved after {@code k} steps and continued in a new process gives bit-for-bit the parameters of
 * a run that never stopped.
 *
 * <p>An optimizer built around others (Lookahead, which keeps its inner optimizer's state and
 * slow weights) keeps its state in an {@link Extension} instead of buffers: made by
 * {@link #withExtension}, saved after the header (format version 3) and handed back, as bytes,
 * to the optimizer that restores it ({@link #savedExtension()}, {@link #attach}).
 */
public final class OptimizerState {

    private static final long MAGIC = 0x4F5054494D53543FL; // "OPTIMST?"
    private static final int VERSION = 2;
    /** The format of a state with an {@link Extension}: version 2 followed by its bytes. */
    private static final int VERSION_EXTENDED = 3;

    private final String kind;
    private final DataType dataType;
    private final long[] shape;
    private final long length;
    private final INDArray[] arrays;
    private final double[][] plain;
    private long step;
    /** Steps skipped for non-finite values, in all and in a row (see skipNonFinite). */
    private long skipped;
    private long consecutiveSkips;
    /** The update kernel bound to the buffers: made by init, or by the first step after read. */
    private Kernel kernel;
    /** The state of an optimizer built around others, or null. */
    private Extension extension;
    /** A metric-driven rate in place of the schedule's, or NaN. */
    private double rateOverride = Double.NaN;
    /** The bytes of an extension read by {@link #read}, until {@link #attach} takes them. */
    private byte[] savedExtension;

    /**
     * The state of an optimizer built around others, kept by an {@link OptimizerState} in place
     * of buffers, and written by {@link OptimizerState#save} after the header.
     */
    public interface Extension {
        /**
         * Writes this extension, in a form its optimizer's {@code restore} reads back.
         *
         * @param out where to write
         * @throws IOException if writing fails
         */
        void save(DataOutputStream out) throws IOException;

        /**
         * The memory this extension holds (its buffers and those of states it wraps), in bytes.
         *
         * @return the bytes
         */
        long bytes();
    }

    /**
     * A state for INDArray parameters like {@code params} whose content is {@code extension}
     * (no buffers of its own).
     *
     * @param kind the optimizer's kind
     * @param params the parameters
     * @param extension the extension, not null
     * @return the state, at step 0
     * @throws IllegalArgumentException if an argument is null or {@code params} not floating
     */
    public static OptimizerState withExtension(String kind, INDArray params, Extension extension) {
        Checks.floatingArray("params", params);
        OptimizerState s = forArrays(requireKind(kind), params, 0);
        s.extension = requireExtension(extension);
        return s;
    }

    /**
     * A state for {@code double[]} parameters of length {@code length} whose content is
     * {@code extension}.
     *
     * @param kind the optimizer's kind
     * @param length the number of parameters, at least 1
     * @param extension the extension, not null
     * @return the state, at step 0
     * @throws IllegalArgumentException if an argument is null or {@code length < 1}
     */
    public static OptimizerState withExtension(String kind, int length, Extension extension) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        OptimizerState s = forPlain(requireKind(kind), length, 0);
        s.extension = requireExtension(extension);
        return s;
    }

    private static String requireKind(String kind) {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("kind must not be null or empty");
        }
        return kind;
    }

    private static Extension requireExtension(Extension extension) {
        if (extension == null) {
            throw new IllegalArgumentException("extension must not be null");
        }
        return extension;
    }

    /**
     * The extension of an optimizer built around others.
     *
     * @return the extension, or null for a state of buffers (or one restored and not yet
     *     attached)
     */
    public Extension extension() {
        return extension;
    }

    /**
     * The bytes of the extension of a state read by {@link #read} and not yet attached.
     *
     * @return a copy of the bytes, or null if there are none
     */
    public byte[] savedExtension() {
        return savedExtension == null ? null : savedExtension.clone();
    }

    /**
     * Attaches the extension that a restoring optimizer rebuilt from {@link #savedExtension()}.
     *
     * @param restored the extension, not null
     * @throws IllegalStateException if this state was not read with an extension, or already
     *     has one
     */
    public void attach(Extension restored) {
        requireExtension(restored);
        if (extension != null || savedExtension == null) {
            throw new IllegalStateException("only a state read with an extension, and not yet "
                    + "attached, takes one");
        }
        extension = restored;
        savedExtension = null;
    }

    /**
     * Counts one update of a state kept in an extension (the optimizer that owns the extension
     * calls it once per step).
     *
     * @param owner the state's extension
     * @throws IllegalStateException if {@code owner} is not this state's extension
     */
    public void advance(Extension owner) {
        if (owner == null || owner != extension) {
            throw new IllegalStateException("only the state's own extension advances it");
        }
        step++;
    }

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
     * The number of steps skipped because their gradient or update was not finite (only with
     * {@link BaseOptimizer.Builder#skipNonFinite(int)}); skipped steps do not count in
     * {@link #step()}.
     *
     * @return the total number of skipped steps
     */
    public long skippedSteps() {
        return skipped;
    }

    /**
     * The number of steps skipped in a row, up to the latest call of {@code step}: 0 after a
     * step that was applied.
     *
     * @return the current run of skipped steps
     */
    public long consecutiveSkippedSteps() {
        return consecutiveSkips;
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
        return bufferCount() * length * dataType.width()
                + (extension == null ? 0 : extension.bytes());
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

    /**
     * The kernel tier that steps this state: {@code "simd"}, {@code "plain"} or {@code "nd4j"}
     * (see {@link dev.optim.core.kernel.Kernels}); null for a restored state before its first
     * step, which makes its kernel.
     *
     * @return the tier, or null
     */
    public String tier() {
        return kernel == null ? null : kernel.tier();
    }

    void kernel(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Sets the learning rate of this state's next updates, in place of the optimizer's schedule
     * (PyTorch's {@code param_group['lr'] = …}, as a metric-driven rate such as
     * {@link dev.optim.core.schedule.ReduceOnPlateau} does); NaN clears it. Honoured by the
     * optimizers built on {@link BaseOptimizer}. Not saved: the controller that sets it saves its
     * own state and sets it again.
     *
     * @param lr the rate, finite and {@code ≥ 0}, or NaN to follow the schedule again
     * @throws IllegalArgumentException if {@code lr} is negative or infinite
     */
    public void overrideLearningRate(double lr) {
        if (!Double.isNaN(lr)) {
            Checks.nonNegative("lr", lr);
        }
        this.rateOverride = lr;
    }

    /**
     * The rate set by {@link #overrideLearningRate(double)}.
     *
     * @return the override, or NaN if the schedule applies
     */
    public double learningRateOverride() {
        return rateOverride;
    }

    void advance() {
        step++;
        consecutiveSkips = 0;
    }

    void skip() {
        skipped++;
        consecutiveSkips++;
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
     * Writes this state to {@code out} in format 2: magic, format version, kind, data type,
     * shape, step, the skip counters (in all, in a row), buffers (raw values in row-major order, big-endian) and a CRC-32 of all that precedes it.
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
        data.writeInt(extension == null ? VERSION : VERSION_EXTENDED);
        data.writeUTF(kind);
        data.writeUTF(dataType.name());
        data.writeInt(shape.length);
        for (long s : shape) {
            data.writeLong(s);
        }
        data.writeLong(step);
        data.writeLong(skipped);
        data.writeLong(consecutiveSkips);
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
        if (extension != null) {
            ByteArrayOutputStream ext = new ByteArrayOutputStream();
            DataOutputStream extData = new DataOutputStream(ext);
            extension.save(extData);
            extData.flush();
            data.writeInt(ext.size());
            ext.writeTo(data);
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
     * @throws IllegalArgumentException if {@code in}, {@code optimizer} or {@code params} is
     *     null, or the input is truncated, corrupted, malformed (whatever its bytes, even with a
     *     valid checksum), or does not fit
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
        state.skipped = h.skipped;
        state.consecutiveSkips = h.consecutiveSkips;
        state.savedExtension = h.extension;
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
     * @throws IllegalArgumentException if {@code in} or {@code optimizer} is null,
     *     {@code length < 1}, or the input is truncated, corrupted, malformed (whatever its
     *     bytes, even with a valid checksum), or does not fit
     */
    public static OptimizerState read(InputStream in, Optimizer optimizer, int length)
            throws IOException {
        requireOptimizer(optimizer);
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
        Header h = parse(readAll(in));
        h.check(optimizer, new long[] {length}, DataType.DOUBLE);
        OptimizerState state = new OptimizerState(h.kind, DataType.DOUBLE, new long[] {length},
                length, null, h.buffers, h.step);
        state.skipped = h.skipped;
        state.consecutiveSkips = h.consecutiveSkips;
        state.savedExtension = h.extension;
        return state;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        return in.readAllBytes();
    }

    private record Header(String kind, DataType dataType, long[] shape, long step,
            long skipped, long consecutiveSkips,
            double[][] buffers, byte[] extension) {
        void check(Optimizer optimizer, long[] paramShape, DataType paramType) {
            String expectedKind = optimizer.kind();
            if (!kind.equals(expectedKind)) {
                throw new IllegalArgumentException("saved state belongs to a '" + printable(kind)
                        + "' optimizer, not to this '" + expectedKind + "' optimizer");
            }
            if (extension == null && buffers.length != optimizer.stateBuffersPerParameter()) {
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

    /** The most dimensions a saved shape may have. */
    private static final int MAX_RANK = 32;
    /** The most buffers a saved state may hold. */
    private static final int MAX_BUFFERS = 8;

    /**
     * Parses and validates a saved state. Every field is checked against the bytes actually
     * left before anything proportional to a claimed size is allocated, and every malformed input
     * (bad magic, checksum, version, string, data type, rank, shape, step, buffer count, sizes)
     * is an {@link IllegalArgumentException} naming the field.
     */
    private static Header parse(byte[] all) {
        if (all.length < 8 + 4 + 8) {
            throw new IllegalArgumentException(
                    "saved state is truncated: " + all.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        ByteBuffer in = ByteBuffer.wrap(all, 0, all.length - 8).order(ByteOrder.BIG_ENDIAN);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        if (in.getLong() != MAGIC) {
            throw new IllegalArgumentException("not a saved optimizer state (bad magic)");
        }
        if (crc.getValue() != stored) {
            throw new IllegalArgumentException("saved state is corrupted or truncated "
                    + "(checksum mismatch over " + all.length + " bytes)");
        }
        int version = readInt(in, "version");
        if (version != VERSION && version != 1 && version != VERSION_EXTENDED) {
            throw new IllegalArgumentException("saved state has format version " + version
                    + ", expected 1, " + VERSION + " or " + VERSION_EXTENDED);
        }
        String kind = readString(in, "optimizer kind");
        String typeName = readString(in, "data type");
        DataType type;
        if (typeName.equals(DataType.DOUBLE.name())) {
            type = DataType.DOUBLE;
        } else if (typeName.equals(DataType.FLOAT.name())) {
            type = DataType.FLOAT;
        } else {
            throw new IllegalArgumentException("saved state is malformed: data type must be "
                    + "FLOAT or DOUBLE, got '" + printable(typeName) + "'");
        }
        int width = type == DataType.DOUBLE ? 8 : 4;
        int rank = readInt(in, "rank");
        if (rank < 0 || rank > MAX_RANK) {
            throw new IllegalArgumentException("saved state is malformed: rank must be in [0, "
                    + MAX_RANK + "], got " + rank);
        }
        long[] shape = new long[rank];
        // The values cannot outnumber the bytes left: bound n by them as it grows, never overflow.
        long most = in.remaining() / width;
        long n = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = readLong(in, "shape[" + i + "]");
            if (shape[i] < 0) {
                throw new IllegalArgumentException("saved state is malformed: shape[" + i
                        + "] must be >= 0, got " + shape[i]);
            }
            n = shape[i] == 0 || n == 0 ? 0 : n > most / shape[i] ? most + 1 : n * shape[i];
        }
        long step = readLong(in, "step");
        if (step < 0) {
            throw new IllegalArgumentException("saved state is malformed: step must be >= 0, got "
                    + step);
        }
        long skipped = version >= 2 ? readLong(in, "skipped steps") : 0;
        long consecutiveSkips = version >= 2 ? readLong(in, "consecutive skips") : 0;
        if (skipped < 0 || consecutiveSkips < 0 || consecutiveSkips > skipped) {
            throw new IllegalArgumentException("saved state is malformed: skip counters "
                    + skipped + " in all, " + consecutiveSkips + " in a row");
        }
        int count = readInt(in, "buffer count");
        if (count < 0 || count > MAX_BUFFERS) {
            throw new IllegalArgumentException("saved state is malformed: buffer count must be in "
                    + "[0, " + MAX_BUFFERS + "], got " + count);
        }
        boolean extended = version == VERSION_EXTENDED;
        if (extended && count != 0) {
            throw new IllegalArgumentException("saved state is malformed: a state with an "
                    + "extension has no buffers of its own, got " + count);
        }
        long left = in.remaining();
        if ((count > 0 && n > left / width)
                || (extended ? left < 4 : (long) count * n * width != left)) {
            throw new IllegalArgumentException("saved state is malformed: " + count
                    + " buffers of shape " + Arrays.toString(shape) + " in " + type
                    + " do not fill the " + left + " bytes left");
        }
        double[][] buffers = new double[count][(int) n];
        for (double[] buffer : buffers) {
            for (int i = 0; i < n; i++) {
                buffer[i] = type == DataType.DOUBLE ? in.getDouble() : in.getFloat();
            }
        }
        byte[] extension = null;
        if (extended) {
            int size = readInt(in, "extension size");
            if (size < 0 || size != in.remaining()) {
                throw new IllegalArgumentException("saved state is malformed: an extension of "
                        + size + " bytes does not fill the " + in.remaining() + " bytes left");
            }
            extension = new byte[size];
            in.get(extension);
        }
        return new Header(kind, type, shape, step, skipped, consecutiveSkips, buffers,
                extension);
    }

    private static int readInt(ByteBuffer in, String field) {
        need(in, 4, field);
        return in.getInt();
    }

    private static long readLong(ByteBuffer in, String field) {
        need(in, 8, field);
        return in.getLong();
    }

    private static void need(ByteBuffer in, int bytes, String field) {
        if (in.remaining() < bytes) {
            throw new IllegalArgumentException("saved state is truncated: " + field + " needs "
                    + bytes + " bytes, " + in.remaining() + " left");
        }
    }

    /** A string as {@link DataOutputStream#writeUTF} writes it, validated. */
    private static String readString(ByteBuffer in, String field) {
        need(in, 2, field);
        int length = Short.toUnsignedInt(in.getShort());
        need(in, length, field);
        int start = in.position();
        try (DataInputStream data = new DataInputStream(
                new ByteArrayInputStream(in.array(), start - 2, length + 2))) {
            String s = data.readUTF();
            in.position(start + length);
            return s;
        } catch (IOException e) {
            // UTFDataFormatException: not modified UTF-8.
            throw new IllegalArgumentException("saved state is malformed: the " + field
                    + " is not a valid modified-UTF-8 string (" + e.getMessage() + ")", e);
        }
    }

    /** The string with control and non-ASCII characters escaped, for a message. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 64; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return s.length() > 64 ? b + "…" : b.toString();
    }

    @Override
    public String toString() {
        return "OptimizerState[kind=" + kind + ", dataType=" + dataType + ", shape="
                + Arrays.toString(shape) + ", step=" + step + (skipped > 0 ? ", skipped=" + skipped : "")
                + ", buffers=" + bufferCount() + "]";
    }
}
