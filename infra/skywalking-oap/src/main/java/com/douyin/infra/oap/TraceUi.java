package com.douyin.infra.oap;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zipkin's Lens UI in front of the OAP's Zipkin query API, as SkyWalking's own web app serves it:
 * Lens's files (the zipkin-lens jar, under zipkin-lens/ on the class path) at /zipkin/, and Lens's
 * calls, /zipkin/config.json and /zipkin/api/..., forwarded unchanged to the OAP's query server
 * (whose context path is /zipkin too).
 *
 * <p>Lens is a single-page app: a path whose last segment has no dot (/zipkin/traces/ID,
 * /zipkin/dependency) is one of its routes and gets index.html; one with a dot is a file, or 404.
 */
public final class TraceUi {

    private static final Logger LOG = LoggerFactory.getLogger(TraceUi.class);
    private static final String BASE = "/zipkin/";
    private static final String LENS = "zipkin-lens/";
    private static final Map<String, String> TYPES = Map.ofEntries(
        Map.entry("html", "text/html; charset=utf-8"),
        Map.entry("js", "text/javascript; charset=utf-8"),
        Map.entry("css", "text/css; charset=utf-8"),
        Map.entry("json", "application/json"),
        Map.entry("map", "application/json"),
        Map.entry("txt", "text/plain; charset=utf-8"),
        Map.entry("svg", "image/svg+xml"),
        Map.entry("png", "image/png"),
        Map.entry("jpg", "image/jpeg"),
        Map.entry("gif", "image/gif"),
        Map.entry("ico", "image/x-icon"),
        Map.entry("woff", "font/woff"),
        Map.entry("woff2", "font/woff2"),
        Map.entry("ttf", "font/ttf"),
        Map.entry("eot", "application/vnd.ms-fontobject"));

    private final URI query;
    private final HttpClient client;
    private final byte[] index;

    private TraceUi(URI query, byte[] index) {
        this.query = query;
        this.index = index;
        this.client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    }

    /** Serves the UI on ADDRESS, forwarding API calls to the OAP's query server at QUERY (http://host:port). */
    public static HttpServer start(InetSocketAddress address, URI query) throws IOException {
        byte[] index = resource("index.html").orElseThrow(
            () -> new IOException("no " + LENS + "index.html on the class path (the zipkin-lens jar)"));
        TraceUi ui = new TraceUi(query, index);
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", ui::handle);
        // A few threads: the browser loads Lens's files in parallel, and an API call waits on the OAP.
        AtomicInteger threads = new AtomicInteger();
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "trace-ui-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("Lens UI at http://{}:{}{} (API: {})", address.getHostString(), server.getAddress().getPort(), BASE, query);
        return server;
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8), null);
            } else if (path.equals("/") || path.equals("/zipkin")) {
                exchange.getResponseHeaders().set("Location", BASE);
                send(exchange, 302, null, new byte[0], null);
            } else if (path.startsWith(BASE + "api/") || path.equals(BASE + "config.json")) {
                forward(exchange);
            } else if (path.startsWith(BASE)) {
                serveFile(exchange, path.substring(BASE.length()));
            } else {
                send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), null);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("trace UI: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            if (exchange.getResponseCode() == -1) { // nothing sent yet
                try {
                    send(exchange, 500, "text/plain", "internal error\n".getBytes(StandardCharsets.UTF_8), null);
                } catch (IOException ignored) {
                    // the client is gone
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void serveFile(HttpExchange exchange, String file) throws IOException {
        String last = file.substring(file.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || file.equals("index.html")) {
            // Lens's own routes; never cached, so a rebuilt Lens is picked up.
            send(exchange, 200, TYPES.get("html"), index, "no-cache");
            return;
        }
        Optional<byte[]> body = file.contains("..") ? Optional.empty() : resource(file);
        if (body.isEmpty()) {
            send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        String type = TYPES.getOrDefault(last.substring(dot + 1), "application/octet-stream");
        // Lens's built files carry a content hash in their names (static/js/main.1a2b3c.js).
        send(exchange, 200, type, body.get(), "max-age=86400");
    }

    private void forward(HttpExchange exchange) throws IOException {
        // The same path and query (still encoded) on the OAP's query server.
        URI target = query.resolve(exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // The OAP is still starting (or gone).
            send(exchange, 502, "text/plain", ("OAP query API not reachable at " + query + "\n").getBytes(StandardCharsets.UTF_8), null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        send(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
            response.body(), response.headers().firstValue("Cache-Control").orElse(null));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, String cacheControl) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (type != null) {
            headers.set("Content-Type", type);
        }
        if (cacheControl != null) {
            headers.set("Cache-Control", cacheControl);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        // -1: no body (HEAD, or an empty one); otherwise its exact length.
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Optional<byte[]> resource(String file) throws IOException {
        try (InputStream in = TraceUi.class.getClassLoader().getResourceAsStream(LENS + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
