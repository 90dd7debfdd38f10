package org.anpr.central.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: a status, a content type and a body, or a {@link EventStream} that takes
 * over the connection (Server-Sent Events).
 */
public final class ApiResponse {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponseStatus status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final EventStream stream;

    private ApiResponse(HttpResponseStatus status, String contentType, byte[] body, EventStream stream) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.stream = stream;
    }

    public static ApiResponse json(JsonNode node) {
        return json(HttpResponseStatus.OK, node);
    }

    public static ApiResponse json(HttpResponseStatus status, JsonNode node) {
        try {
            return new ApiResponse(status, "application/json", JSON.writeValueAsBytes(node), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static ApiResponse bytes(String contentType, byte[] body) {
        return new ApiResponse(HttpResponseStatus.OK, contentType, body, null);
    }

    /** A CSV download named {@code filename}. */
    public static ApiResponse csv(String filename, String csv) {
        return bytes("text/csv; charset=utf-8", csv.getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    public static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null, new byte[0], null);
    }

    public static ApiResponse stream(EventStream stream) {
        return new ApiResponse(HttpResponseStatus.OK, "text/event-stream", null, stream);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponseStatus status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public EventStream stream() {
        return stream;
    }
}
