package dev.optim.examples.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page's own files, read once from the jar's resources under {@code /playground/}. Only the
 * files named here are ever served, looked up by exact name: no path from a request reaches the
 * file system or the class loader, so {@code /../}, {@code %2e%2e}, absolute paths and symbolic
 * links cannot lead anywhere else.
 */
final class StaticFiles {

    /** The served files and their media types; {@code /} is {@code index.html}. */
    static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "playground.js", "text/javascript; charset=utf-8",
            "playground.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    /** A file's bytes and media type. */
    record File(byte[] bytes, String type) {}

    private final Map<String, File> files;

    StaticFiles() {
        java.util.HashMap<String, File> m = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            m.put(e.getKey(), new File(read(e.getKey()), e.getValue()));
        }
        files = Map.copyOf(m);
    }

    /**
     * The file a request path names, if it is one of the page's files.
     *
     * @param rawPath the request's raw (still percent-encoded) path
     * @return the file, or empty
     */
    Optional<File> lookup(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        String name = rawPath.equals("/") ? "index.html" : rawPath.startsWith("/")
                ? rawPath.substring(1) : null;
        return name == null ? Optional.empty() : Optional.ofNullable(files.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/playground/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /playground/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
