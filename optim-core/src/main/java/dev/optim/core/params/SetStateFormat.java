package dev.optim.core.params;

import dev.optim.core.OptimizerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The saved form of a {@link ParameterSetState}. Each tensor's buffers are stored as the
 * {@link OptimizerState#save} form of its state, inside the set's checksummed frame.
 */
final class SetStateFormat {

    private static final long MAGIC = 0x4F5054494D505331L; // "OPTIMPS1"
    private static final int VERSION = 1;
    private static final int MAX_TENSORS = 1 << 20;

    private SetStateFormat() {}

    /** One tensor's saved entry. */
    record Entry(String name, String group, long[] shape, byte[] state) {}

    /** The whole parsed input, checked for integrity but not yet against a set. */
    record Saved(String kind, String dataType, long step, List<String> groups,
            List<Entry> entries) {}

    static void write(ParameterSetState state, OutputStream out) throws IOException {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        ParameterSet set = state.parameters();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeLong(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(state.kind());
        data.writeUTF(set.dataType().name());
        data.writeLong(state.step());
        data.writeInt(set.groups().size());
        for (ParameterGroup g : set.groups()) {
            data.writeUTF(g.name());
        }
        data.writeInt(set.size());
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        for (int i = 0; i < set.size(); i++) {
            data.writeUTF(set.name(i));
            data.writeInt(set.groupIndex(i));
            long[] shape = set.tensor(i).shape();
            data.writeInt(shape.length);
            for (long s : shape) {
                data.writeLong(s);
            }
            one.reset();
            state.state(i).save(one);
            data.writeInt(one.size());
            one.writeTo(data);
        }
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        data.flush();
        bytes.writeTo(out);
        out.flush();
    }

    /** Reads and checks the frame of a saved set state: magic, checksum, version, structure. */
    static Saved parse(InputStream in) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("in must not be null");
        }
        byte[] all = in.readAllBytes();
        if (all.length < 8 + 4 + 8) {
            throw new IllegalArgumentException(
                    "saved parameter-set state is truncated: " + all.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).order(ByteOrder.BIG_ENDIAN)
                .getLong();
        DataInputStream data = new DataInputStream(
                new ByteArrayInputStream(all, 0, all.length - 8));
        try {
            if (data.readLong() != MAGIC) {
                throw new IllegalArgumentException(
                        "not a saved parameter-set state (bad magic)");
            }
            if (crc.getValue() != stored) {
                throw new IllegalArgumentException("saved parameter-set state is corrupted or"
                        + " truncated (checksum mismatch over " + all.length + " bytes)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("saved parameter-set state has format version "
                        + version + ", expected " + VERSION);
            }
            String kind = data.readUTF();
            String dataType = data.readUTF();
            long step = data.readLong();
            int groupCount = data.readInt();
            if (groupCount < 1 || groupCount > MAX_TENSORS) {
                throw malformed("group count " + groupCount);
            }
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                groups.add(data.readUTF());
            }
            int count = data.readInt();
            if (step < 0 || count < 1 || count > MAX_TENSORS) {
                throw malformed("step " + step + ", tensor count " + count);
            }
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                int group = data.readInt();
                if (group < 0 || group >= groupCount) {
                    throw malformed("tensor '" + name + "' has group index " + group);
                }
                int rank = data.readInt();
                if (rank < 0 || rank > 32) {
                    throw malformed("tensor '" + name + "' has rank " + rank);
                }
                long[] shape = new long[rank];
                for (int k = 0; k < rank; k++) {
                    shape[k] = data.readLong();
                }
                int size = data.readInt();
                if (size < 0 || size > data.available()) {
                    throw malformed("tensor '" + name + "' has a state of " + size + " bytes");
                }
                byte[] state = data.readNBytes(size);
                entries.add(new Entry(name, groups.get(group), shape, state));
            }
            if (data.available() != 0) {
                throw malformed(data.available() + " bytes after the last tensor");
            }
            return new Saved(kind, dataType, step, groups, entries);
        } catch (EOFException | UTFDataFormatException e) {
            throw new IllegalArgumentException("saved parameter-set state is truncated or"
                    + " malformed", e);
        }
    }

    private static IllegalArgumentException malformed(String what) {
        return new IllegalArgumentException("saved parameter-set state is malformed: " + what);
    }

    /**
     * Checks that {@code saved} fits {@code set} and an optimizer of {@code kind}, naming the
     * first tensor (in the set's order) that does not; returns the entries in the set's order.
     */
    static Entry[] match(Saved saved, ParameterSet set, String kind) {
        if (!saved.kind().equals(kind)) {
            throw new IllegalArgumentException("saved parameter-set state belongs to a '"
                    + saved.kind() + "' optimizer, not to this '" + kind + "' optimizer");
        }
        Map<String, Entry> byName = new HashMap<>();
        for (Entry e : saved.entries()) {
            if (byName.put(e.name(), e) != null) {
                throw malformed("tensor '" + e.name() + "' is saved twice");
            }
        }
        Entry[] ordered = new Entry[set.size()];
        for (int i = 0; i < set.size(); i++) {
            String name = set.name(i);
            Entry e = byName.get(name);
            if (e == null) {
                throw new IllegalArgumentException("tensor '" + name
                        + "' of the set has no saved state (saved tensors: "
                        + savedNames(saved) + ")");
            }
            long[] shape = set.tensor(i).shape();
            if (!Arrays.equals(shape, e.shape())) {
                throw new IllegalArgumentException("tensor '" + name + "' has shape "
                        + Arrays.toString(shape) + " in the set but "
                        + Arrays.toString(e.shape()) + " in the saved state");
            }
            if (!set.dataType().name().equals(saved.dataType())) {
                throw new IllegalArgumentException("tensor '" + name + "' is "
                        + set.dataType() + " in the set but " + saved.dataType()
                        + " in the saved state");
            }
            String group = set.groups().get(set.groupIndex(i)).name();
            if (!group.equals(e.group())) {
                throw new IllegalArgumentException("tensor '" + name + "' is in group '" + group
                        + "' in the set but in group '" + e.group() + "' in the saved state");
            }
            ordered[i] = e;
        }
        for (Entry e : saved.entries()) {
            if (!set.contains(e.name())) {
                throw new IllegalArgumentException("saved tensor '" + e.name()
                        + "' is not in the set (its tensors: " + set.names() + ")");
            }
        }
        List<String> groups = new ArrayList<>();
        for (ParameterGroup g : set.groups()) {
            groups.add(g.name());
        }
        if (!groups.equals(saved.groups())) {
            throw new IllegalArgumentException("the set has groups " + groups
                    + " but the saved state has groups " + saved.groups());
        }
        return ordered;
    }

    private static List<String> savedNames(Saved saved) {
        List<String> names = new ArrayList<>();
        for (Entry e : saved.entries()) {
            names.add(e.name());
        }
        return names;
    }
}
