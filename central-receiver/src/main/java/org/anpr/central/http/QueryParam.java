package org.anpr.central.http;

/**
 * A query parameter a route accepts; anything not declared is refused with 400, so a typo
 * ({@code plat=}) never silently widens a search.
 *
 * @param type an OpenAPI schema type: {@code string}, {@code integer}, {@code number}, {@code boolean}
 * @param format optional OpenAPI format ({@code date-time}), or null
 */
public record QueryParam(String name, String type, String format, boolean required, String description) {
    public static QueryParam string(String name, String description) {
        return new QueryParam(name, "string", null, false, description);
    }

    public static QueryParam required(String name, String description) {
        return new QueryParam(name, "string", null, true, description);
    }

    public static QueryParam integer(String name, String description) {
        return new QueryParam(name, "integer", null, false, description);
    }

    public static QueryParam number(String name, String description) {
        return new QueryParam(name, "number", null, false, description);
    }

    public static QueryParam time(String name, String description) {
        return new QueryParam(name, "string", "date-time", false, description);
    }
}
