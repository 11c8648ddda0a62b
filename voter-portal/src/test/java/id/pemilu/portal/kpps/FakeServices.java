package id.pemilu.portal.kpps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * recap-service and Keycloak's token endpoint as the KPPS pages see them in tests: fixed answers per method and path
 * (query included), and a record of every call with its bearer token and Idempotency-Key.
 */
public final class FakeServices implements AutoCloseable {

    public record Call(String method, String path, String authorization, String idempotencyKey, String contentType,
                byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().toString();
            var headers = exchange.getRequestHeaders();
            calls.add(new Call(exchange.getRequestMethod(), path, headers.getFirst("Authorization"),
                    headers.getFirst("Idempotency-Key"), headers.getFirst("Content-Type"), body));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                    "application/problem+json", "{\"status\":404,\"title\":\"Tidak ditemukan\"}".getBytes()));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            exchange.getResponseBody().write(answer.body());
            exchange.close();
        });
        server.start();
    }

    public FakeServices json(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, status >= 400 ? "application/problem+json" : "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public FakeServices bytes(String methodAndPath, String contentType, byte[] body) {
        answers.put(methodAndPath, new Answer(200, contentType, body));
        return this;
    }

    public List<Call> calls(String methodAndPathPrefix) {
        return calls.stream().filter(c -> (c.method() + " " + c.path()).startsWith(methodAndPathPrefix)).toList();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
