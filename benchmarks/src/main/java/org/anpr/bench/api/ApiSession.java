package org.anpr.bench.api;

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
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One operator's HTTP client of the API, like a browser: its own connection and cookie jar, the
 * session cookie from {@code POST /api/v1/session}. HTTP/1.1 (what the receiver speaks).
 */
final class ApiSession {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A reply: status and body. */
    record Reply(int status, byte[] body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One Server-Sent Event as it arrived: its type, data and the wall-clock time its last line was read. */
    record Event(String type, JsonNode data, Instant received) {
    }

    private final String base;
    private final HttpClient http;

    private ApiSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ApiSession signIn(int port, String name, String password) throws Exception {
        ApiSession s = new ApiSession(port);
        HttpRequest r = HttpRequest.newBuilder(URI.create(s.base + "/api/v1/session")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name, "password", password))))
                .build();
        HttpResponse<byte[]> reply = s.http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (reply.statusCode() != 201) {
            throw new IllegalStateException("sign-in of " + name + " failed: " + reply.statusCode() + " "
                    + new String(reply.body(), StandardCharsets.UTF_8));
        }
        return s;
    }

    /** A GET of {@code pathAndQuery}; the whole body is read. */
    Reply get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> reply = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(reply.statusCode(), reply.body());
    }

    /**
     * Opens the live event stream and reads it on a daemon thread of its own, handing every event
     * to {@code sink}; returns once the stream is open (status 200), the thread to interrupt when done.
     */
    Thread events(Consumer<Event> sink) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/events")).header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = http.send(r, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("live events: " + response.statusCode());
        }
        Thread t = new Thread(() -> {
            String type = "message";
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            Instant received = Instant.now(); // before parsing: the event is here
                            sink.accept(new Event(type, JSON.readTree(data.toString()), received));
                        }
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event: ")) {
                        type = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    }
                }
            } catch (Exception e) {
                // closed at the end of the run
            }
        }, "live-events");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
