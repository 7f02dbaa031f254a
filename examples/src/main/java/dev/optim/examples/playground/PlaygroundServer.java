package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playground's HTTP server: the JDK's {@code com.sun.net.httpserver} on one address, serving
 * the page's {@link StaticFiles files} and the {@link PlaygroundApi JSON API}.
 *
 * <p>Bounded: {@value Limits#THREADS} threads compute answers, {@value Limits#QUEUE} requests may
 * wait for one and any further request is answered 503 at once; a body is at most
 * {@value Limits#MAX_BODY_BYTES} bytes; a request is abandoned with 503 after
 * {@value Limits#DEADLINE_MILLIS} ms. Every failure is a JSON object
 * {@code {"error": ..., "field": ...}}; a stack trace is logged, never sent.
 *
 * <pre>{@code
 * PlaygroundServer s = PlaygroundServer.start(InetAddress.getLoopbackAddress(), 0);
 * System.out.println(s.url());
 * s.stop();
 * }</pre>
 */
public final class PlaygroundServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundServer.class);
    private static final String POOL = "playground-worker-";

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final PlaygroundApi api;
    private final StaticFiles files;

    private PlaygroundServer(HttpServer server, ThreadPoolExecutor pool, PlaygroundApi api,
            StaticFiles files) {
        this.server = server;
        this.pool = pool;
        this.api = api;
        this.files = files;
    }

    /**
     * Starts a server.
     *
     * @param address the address to bind, normally the loopback address
     * @param port the port, or 0 for any free one
     * @return the running server
     * @throws IOException if the address cannot be bound
     * @throws IllegalArgumentException if {@code port} is not in [0, 65535]
     */
    public static PlaygroundServer start(InetAddress address, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        PlaygroundApi api = new PlaygroundApi();
        api.warmUp();
        StaticFiles files = new StaticFiles();
        HttpServer http = HttpServer.create(new InetSocketAddress(address, port), 64);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, POOL + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // A rejected exchange runs on the server's dispatcher thread, which answers 503 at once.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(Limits.THREADS, Limits.THREADS, 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(Limits.QUEUE), tf,
                new ThreadPoolExecutor.CallerRunsPolicy());
        PlaygroundServer s = new PlaygroundServer(http, pool, api, files);
        http.createContext("/", s::exchange);
        http.setExecutor(pool);
        http.start();
        return s;
    }

    /**
     * The address the page is served at, {@code http://127.0.0.1:PORT/}.
     *
     * @return the URL
     */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + a.getPort() + "/";
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The API this server answers with.
     *
     * @return the API
     */
    public PlaygroundApi api() {
        return api;
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and stops. */
    public void stop() {
        server.stop(1);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            if (!Thread.currentThread().getName().startsWith(POOL)) {
                send(ex, 503, error(null, "the server is busy (" + Limits.THREADS
                        + " requests running, " + Limits.QUEUE + " waiting); try again"));
                return;
            }
            long t0 = System.nanoTime();
            try {
                answer(ex, t0);
            } catch (ApiException e) {
                send(ex, e.status(), error(e.field(), e.getMessage()));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                LOG.error("playground: {} {} failed", ex.getRequestMethod(),
                        ex.getRequestURI().getRawPath(), e);
                send(ex, 500, error(null, "internal error; see the server's log"));
            }
        }
    }

    private void answer(HttpExchange ex, long t0) throws IOException {
        String method = ex.getRequestMethod();
        String raw = ex.getRequestURI().getRawPath();
        if (raw != null && raw.startsWith("/api/")) {
            PlaygroundApi.Deadline deadline = PlaygroundApi.Deadline.in(Limits.DEADLINE_MILLIS);
            ObjectNode body = null;
            if ("POST".equals(method)) {
                body = Json.parseObject(readBody(ex));
            } else if (!"GET".equals(method)) {
                throw new ApiException(405, null, method + " is not served; use GET or POST");
            }
            ObjectNode out = api.handle(method, raw, body, deadline);
            deadline.check();
            long micros = (System.nanoTime() - t0) / 1000;
            out.put("serverMicros", micros);
            ex.getResponseHeaders().add("Server-Timing",
                    "compute;dur=" + String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0));
            send(ex, 200, Json.MAPPER.writeValueAsBytes(out));
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            throw new ApiException(405, null, method + " is not served for files; use GET");
        }
        Optional<StaticFiles.File> f = files.lookup(raw);
        if (f.isEmpty()) {
            throw new ApiException(404, "path", "no such file: " + abbreviate(raw)
                    + " (the page serves " + String.join(", ",
                            new java.util.TreeSet<>(StaticFiles.FILES.keySet())) + ")");
        }
        ex.getResponseHeaders().add("Content-Type", f.get().type());
        ex.getResponseHeaders().add("Cache-Control", "no-cache");
        ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().add("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'");
        if ("HEAD".equals(method)) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, f.get().bytes().length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(f.get().bytes());
        }
    }

    /**
     * How much of a refused (too large) body is read and dropped before the 413 is sent, so that
     * the client, still sending, is not cut off by a reset before it reads the answer. Beyond
     * this the connection is simply closed.
     */
    private static final long DRAIN_LIMIT = 1L << 20;

    private static byte[] readBody(HttpExchange ex) throws IOException {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (len != null) {
            long declared;
            try {
                declared = Long.parseLong(len.trim());
            } catch (NumberFormatException e) {
                throw ApiException.bad(null, "bad Content-Length");
            }
            if (declared > Limits.MAX_BODY_BYTES) {
                drain(ex.getRequestBody());
                throw new ApiException(413, null, "the request body exceeds "
                        + Limits.MAX_BODY_BYTES + " bytes");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(Limits.MAX_BODY_BYTES + 1);
            if (b.length > Limits.MAX_BODY_BYTES) {
                drain(in);
                throw new ApiException(413, null, "the request body exceeds "
                        + Limits.MAX_BODY_BYTES + " bytes");
            }
            return b;
        }
    }

    /** Reads and drops up to {@link #DRAIN_LIMIT} bytes of a refused body. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
            left -= n;
        }
    }

    private static byte[] error(String field, String message) {
        ObjectNode e = Json.object();
        e.put("error", message);
        if (field == null) {
            e.putNull("field");
        } else {
            e.put("field", field);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(e);
        } catch (IOException x) {
            return "{\"error\":\"internal error\",\"field\":null}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
