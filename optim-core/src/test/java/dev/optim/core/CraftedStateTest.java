package dev.optim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Saved states with a valid checksum but crafted contents: every malformed input is the
 * documented IllegalArgumentException (never an ArrayIndexOutOfBounds, NegativeArraySize,
 * UTFDataFormat or OutOfMemory error), whatever the fields claim.
 */
class CraftedStateTest {

    private static final List<Optimizer> OPTIMIZERS = List.of(Sgd.of(0.1),
            Momentum.builder().build(), RmsProp.builder().build(), Adam.builder().build());

    /** The fields of a saved state, as {@link OptimizerState#save} lays them out. */
    static final class Fields {
        long magic = 0x4F5054494D53543FL;
        int version = 1;
        byte[] kind;
        byte[] type;
        int rank;
        long[] shape;
        long step;
        int count;
        byte[] payload;

        /** The fields of a real saved state. */
        static Fields of(String kind, DataType type, long[] shape, long step, int count,
                Random r) {
            Fields f = new Fields();
            f.kind = utf(kind);
            f.type = utf(type.name());
            f.rank = shape.length;
            f.shape = shape.clone();
            f.step = step;
            f.count = count;
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            f.payload = new byte[(int) (count * n * (type == DataType.DOUBLE ? 8 : 4))];
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            try {
                for (long i = 0; i < count * n; i++) {
                    if (type == DataType.DOUBLE) {
                        d.writeDouble(r.nextGaussian());
                    } else {
                        d.writeFloat((float) r.nextGaussian());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            f.payload = b.toByteArray();
            return f;
        }

        /** A string as writeUTF writes it: a 2-byte length, then the bytes. */
        static byte[] utf(String s) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try {
                new DataOutputStream(b).writeUTF(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }

        /** The bytes without the checksum. */
        byte[] body() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            try {
                d.writeLong(magic);
                d.writeInt(version);
                d.write(kind);
                d.write(type);
                d.writeInt(rank);
                for (long s : shape) {
                    d.writeLong(s);
                }
                d.writeLong(step);
                d.writeInt(count);
                d.write(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }
    }

    /** The body followed by its valid CRC-32. */
    static byte[] withCrc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] all = java.util.Arrays.copyOf(body, body.length + 8);
        java.nio.ByteBuffer.wrap(all, body.length, 8).putLong(crc.getValue());
        return all;
    }

    /** Reads {@code bytes} for both parameter forms; only success or IAE may come out. */
    private static void readEither(byte[] bytes, Optimizer opt, INDArray params) {
        for (int form = 0; form < 2; form++) {
            try {
                if (form == 0) {
                    opt.restore(new ByteArrayInputStream(bytes), params);
                } else {
                    OptimizerState.read(new ByteArrayInputStream(bytes), opt,
                            (int) params.length());
                }
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static IllegalArgumentException refused(Fields f, Optimizer opt, INDArray params) {
        byte[] bytes = withCrc(f.body());
        return assertThrows(IllegalArgumentException.class,
                () -> opt.restore(new ByteArrayInputStream(bytes), params));
    }

    @Test
    void craftedFieldsAreRefusedClearly() {
        Optimizer adam = Adam.builder().build();
        INDArray params = Nd4j.zeros(DataType.DOUBLE, 2, 3);
        Random r = new Random(1);
        // A valid state first: the crafting writes exactly what save writes.
        Fields ok = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        OptimizerState s = assertDoesNotThrowRestore(adam, params, withCrc(ok.body()));
        assertEquals(5, s.step());

        // Huge shapes whose product overflows (it used to pass the size check: AIOOBE).
        Fields huge = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        huge.shape = new long[] {1L << 32, 1L << 32};
        assertTrue(refused(huge, adam, params).getMessage().contains("do not fill"));
        huge.shape = new long[] {Long.MAX_VALUE, 2};
        assertTrue(refused(huge, adam, params).getMessage().contains("do not fill"));
        huge.shape = new long[] {1L << 31, 0};
        refused(huge, adam, params);
        // A negative shape (NegativeArraySizeException before).
        Fields negative = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        negative.shape = new long[] {-2, -3};
        assertTrue(refused(negative, adam, params).getMessage()
                .contains("shape[0] must be >= 0, got -2"));
        // Malformed modified UTF-8 in the kind (UTFDataFormatException before).
        Fields badUtf = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        badUtf.kind = new byte[] {0, 2, (byte) 0xC0, (byte) 0xFF};
        assertTrue(refused(badUtf, adam, params).getMessage()
                .contains("optimizer kind is not a valid modified-UTF-8 string"));
        // A string claiming more bytes than there are.
        Fields longUtf = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        longUtf.kind = new byte[] {(byte) 0xFF, (byte) 0xFF, 'a'};
        longUtf.payload = new byte[0];
        refused(longUtf, adam, params);
        // Unknown and non-floating data types.
        for (String t : new String[] {"INT", "COMPLEX", "", "DOUBLE\u0000"}) {
            Fields type = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
            type.type = Fields.utf(t);
            assertTrue(refused(type, adam, params).getMessage()
                    .contains("data type must be FLOAT or DOUBLE"));
        }
        // Huge and negative buffer counts, absurd ranks, negative steps.
        for (int count : new int[] {-1, 9, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            Fields c = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
            c.count = count;
            assertTrue(refused(c, adam, params).getMessage().contains("buffer count"));
        }
        for (int rank : new int[] {-1, 33, Integer.MAX_VALUE}) {
            Fields c = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
            c.rank = rank;
            assertTrue(refused(c, adam, params).getMessage().contains("rank"));
        }
        Fields step = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, -1, 2, r);
        assertTrue(refused(step, adam, params).getMessage().contains("step must be >= 0"));
        // The rank claims more dimensions than the input holds.
        Fields rank = Fields.of(adam.kind(), DataType.DOUBLE, new long[] {2, 3}, 5, 2, r);
        rank.rank = 32;
        rank.payload = new byte[0];
        refused(rank, adam, params);
    }

    private static OptimizerState assertDoesNotThrowRestore(Optimizer opt, INDArray params,
            byte[] bytes) {
        try {
            return opt.restore(new ByteArrayInputStream(bytes), params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Random valid states of every optimizer, float32 and float64, with one or more fields or
     * bytes mutated and the checksum recomputed: reading gives a state or an
     * IllegalArgumentException, nothing else.
     */
    @Property(tries = 400)
    void mutatedStatesWithValidChecksumsGiveOnlyIllegalArgument(@ForAll long seed) {
        Random r = new Random(seed);
        Optimizer opt = OPTIMIZERS.get(r.nextInt(OPTIMIZERS.size()));
        DataType type = r.nextBoolean() ? DataType.FLOAT : DataType.DOUBLE;
        int rank = 1 + r.nextInt(3);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = 1 + r.nextInt(4);
        }
        Fields f = Fields.of(opt.kind(), type, shape, r.nextInt(100), opt.stateBuffersPerParameter(),
                r);
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (r.nextInt(9)) {
                case 0 -> f.version = r.nextInt(3);
                case 1 -> {
                    byte[] k = new byte[r.nextInt(8)];
                    r.nextBytes(k);
                    f.kind = r.nextBoolean() ? withLength(k, k.length)
                            : withLength(k, r.nextInt(65536));
                }
                case 2 -> f.type = Fields.utf(List.of("FLOAT", "DOUBLE", "HALF", "INT", "BOOL",
                        "x").get(r.nextInt(6)));
                case 3 -> f.rank = List.of(-1, 0, 1, 2, 3, 32, 33, Integer.MAX_VALUE,
                        Integer.MIN_VALUE).get(r.nextInt(9));
                case 4 -> {
                    if (f.shape.length > 0) {
                        f.shape[r.nextInt(f.shape.length)] = List.of(0L, -1L, 1L, 2L, 1L << 31,
                                1L << 32, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE,
                                r.nextLong()).get(r.nextInt(10));
                    }
                }
                case 5 -> f.step = r.nextBoolean() ? -1 - r.nextInt(10) : r.nextLong();
                case 6 -> f.count = List.of(-1, 0, 1, 2, 3, 8, 9, Integer.MAX_VALUE)
                        .get(r.nextInt(8));
                case 7 -> {
                    int cut = f.payload.length == 0 ? 0 : r.nextInt(f.payload.length);
                    f.payload = r.nextBoolean() ? java.util.Arrays.copyOf(f.payload, cut)
                            : java.util.Arrays.copyOf(f.payload, f.payload.length + 1 + cut);
                }
                default -> { }
            }
        }
        byte[] body = f.body();
        if (r.nextInt(3) == 0 && body.length > 8) {
            // Raw byte flips after the magic, then a valid checksum again.
            int flips = 1 + r.nextInt(4);
            for (int k = 0; k < flips; k++) {
                body[8 + r.nextInt(body.length - 8)] ^= (byte) (1 + r.nextInt(255));
            }
        }
        if (r.nextInt(10) == 0) {
            body = java.util.Arrays.copyOf(body, r.nextInt(body.length + 1));
        }
        INDArray params = Nd4j.zeros(type, shape);
        readEither(withCrc(body), opt, params);
    }

    private static byte[] withLength(byte[] bytes, int length) {
        byte[] out = new byte[bytes.length + 2];
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        System.arraycopy(bytes, 0, out, 2, bytes.length);
        return out;
    }
}
