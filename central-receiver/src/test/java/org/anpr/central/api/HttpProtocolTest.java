package org.anpr.central.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anpr.central.config.HttpConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP layer itself, over real TCP: routing errors, query and body validation, body limit,
 * slow and idle clients, the connection limit, keep-alive, the security headers on every answer,
 * and MQTT ingest carrying on beside many idle HTTP connections.
 */
class HttpProtocolTest {
    static final int MAX_BODY = 2048;
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(800);
    static final Duration IDLE_TIMEOUT = Duration.ofMillis(1_500);
    static final int MAX_CONNECTIONS = 3;

    @TempDir
    static Path dir;
    /** Default timeouts and connection limit, a small JSON body limit. */
    static ApiFixture api;
    /** Short request and idle timeouts, three connections at most; spoken to with raw sockets only. */
    static ApiFixture tight;

    @BeforeAll
    static void start() throws Exception {
        ReceiverConfig c = TestGantries.config(Files.createDirectories(dir.resolve("main")));
        HttpConfig h = c.http();
        api = ApiFixture.start(c.withHttp(new HttpConfig(h.enabled(), h.host(), h.port(), h.tls(), MAX_BODY, h.maxUploadBytes(),
                h.idleTimeout(), h.requestTimeout(), h.maxConnections(), h.workerThreads(), h.queuedRequests(), h.workerNice(), h.sessionIdle(),
                h.sessionMaxAge(), h.maxSessions(), h.gantriesFile())));
        ReceiverConfig t = TestGantries.config(Files.createDirectories(dir.resolve("tight")));
        HttpConfig th = t.http();
        tight = ApiFixture.start(t.withHttp(new HttpConfig(th.enabled(), th.host(), th.port(), th.tls(), th.maxBodyBytes(),
                th.maxUploadBytes(), IDLE_TIMEOUT, REQUEST_TIMEOUT, MAX_CONNECTIONS, th.workerThreads(), th.queuedRequests(), th.workerNice(),
                th.sessionIdle(), th.sessionMaxAge(), th.maxSessions(), th.gantriesFile())));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (tight != null) {
            tight.close();
        }
    }

    /** Asserts a problem answer with {@code status}, the security headers, and returns its document. */
    static JsonNode problem(ApiClient.Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"), r.toString());
        assertSecurityHeaders(r);
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt(), r.body());
        assertTrue(p.hasNonNull("title"), r.body());
        assertTrue(p.hasNonNull("detail"), r.body());
        return p;
    }

    static void assertSecurityHeaders(ApiClient.Reply r) {
        assertEquals("no-store", r.header("Cache-Control"), r.status() + " " + r.raw().uri());
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.status() + " " + r.raw().uri());
    }

    // ---- routing ----

    @Test
    void anUnknownPathIs404AsAProblem() throws Exception {
        JsonNode p = problem(new ApiClient(api.port()).get("/api/v1/no-such-thing"), 404);
        assertTrue(p.get("detail").asText().contains("/api/v1/no-such-thing"), p.toString());
        assertEquals("/api/v1/no-such-thing", p.get("instance").asText());
        problem(api.as("admin").get("/api/v1/operators/extra/segments/here"), 404);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405NamingTheAllowedMethods() throws Exception {
        ApiClient admin = api.as("admin");
        JsonNode p = problem(admin.send("PUT", "/api/v1/operators", "{}", "application/json", true), 405);
        String detail = p.get("detail").asText();
        assertTrue(detail.contains("PUT"), detail);
        assertTrue(detail.contains("GET") && detail.contains("POST"), detail);
        assertFalse(detail.contains("PATCH") || detail.contains("DELETE"), "only the methods of this path: " + detail);

        String session = problem(new ApiClient(api.port()).send("PATCH", "/api/v1/session", null, null, false), 405)
                .get("detail").asText();
        assertTrue(session.contains("DELETE") && session.contains("GET") && session.contains("POST"), session);
    }

    // ---- query parameters ----

    @Test
    void anUndeclaredQueryParameterIs400NamingItAndTheAllowedOnes() throws Exception {
        ApiClient auditor = api.as("auditor");
        JsonNode p = problem(auditor.get("/api/v1/audit?actr=x"), 400);
        assertEquals("actr", p.get("field").asText());
        String detail = p.get("detail").asText();
        for (String allowed : new String[] {"actor", "action", "from", "to", "before", "limit"}) {
            assertTrue(detail.contains(allowed), allowed + " missing from: " + detail);
        }
        assertEquals(200, auditor.get("/api/v1/audit?actor=x").status(), "the right spelling works");

        JsonNode none = problem(auditor.get("/api/v1/session?deep=true"), 400);
        assertEquals("deep", none.get("field").asText());
        assertTrue(none.get("detail").asText().contains("takes none"), none.toString());
    }

    @Test
    void aRepeatedParameterIs400() throws Exception {
        JsonNode p = problem(api.as("auditor").get("/api/v1/audit?limit=1&limit=2"), 400);
        assertEquals("limit", p.get("field").asText());
        assertTrue(p.get("detail").asText().contains("once"), p.toString());
    }

    @Test
    void badNumbersAndTimesAre400NamingTheParameter() throws Exception {
        ApiClient auditor = api.as("auditor");
        JsonNode limit = problem(auditor.get("/api/v1/audit?limit=ten"), 400);
        assertEquals("limit", limit.get("field").asText());
        assertTrue(limit.get("detail").asText().contains("ten"), limit.toString());
        assertEquals("limit", problem(auditor.get("/api/v1/audit?limit=0"), 400).get("field").asText(), "below the range");
        assertEquals("limit", problem(auditor.get("/api/v1/audit?limit=1001"), 400).get("field").asText(), "above the range");
        assertEquals("before", problem(auditor.get("/api/v1/audit?before=1.5"), 400).get("field").asText());

        JsonNode from = problem(auditor.get("/api/v1/audit?from=yesterday"), 400);
        assertEquals("from", from.get("field").asText());
        assertTrue(from.get("detail").asText().contains("RFC 3339"), from.toString());
        assertEquals("to", problem(auditor.get("/api/v1/audit?to=2026-13-45T99:00:00Z"), 400).get("field").asText());
        assertEquals(200, auditor.get("/api/v1/audit?from=2020-01-01T00:00:00Z&to=2999-01-01T00:00:00%2B01:00&limit=5").status());
    }

    // ---- JSON bodies ----

    @Test
    void aJsonBodySentAsPlainTextIs415AndCreatesNothing() throws Exception {
        ApiClient admin = api.as("admin");
        String body = ApiClient.JSON.writeValueAsString(Map.of("name", "plain-text", "role", "viewer", "password", ApiFixture.PASSWORD));
        JsonNode p = problem(admin.send("POST", "/api/v1/operators", body, "text/plain", true), 415);
        assertTrue(p.get("detail").asText().contains("application/json"), p.toString());
        problem(admin.send("POST", "/api/v1/operators", body, null, true), 415);
        assertFalse(operatorExists(admin, "plain-text"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        ApiClient admin = api.as("admin");
        JsonNode p = problem(admin.send("POST", "/api/v1/operators", "{\"name\": \"broken\", \"role\": ", "application/json", true), 400);
        assertTrue(p.get("detail").asText().contains("JSON"), p.toString());
        problem(admin.send("POST", "/api/v1/operators", "[1, 2, 3]", "application/json", true), 400);
        problem(admin.send("POST", "/api/v1/operators", "", "application/json", true), 400);
        assertFalse(operatorExists(admin, "broken"));
    }

    @Test
    void anUnknownJsonFieldIs400NamingIt() throws Exception {
        ApiClient admin = api.as("admin");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "misspelt");
        body.put("role", "viewer");
        body.put("password", ApiFixture.PASSWORD);
        body.put("disabeld", true);
        JsonNode p = problem(admin.post("/api/v1/operators", body), 400);
        assertEquals("disabeld", p.get("field").asText());
        assertTrue(p.get("detail").asText().contains("password"), "names the allowed fields: " + p);
        assertFalse(operatorExists(admin, "misspelt"));
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsCreated() throws Exception {
        ApiClient admin = api.as("admin");
        String token = admin.post("/api/v1/tokens", Map.of("name", "body-limit", "role", "admin")).json().get("token").asText();
        // A valid request, padded with JSON whitespace past the limit: only the size is wrong with it.
        String json = ApiClient.JSON.writeValueAsString(Map.of("name", "too-big", "role", "viewer", "password", ApiFixture.PASSWORD));
        String body = json.substring(0, json.length() - 1) + " ".repeat(MAX_BODY) + "}";
        assertTrue(body.length() > MAX_BODY);
        try (Raw raw = new Raw(api.port())) {
            // The headers alone: the announced length is refused before the body is read.
            raw.send("POST /api/v1/operators HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n");
            Raw.Response r = raw.read();
            assertEquals(413, r.status(), r.toString());
            assertEquals("application/problem+json", r.header("content-type"));
            assertEquals("no-store", r.header("cache-control"));
            assertEquals("nosniff", r.header("x-content-type-options"));
            assertTrue(r.body().contains(Integer.toString(MAX_BODY)), r.body());
            assertTrue(raw.closedWithin(Duration.ofSeconds(3)), "the connection is closed after 413");
        }
        assertFalse(operatorExists(admin, "too-big"), "nothing created by the refused request");
        // The same request padded to just under the limit is served, so it was the size alone that was refused.
        String fits = json.replace("too-big", "fits-the-limit");
        fits = fits.substring(0, fits.length() - 1) + " ".repeat(MAX_BODY - fits.length()) + "}";
        assertTrue(fits.length() > MAX_BODY - 2 && fits.length() <= MAX_BODY, "length " + fits.length());
        ApiClient.Reply created = ApiClient.withToken(api.port(), token).send("POST", "/api/v1/operators", fits, "application/json", false);
        assertEquals(201, created.status(), created.toString());
        assertTrue(operatorExists(admin, "fits-the-limit"));
    }

    static boolean operatorExists(ApiClient admin, String name) throws Exception {
        ApiClient.Reply r = admin.get("/api/v1/operators");
        assertEquals(200, r.status(), r.toString());
        for (JsonNode o : r.json().get("items")) {
            if (o.get("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ---- slow, idle and too many clients (raw sockets) ----

    @Test
    void aClientThatStopsHalfWayThroughTheRequestLineGets408AndIsClosed() throws Exception {
        try (Raw raw = new Raw(tight.port())) {
            long start = System.nanoTime();
            raw.send("GET /api/v1/openapi.js");
            Raw.Response r = raw.read();
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals(408, r.status(), r.toString());
            assertTrue(r.statusLine().startsWith("HTTP/1.1 408"), r.statusLine());
            assertEquals("no-store", r.header("cache-control"));
            assertTrue(elapsed >= REQUEST_TIMEOUT.toMillis() - 100, "not before the deadline: " + elapsed + " ms");
            assertTrue(raw.closedWithin(Duration.ofSeconds(3)), "closed after the 408");
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Raw raw = new Raw(tight.port())) {
            raw.send(get("/api/v1/openapi.json"));
            assertEquals(200, raw.read().status());
            long answered = System.nanoTime();
            assertTrue(raw.closedWithin(IDLE_TIMEOUT.plusSeconds(3)), "the server closes an idle connection");
            long idle = Duration.ofNanos(System.nanoTime() - answered).toMillis();
            assertTrue(idle >= IDLE_TIMEOUT.toMillis() - 300, "kept open until the idle timeout: " + idle + " ms");
        }
    }

    @Test
    void beyondMaxConnectionsANewConnectionIsClosedAtOnceWhileTheOthersAreServed() throws Exception {
        List<Raw> open = new ArrayList<>();
        try {
            // Connections of earlier tests may take a moment to be counted out: retry until three are served.
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (true) {
                closeAll(open);
                for (int i = 0; i < MAX_CONNECTIONS; i++) {
                    open.add(new Raw(tight.port()));
                }
                if (allServed(open)) {
                    break;
                }
                assertTrue(System.nanoTime() < end, "three connections were never all served");
                Thread.sleep(100);
            }
            try (Raw fourth = new Raw(tight.port())) {
                assertTrue(fourth.closedWithin(Duration.ofSeconds(2)), "the fourth connection is closed by the server");
            }
            assertTrue(allServed(open), "the first three still get answers");
        } finally {
            closeAll(open);
        }
        // Once they are gone, there is room again.
        TestGantries.await("a connection slot to free up", Duration.ofSeconds(5), TestGantries.unchecked(() -> {
            try (Raw again = new Raw(tight.port())) {
                again.send(get("/api/v1/openapi.json"));
                return again.read().status() == 200;
            } catch (IOException e) {
                return false;
            }
        }));
    }

    private static boolean allServed(List<Raw> sockets) {
        for (Raw r : sockets) {
            try {
                r.send(get("/api/v1/openapi.json"));
                if (r.read().status() != 200) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void closeAll(List<Raw> sockets) {
        sockets.forEach(Raw::close);
        sockets.clear();
    }

    // ---- keep-alive ----

    @Test
    void twoRequestsOnOneKeepAliveConnectionAreAnsweredInOrder() throws Exception {
        try (Raw raw = new Raw(api.port())) {
            raw.send(get("/api/v1/openapi.json"));
            Raw.Response first = raw.read();
            assertEquals(200, first.status(), first.toString());
            assertTrue(first.body().contains("\"openapi\""), "the whole first body was read");
            assertEquals("keep-alive", first.header("connection"));
            raw.send(get("/api/v1/unknown"));
            Raw.Response second = raw.read();
            assertEquals(404, second.status(), second.toString());
            assertTrue(second.body().contains("/api/v1/unknown"), second.body());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyWereSent() throws Exception {
        try (Raw raw = new Raw(api.port())) {
            // The first takes a password check (tens of ms on a worker); the second is immediate.
            String signIn = "{\"name\":\"viewer1\",\"password\":\"not the password at all\"}";
            raw.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + signIn.length() + "\r\n\r\n" + signIn + get("/api/v1/no-such-thing"));
            Raw.Response first = raw.read();
            Raw.Response second = raw.read();
            assertEquals(401, first.status(), "the first answer is the sign-in's: " + first);
            assertEquals(404, second.status(), "the second answer is the unknown path's: " + second);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (Raw raw = new Raw(api.port())) {
            raw.send("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Raw.Response r = raw.read();
            assertEquals(200, r.status());
            assertEquals("close", r.header("connection"));
            assertTrue(raw.closedWithin(Duration.ofSeconds(3)));
        }
    }

    // ---- headers on every answer ----

    @Test
    void everyAnswerCarriesNoStoreAndNosniff() throws Exception {
        ApiClient anonymous = new ApiClient(api.port());
        ApiClient admin = api.as("admin");
        List<ApiClient.Reply> replies = List.of(
                anonymous.get("/api/v1/openapi.json"),
                anonymous.get("/api/v1/operators"),
                anonymous.get("/nowhere"),
                anonymous.send("DELETE", "/api/v1/openapi.json", null, null, false),
                anonymous.signIn("admin1", "wrong password, surely", null),
                admin.get("/api/v1/session"),
                admin.get("/api/v1/operators?x=1"),
                admin.get("/api/v1/audit"),
                admin.send("POST", "/api/v1/tokens", "nope", "text/plain", true),
                admin.delete("/api/v1/tokens/000000000000"));
        for (ApiClient.Reply r : replies) {
            assertSecurityHeaders(r);
            assertNotNull(r.header("Content-Type"), "a typed body: " + r);
        }
        assertEquals(List.of(200, 401, 404, 405, 401, 200, 400, 403, 415, 404), replies.stream().map(ApiClient.Reply::status).toList());
    }

    // ---- MQTT beside HTTP ----

    @Test
    void mqttIngestCarriesOnWhileManyHttpConnectionsSitIdle() throws Exception {
        List<Raw> idle = new ArrayList<>();
        MqttClient gantry = null;
        try {
            for (int i = 0; i < 60; i++) {
                Raw r = new Raw(api.port());
                if (i % 2 == 0) {
                    r.send("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n"); // headers never finished
                }
                idle.add(r);
            }
            long before = api.receiver.store().countReads();
            gantry = TestGantries.connect(api.receiver.port(), TestGantries.ENTRY, true);
            gantry.publish(Topic.of(TestGantries.ENTRY, TopicKind.READS).name(),
                    TestGantries.encode(new SampleMessages(11).batch(TestGantries.ENTRY, 3)), 1, false); // returns after PUBACK
            assertEquals(before + 3, api.receiver.store().countReads(), "PUBACK came, so the reads are stored");
            assertEquals(200, new ApiClient(api.port()).get("/api/v1/openapi.json").status(), "and HTTP still answers");
        } finally {
            if (gantry != null) {
                TestGantries.closeQuietly(gantry);
            }
            closeAll(idle);
        }
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    /** A bare TCP client speaking HTTP/1.1 by hand. */
    static final class Raw implements AutoCloseable {
        record Response(String statusLine, Map<String, String> headers, String body) {
            int status() {
                return Integer.parseInt(statusLine.split(" ")[1]);
            }

            String header(String name) {
                return headers.get(name.toLowerCase(Locale.ROOT));
            }

            @Override
            public String toString() {
                return statusLine + " " + body;
            }
        }

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Raw(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** One response, its body framed by Content-Length. */
        Response read() throws IOException {
            String status = line();
            if (status == null) {
                throw new IOException("closed before a response");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("closed in the body");
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        /** True when the server closes (EOF or reset) within {@code timeout} without sending anything more. */
        boolean closedWithin(Duration timeout) throws IOException {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (SocketException e) {
                return true; // reset
            } finally {
                socket.setSoTimeout(5_000);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the test is over
            }
        }
    }
}
