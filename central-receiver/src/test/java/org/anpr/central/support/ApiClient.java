package org.anpr.central.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real HTTP client of the operators' API for tests: keeps the session cookie like a browser and
 * sends the CSRF token it got at sign-in on state-changing requests (unless told not to).
 */
public final class ApiClient {
    public static final ObjectMapper JSON = new ObjectMapper();

    public record Reply(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final HttpClient http;
    private String csrf;
    private String bearer;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static ApiClient signedIn(int port, String name, String password) throws Exception {
        ApiClient c = new ApiClient(port);
        Reply r = c.signIn(name, password, null);
        if (r.status() != 201) {
            throw new AssertionError("sign-in of " + name + " failed: " + r);
        }
        return c;
    }

    public static ApiClient withToken(int port, String token) {
        ApiClient c = new ApiClient(port);
        c.bearer = token;
        return c;
    }

    public Reply signIn(String name, String password, String totp) throws Exception {
        String body = JSON.writeValueAsString(totp == null ? java.util.Map.of("name", name, "password", password)
                : java.util.Map.of("name", name, "password", password, "totp", totp));
        Reply r = send("POST", "/api/v1/session", body, "application/json", true);
        if (r.status() == 201) {
            csrf = r.json().get("csrfToken").asText();
        }
        return r;
    }

    public Reply get(String path) throws Exception {
        return send("GET", path, null, null, true);
    }

    public Reply post(String path, Object json) throws Exception {
        return send("POST", path, JSON.writeValueAsString(json), "application/json", true);
    }

    public Reply patch(String path, Object json) throws Exception {
        return send("PATCH", path, JSON.writeValueAsString(json), "application/json", true);
    }

    public Reply delete(String path) throws Exception {
        return send("DELETE", path, null, null, true);
    }

    /** Any request; {@code withCsrf} false leaves the CSRF header out. */
    public Reply send(String method, String path, String body, String contentType, boolean withCsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (withCsrf && csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }

    /** Opens the live event stream; lines arrive on {@code lines} (the stream is read by the client's own thread). */
    public HttpResponse<java.util.stream.Stream<String>> events(String query, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/events" + (query == null ? "" : query)))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
    }

    public String base() {
        return base;
    }
}
