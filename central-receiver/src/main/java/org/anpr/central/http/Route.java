package org.anpr.central.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.central.operator.Role;

/**
 * One endpoint: method, path template ({@code /api/v1/alerts/{id}}), who may call it, what it
 * accepts, and the handler. The same description drives dispatch, the role check and the
 * OpenAPI document, so they cannot drift apart.
 */
public final class Route {
    /** What a route accepts as body. */
    public enum Body { NONE, JSON, CSV }

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

    private final HttpMethod method;
    private final String template;
    private final String summary;
    private final String tag;
    private final Set<Role> roles;
    private final boolean authenticated;
    private final List<QueryParam> params;
    private final Body body;
    private final Handler handler;
    private final Pattern pattern;
    private final List<String> variables = new ArrayList<>();

    private Route(HttpMethod method, String template, String tag, String summary, Set<Role> roles, boolean authenticated,
                  List<QueryParam> params, Body body, Handler handler) {
        this.method = method;
        this.template = template;
        this.tag = tag;
        this.summary = summary;
        this.roles = roles;
        this.authenticated = authenticated;
        this.params = List.copyOf(params);
        this.body = body;
        this.handler = handler;
        Matcher m = VARIABLE.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            variables.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
    }

    /** Starts a route description; finish it with {@link Builder#handler}. */
    public static Builder of(HttpMethod method, String template, String tag, String summary) {
        return new Builder(method, template, tag, summary);
    }

    public HttpMethod method() {
        return method;
    }

    public String template() {
        return template;
    }

    public String tag() {
        return tag;
    }

    public String summary() {
        return summary;
    }

    /** Roles allowed (for an {@link #authenticated()} route; ignored otherwise). */
    public Set<Role> roles() {
        return roles;
    }

    public boolean authenticated() {
        return authenticated;
    }

    public List<QueryParam> params() {
        return params;
    }

    public Body body() {
        return body;
    }

    public Handler handler() {
        return handler;
    }

    public List<String> variables() {
        return variables;
    }

    /** State-changing methods need the CSRF token when called with a session cookie. */
    public boolean changesState() {
        return !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD);
    }

    /** The path variables when {@code path} fits this template, else null. */
    List<String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        List<String> values = new ArrayList<>(m.groupCount());
        for (int i = 1; i <= m.groupCount(); i++) {
            values.add(m.group(i));
        }
        return values;
    }

    public static final class Builder {
        private final HttpMethod method;
        private final String template;
        private final String tag;
        private final String summary;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private boolean authenticated = true;
        private final List<QueryParam> params = new ArrayList<>();
        private Body body = Body.NONE;

        private Builder(HttpMethod method, String template, String tag, String summary) {
            this.method = method;
            this.template = template;
            this.tag = tag;
            this.summary = summary;
        }

        /** Only these roles may call it (403 for the others). */
        public Builder roles(Role first, Role... more) {
            roles = EnumSet.of(first, more);
            return this;
        }

        public Builder roles(Set<Role> allowed) {
            roles = EnumSet.copyOf(allowed);
            return this;
        }

        /** Callable without signing in (login, the OpenAPI document). */
        public Builder open() {
            authenticated = false;
            return this;
        }

        public Builder params(QueryParam... p) {
            params.addAll(Arrays.asList(p));
            return this;
        }

        public Builder params(List<QueryParam> p) {
            params.addAll(p);
            return this;
        }

        public Builder body(Body b) {
            body = b;
            return this;
        }

        public Route handler(Handler h) {
            if (authenticated && roles.isEmpty()) {
                throw new IllegalStateException(method + " " + template + ": an authenticated route names its roles");
            }
            return new Route(method, template, tag, summary, roles, authenticated, params, body, h);
        }
    }
}
