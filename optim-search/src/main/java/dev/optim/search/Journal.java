package dev.optim.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A study's append-only journal: a header line, then one line per finished trial, each ending in
 * a CRC-32 of the line. A record is written with one write and forced to the device before
 * {@link Study#tell} returns, so a crash loses no told trial; a last line cut short by a crash (no
 * newline) is ignored on resume and cut off before the next append. A complete line with a wrong
 * checksum is corruption, refused.
 *
 * <pre>
 * optim-study	1	seed=42	sampler=bayes	batch=4	pruner=none	space=x=uniform:0.0:1.0	3a1b2c3d
 * trial	0	COMPLETE	3fe0000000000000	3fd0000000000000	64:3fe0000000000000	-	9f8e7d6c
 * </pre>
 *
 * Doubles are written as their IEEE bits in hex, so that a resumed study is bit-for-bit the one
 * that was interrupted.
 */
final class Journal implements AutoCloseable {

    private static final String MAGIC = "optim-study\t1";

    private final Path path;
    private final FileChannel channel;

    private Journal(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** What was read from an existing journal. */
    record Contents(String header, List<FinishedTrial> trials, long validLength) {}

    static String header(long seed, String sampler, int batch, String pruner, String space) {
        return MAGIC + "\tseed=" + seed + "\tsampler=" + sampler + "\tbatch=" + batch + "\tpruner="
                + pruner + "\tspace=" + space;
    }

    /**
     * Opens a journal: reads what an existing one holds (checking its header), cuts off a torn
     * last line, and creates the file with its header if it is new or empty.
     */
    static Journal open(Path path, String header, SearchSpace space, List<FinishedTrial> into) {
        try {
            Contents c = Files.exists(path) && Files.size(path) > 0 ? read(path, space) : null;
            if (c != null && !c.header().equals(header)) {
                throw new IllegalArgumentException("journal " + path + " belongs to another study:\n  file:  "
                        + c.header().replace('\t', ' ') + "\n  study: " + header.replace('\t', ' '));
            }
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            var j = new Journal(path, ch);
            if (c == null) {
                ch.truncate(0);
                j.append(header);
            } else {
                ch.truncate(c.validLength());
                into.addAll(c.trials());
            }
            ch.position(ch.size());
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + path, e);
        }
    }

    static Contents read(Path path, SearchSpace space) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            throw new IllegalArgumentException("journal " + path + " has no complete header line");
        }
        String[] lines = text.substring(0, end).split("\n", -1);
        long valid = text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
        String header = check(path, 1, lines[0]);
        if (!header.startsWith(MAGIC + "\t")) {
            throw new IllegalArgumentException("journal " + path + " is not an Optim study journal");
        }
        var trials = new ArrayList<FinishedTrial>();
        for (int i = 1; i < lines.length; i++) {
            trials.add(parse(path, i + 1, check(path, i + 1, lines[i]), space));
        }
        return new Contents(header, trials, valid);
    }

    private static String check(Path path, int lineNo, String line) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0 || !crc(line.substring(0, tab)).equals(line.substring(tab + 1))) {
            throw new IllegalArgumentException("journal " + path + " line " + lineNo
                    + " is corrupt (checksum mismatch): " + abbreviate(line));
        }
        return line.substring(0, tab);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static FinishedTrial parse(Path path, int lineNo, String body, SearchSpace space) {
        String[] f = body.split("\t", -1);
        try {
            if (f.length != 7 || !f[0].equals("trial")) {
                throw new IllegalArgumentException("expected 7 fields starting with 'trial'");
            }
            long index = Long.parseLong(f[1]);
            TrialState state = TrialState.valueOf(f[2]);
            double value = bits(f[3]);
            String[] us = f[4].split(",");
            double[] unit = new double[us.length];
            for (int j = 0; j < us.length; j++) {
                unit[j] = bits(us[j]);
            }
            var reports = new ArrayList<Report>();
            if (!f[5].isEmpty()) {
                for (String r : f[5].split(";")) {
                    int colon = r.indexOf(':');
                    reports.add(new Report(Long.parseLong(r.substring(0, colon)), bits(r.substring(colon + 1))));
                }
            }
            String message = f[6].equals("-") ? "" : unescape(f[6]);
            return new FinishedTrial(index, unit, space.decode(unit), state, value, message, reports);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("journal " + path + " line " + lineNo + " cannot be read ("
                    + e.getMessage() + "): " + abbreviate(body), e);
        }
    }

    void write(FinishedTrial t) {
        var sb = new StringBuilder("trial\t").append(t.index()).append('\t').append(t.state()).append('\t')
                .append(hex(t.value())).append('\t');
        double[] u = t.unit();
        for (int j = 0; j < u.length; j++) {
            sb.append(j == 0 ? "" : ",").append(hex(u[j]));
        }
        sb.append('\t');
        for (int k = 0; k < t.reports().size(); k++) {
            Report r = t.reports().get(k);
            sb.append(k == 0 ? "" : ";").append(r.step()).append(':').append(hex(r.value()));
        }
        sb.append('\t').append(t.message().isEmpty() ? "-" : escape(t.message()));
        append(sb.toString());
    }

    private void append(String body) {
        byte[] line = (body + "\t" + crc(body) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + path, e);
        }
    }

    private static String hex(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }

    private static double bits(String s) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(s, 16));
    }

    private static String crc(String s) {
        var crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        var sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + path, e);
        }
    }
}
