package org.anpr.central.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream on a thread of its own and parses it into events (id, type, data). */
public final class EventStreamReader implements AutoCloseable {
    public record Event(long id, String type, JsonNode data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread thread;

    public EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.thread = new Thread(this::read, "sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    public int status() {
        return response.statusCode();
    }

    private void read() {
        long id = -1;
        String type = "message";
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, type, ApiClient.JSON.readTree(data.toString()), System.nanoTime()));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (Exception e) {
            // the stream ended or was closed by the test
        }
    }

    /** The next event of {@code type}, skipping others, or null after {@code seconds}. */
    public Event next(String type, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Event e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || e.type().equals(type)) {
                return e;
            }
        }
    }

    /** The next event of any type, or null after {@code seconds}. */
    public Event next(long seconds) throws InterruptedException {
        return events.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        response.body().close();
        thread.interrupt();
    }
}
