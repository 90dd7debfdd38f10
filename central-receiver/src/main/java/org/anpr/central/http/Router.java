package org.anpr.central.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the route of a request: 404 for an unknown path, 405 for a known path with another method. */
public final class Router {
    public record Match(Route route, Map<String, String> variables) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(List<Route> more) {
        for (Route r : more) {
            for (Route existing : routes) {
                if (existing.method().equals(r.method()) && existing.template().equals(r.template())) {
                    throw new IllegalStateException("route declared twice: " + r.method() + " " + r.template());
                }
            }
            routes.add(r);
        }
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Match resolve(HttpMethod method, String path) throws ApiException {
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            List<String> values = r.match(path);
            if (values == null) {
                continue;
            }
            if (r.method().equals(method)) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    vars.put(r.variables().get(i), values.get(i));
                }
                return new Match(r, vars);
            }
            allowed.add(r.method().name());
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no endpoint at " + path + "; the API is described at /api/v1/openapi.json");
        }
        throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED,
                path + " does not accept " + method + "; it accepts " + String.join(", ", allowed), null)
                .header("Allow", String.join(", ", allowed));
    }

    /** Refuses query parameters the route does not declare, naming those it does. */
    static void checkQuery(Route route, Map<String, List<String>> query) throws ApiException {
        for (String name : query.keySet()) {
            if (route.params().stream().noneMatch(p -> p.name().equals(name))) {
                List<String> known = route.params().stream().map(QueryParam::name).toList();
                throw ApiException.badRequest(name, "unknown query parameter '" + name + "'"
                        + (known.isEmpty() ? "; this endpoint takes none" : "; allowed: " + String.join(", ", known)));
            }
        }
    }
}
