package dev.optim.examples.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the tests, on java.net.http, and a raw socket for odd paths. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final int port;

    Http(PlaygroundServer server) {
        this.base = server.url();
        this.port = server.port();
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET());
    }

    Response post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response method(String method, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.body());
    }

    /** Sends a request line exactly as given, so no client normalises the path. */
    Response raw(String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String type = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            return new Response(status, type, all.substring(split + 4));
        }
    }
}
