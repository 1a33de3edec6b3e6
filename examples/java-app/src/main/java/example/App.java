package example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Text statistics service on the JDK's built-in HTTP server.
 * POST /api/stats?top=N with a text body returns word statistics as JSON; GET /healthz.
 * {@code --healthcheck} probes a running instance (the production image has no shell or curl).
 */
public final class App {
    static final int MAX_BODY = 1 << 20;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        for (String arg : args) {
            if (arg.equals("--healthcheck")) {
                System.exit(probe(port) ? 0 : 1);
            }
        }
        HttpServer server = start(port, System.getenv().getOrDefault("APP_VERSION", "dev"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(1)));
        System.out.println("java-app listening on :" + server.getAddress().getPort());
    }

    /** Starts the server (port 0 = any free port). */
    public static HttpServer start(int port, String version) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", ex -> send(ex, 200, "{\"status\":\"ok\",\"version\":" + Json.quote(version) + "}"));
        server.createContext("/api/stats", App::stats);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    static void stats(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            send(ex, 405, "{\"error\":\"method not allowed\"}");
            return;
        }
        int top = 10;
        String query = ex.getRequestURI().getRawQuery();
        if (query != null && query.startsWith("top=")) {
            try {
                top = Integer.parseInt(query.substring(4));
            } catch (NumberFormatException e) {
                top = -1;
            }
            if (top < 0 || top > 100) {
                send(ex, 400, "{\"error\":\"top must be 0-100\"}");
                return;
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(ex, 413, "{\"error\":\"body too large\"}");
            return;
        }
        send(ex, 200, TextStats.of(new String(body, StandardCharsets.UTF_8)).toJson(top));
    }

    static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static boolean probe(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/healthz").toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            System.err.println("unhealthy: " + e);
            return false;
        }
    }
}
