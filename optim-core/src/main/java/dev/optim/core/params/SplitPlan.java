package dev.optim.core.params;

import java.util.ArrayList;
import java.util.List;

/**
 * How a step of a set is split into parts: the set's elements {@code [0, length)}, tensors in
 * order, cut into {@code parts} runs of about equal size at multiples of {@value #ALIGN}
 * elements, each run a list of (tensor, from, to) segments. A tensor on a tier that steps whole
 * arrays only goes whole to the part where it starts. Also the same split for the blocks of the
 * gradient norm.
 */
final class SplitPlan {

    /** Cuts inside a tensor fall on multiples of this many elements (whole SIMD vectors). */
    static final int ALIGN = 64;

    final int parts;
    /** Per part: tensor index, from, to; flattened in triples. */
    final long[][] segments;
    /** Per part: the first and one-past-last index into {@link #blocks}. */
    final int[] blockCuts;
    /** Every norm block: tensor index, from, to; flattened in triples. */
    final long[] blocks;

    private SplitPlan(int parts, long[][] segments, int[] blockCuts, long[] blocks) {
        this.parts = parts;
        this.segments = segments;
        this.blockCuts = blockCuts;
        this.blocks = blocks;
    }

    /**
     * The plan for {@code set} in at most {@code parts} parts; {@code whole[i]} says that tensor
     * {@code i} must not be cut.
     */
    static SplitPlan of(ParameterSet set, int parts, boolean[] whole) {
        int n = set.size();
        long total = set.length();
        int count = (int) Math.max(1, Math.min(parts, (total + ALIGN - 1) / ALIGN));
        List<List<Long>> per = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            per.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            long start = set.offset(i);
            long end = set.offset(i + 1);
            if (whole[i]) {
                add(per.get(partOf(start, total, count)), i, 0, end - start);
                continue;
            }
            long at = start;
            while (at < end) {
                int p = partOf(at, total, count);
                long partEnd = p == count - 1 ? total : cut(p + 1, total, count);
                long to = Math.min(end, partEnd);
                if (to < end && to > at) {
                    // Align the cut within the tensor to whole vectors.
                    long local = to - start;
                    long aligned = (local + ALIGN - 1) / ALIGN * ALIGN;
                    to = Math.min(end, start + aligned);
                }
                if (to <= at) {
                    to = Math.min(end, at + ALIGN);
                }
                add(per.get(p), i, at - start, to - start);
                at = to;
            }
        }
        long[][] segments = new long[count][];
        for (int p = 0; p < count; p++) {
            List<Long> l = per.get(p);
            segments[p] = new long[l.size()];
            for (int k = 0; k < l.size(); k++) {
                segments[p][k] = l.get(k);
            }
        }
        List<Long> blockList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long len = set.offset(i + 1) - set.offset(i);
            for (long from = 0; from < len; from += Norms.BLOCK) {
                add(blockList, i, from, Math.min(len, from + Norms.BLOCK));
            }
        }
        long[] blocks = new long[blockList.size()];
        for (int k = 0; k < blocks.length; k++) {
            blocks[k] = blockList.get(k);
        }
        int blockCount = blocks.length / 3;
        int[] blockCuts = new int[count + 1];
        for (int p = 0; p <= count; p++) {
            blockCuts[p] = (int) ((long) blockCount * p / count);
        }
        return new SplitPlan(count, segments, blockCuts, blocks);
    }

    /** The part that element {@code at} of the set falls in. */
    private static int partOf(long at, long total, int count) {
        int p = (int) Math.min(count - 1, at * count / total);
        while (p + 1 < count && cut(p + 1, total, count) <= at) {
            p++;
        }
        while (p > 0 && cut(p, total, count) > at) {
            p--;
        }
        return p;
    }

    /** Where part {@code p} starts. */
    private static long cut(int p, long total, int count) {
        return total * p / count;
    }

    private static void add(List<Long> l, long tensor, long from, long to) {
        l.add(tensor);
        l.add(from);
        l.add(to);
    }
}
