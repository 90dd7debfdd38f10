package org.anpr.central.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.anpr.central.operator.Role;

/**
 * The OpenAPI 3 document, generated from the routes themselves: every path, method, query
 * parameter, body kind and the roles allowed (in the description and {@code x-roles}).
 */
public final class OpenApi {
    private OpenApi() {
    }

    public static ObjectNode document(List<Route> routes, String version) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "ANPR central operators' API");
        info.put("version", version);
        info.put("description", "Sightings search (audited, with a mandatory reason and case reference), alerts, "
                + "violations, fleet, hotlists, accounts and the audit trail. Errors are application/problem+json (RFC 9457).");
        ObjectNode security = doc.putObject("components").putObject("securitySchemes");
        security.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "anpr_session");
        security.putObject("token").put("type", "http").put("scheme", "bearer");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode path = paths.has(r.template()) ? (ObjectNode) paths.get(r.template()) : paths.putObject(r.template());
            ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", r.summary());
            op.putArray("tags").add(r.tag());
            op.put("operationId", operationId(r));
            ArrayNode params = op.putArray("parameters");
            for (String v : r.variables()) {
                ObjectNode p = params.addObject();
                p.put("name", v).put("in", "path").put("required", true);
                p.putObject("schema").put("type", "string");
            }
            for (QueryParam q : r.params()) {
                ObjectNode p = params.addObject();
                p.put("name", q.name()).put("in", "query").put("required", q.required()).put("description", q.description());
                ObjectNode schema = p.putObject("schema").put("type", q.type());
                if (q.format() != null) {
                    schema.put("format", q.format());
                }
            }
            if (r.body() != Route.Body.NONE) {
                String type = r.body() == Route.Body.JSON ? "application/json" : "text/csv";
                op.putObject("requestBody").put("required", true).putObject("content").putObject(type)
                        .putObject("schema").put("type", r.body() == Route.Body.JSON ? "object" : "string");
            }
            if (r.authenticated()) {
                ArrayNode roles = op.putArray("x-roles");
                r.roles().stream().map(Role::wireName).forEach(roles::add);
                ArrayNode sec = op.putArray("security");
                sec.addObject().putArray("session");
                sec.addObject().putArray("token");
                op.put("description", "Roles: " + String.join(", ", r.roles().stream().map(Role::wireName).toList())
                        + (r.changesState() ? ". With a session cookie, send the X-CSRF-Token header." : "."));
            } else {
                op.putArray("security");
            }
            ObjectNode responses = op.putObject("responses");
            responses.putObject("2XX").put("description", "success");
            responses.putObject("default").put("description", "a problem (RFC 9457)")
                    .putObject("content").putObject("application/problem+json").putObject("schema").put("type", "object");
        }
        return doc;
    }

    private static String operationId(Route r) {
        StringBuilder s = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.template().replace("/api/v1/", "").split("[/{}-]+")) {
            if (!part.isEmpty()) {
                s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return s.toString();
    }
}
