package org.anpr.demo.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an operator's console sees live: the centre's event stream ({@code GET /api/v1/events}),
 * followed over HTTP like the console follows it, signed in as the demo's dispatcher. Each alert
 * and violation event is kept with the time it arrived here.
 */
public final class LiveStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event as it arrived: its type ({@code alert}, {@code violation}, ...), its data, and when. */
    public record Event(String type, JsonNode data, long arrivedMicros) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile Exception failure;

    private LiveStream(HttpClient http, String base) {
        this.reader = new Thread(() -> follow(http, base), "demo-live-stream");
        this.reader.setDaemon(true);
    }

    /** Starts following the stream as {@code operator}. */
    public static LiveStream follow(OperatorClient operator) {
        LiveStream s = new LiveStream(operator.http(), operator.base());
        s.reader.start();
        return s;
    }

    private void follow(HttpClient http, String base) {
        try {
            HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events")).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() != 200) {
                throw new IOException("event stream: HTTP " + r.statusCode());
            }
            lines = r.body();
            String type = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7).trim();
                } else if (line.startsWith("data: ") && type != null) {
                    long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                    JsonNode data = JSON.readTree(line.substring(6));
                    synchronized (events) {
                        events.add(new Event(type, data, now));
                    }
                    type = null;
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Reads that raised an alert on the stream so far (the gantry's alert and the centre's check of one read are one). */
    public long alertedReads() {
        synchronized (events) {
            return events.stream().filter(e -> e.type().equals("alert")).map(e -> e.data().path("readId").asText()).distinct().count();
        }
    }

    /** The events of {@code type} received so far, in order. */
    public List<Event> events(String type) {
        synchronized (events) {
            return events.stream().filter(e -> e.type().equals(type)).toList();
        }
    }

    /** Why the stream ended, or null while it runs. */
    public Exception failure() {
        return failure;
    }

    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        reader.interrupt();
    }
}
