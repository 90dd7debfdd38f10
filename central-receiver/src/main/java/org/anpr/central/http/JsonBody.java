package org.anpr.central.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to a JSON request body: unknown fields are refused (a misspelt field must not be
 * silently ignored), and every bad value is a 400 naming the field and what is allowed.
 */
public final class JsonBody {
    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The request's JSON object, which may hold only {@code allowed} fields. */
    public static JsonBody of(ApiRequest request, String... allowed) throws ApiException {
        JsonNode node = request.json();
        Set<String> known = new TreeSet<>(Set.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; allowed: " + String.join(", ", known));
            }
        }
        return new JsonBody(node);
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    public String string(String field, int maxLength) throws ApiException {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, "'" + field + "' must be a string");
        }
        if (v.asText().length() > maxLength) {
            throw ApiException.badRequest(field, "'" + field + "' is " + v.asText().length() + " characters; at most " + maxLength);
        }
        return v.asText();
    }

    public String requiredString(String field, int maxLength) throws ApiException {
        String v = string(field, maxLength);
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest(field, "'" + field + "' is required");
        }
        return v;
    }

    public Long integer(String field, long min, long max) throws ApiException {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(field, "'" + field + "' must be a whole number");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw ApiException.badRequest(field, "'" + field + "' must be " + min + ".." + max + ", was " + n);
        }
        return n;
    }

    public Boolean bool(String field) throws ApiException {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field, "'" + field + "' must be true or false");
        }
        return v.booleanValue();
    }

    public JsonNode raw() {
        return node;
    }
}
