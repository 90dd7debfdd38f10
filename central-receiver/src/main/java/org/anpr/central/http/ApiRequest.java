package org.anpr.central.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.anpr.central.operator.Principal;

/**
 * One request as a route handler sees it: copied off the Netty buffer on the event loop (the
 * dispatcher releases the buffer), so a handler on a worker thread owns nothing it must free.
 * The typed accessors answer bad input with 400 naming the parameter.
 */
public final class ApiRequest {
    private final HttpMethod method;
    private final String path;
    private final Map<String, String> pathVariables;
    private final Map<String, List<String>> query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final InetSocketAddress remote;
    private final Principal principal;

    public ApiRequest(HttpMethod method, String path, Map<String, String> pathVariables, Map<String, List<String>> query,
                      HttpHeaders headers, byte[] body, InetSocketAddress remote, Principal principal) {
        this.method = method;
        this.path = path;
        this.pathVariables = pathVariables;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.remote = remote;
        this.principal = principal;
    }

    public HttpMethod method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The signed-in operator or token, or null on an open route. */
    public Principal principal() {
        return principal;
    }

    /** The client's address, as the audit records it. */
    public String address() {
        return remote == null ? "" : remote.getAddress().getHostAddress();
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String header(CharSequence name) {
        return headers.get(name);
    }

    public String variable(String name) {
        return pathVariables.get(name);
    }

    public byte[] body() {
        return body;
    }

    /** The whole query string as given, for the audit. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** A query parameter given at most once, or null. */
    public String param(String name) throws ApiException {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw ApiException.badRequest(name, "'" + name + "' may be given once, was given " + v.size() + " times");
        }
        return v.get(0);
    }

    public String requiredParam(String name) throws ApiException {
        String v = param(name);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest(name, "'" + name + "' is required");
        }
        return v;
    }

    public long longParam(String name, long fallback, long min, long max) throws ApiException {
        String v = param(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw ApiException.badRequest(name, "'" + name + "' must be " + min + ".." + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "'" + name + "' must be a whole number, was '" + v + "'");
        }
    }

    public int intParam(String name, int fallback, int min, int max) throws ApiException {
        return (int) longParam(name, fallback, min, max);
    }

    public Double doubleParam(String name, double min, double max) throws ApiException {
        String v = param(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw ApiException.badRequest(name, "'" + name + "' must be " + min + ".." + max + ", was " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, "'" + name + "' must be a number, was '" + v + "'");
        }
    }

    /** An RFC 3339 time ({@code 2026-12-07T10:00:00Z} or with an offset), or null. */
    public Instant timeParam(String name) throws ApiException {
        String v = param(name);
        if (v == null) {
            return null;
        }
        return parseTime(name, v);
    }

    public static Instant parseTime(String field, String v) throws ApiException {
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "'" + field + "' must be an RFC 3339 time such as 2026-12-07T10:00:00Z, was '" + v + "'");
        }
    }

    /** The body as a JSON object; 415 unless sent as {@code application/json}, 400 when malformed. */
    public JsonNode json() throws ApiException {
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be sent as application/json, was " + (type == null ? "no Content-Type" : "'" + type + "'"), null);
        }
        try {
            JsonNode node = ApiResponse.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest(null, "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(null, "the body could not be read: " + e.getMessage());
        }
    }
}
