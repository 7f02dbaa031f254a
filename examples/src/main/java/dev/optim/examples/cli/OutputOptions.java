package dev.optim.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where and how a command writes its table: {@code --format csv|json} and {@code --out FILE}
 * (standard output when absent). The parent folders of {@code FILE} are created.
 */
public final class OutputOptions {

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            converter = OutputFormat.Converter.class,
            description = "csv|json (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.CSV;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the table to FILE instead of standard output.")
    Path out;

    /**
     * The chosen format.
     *
     * @return the format
     */
    public OutputFormat format() {
        return format;
    }

    /**
     * The chosen file.
     *
     * @return the file, or null for standard output
     */
    public Path file() {
        return out;
    }

    /**
     * Writes {@code text} to {@code --out} or to the command's standard output.
     *
     * @param spec the running command
     * @param text the text
     * @throws IOException if the file cannot be written
     */
    public void emit(CommandSpec spec, String text) throws IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
            return;
        }
        write(out, text);
    }

    /**
     * Writes {@code text} to {@code file} in UTF-8, creating its parent folders.
     *
     * @param file the file
     * @param text the text
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
