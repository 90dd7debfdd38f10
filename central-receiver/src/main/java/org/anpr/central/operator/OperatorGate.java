package org.anpr.central.operator;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.Gate;
import org.anpr.central.http.Route;
import org.anpr.central.store.StoreException;

/**
 * Authentication (API token in {@code Authorization: Bearer}, else the session cookie), the
 * route's role check, and CSRF: a state-changing request made with the session cookie must
 * carry the session's token in {@code X-CSRF-Token}, which another site's page cannot read.
 * (Bearer tokens are not sent by browsers on their own, so they need no CSRF token.)
 */
public final class OperatorGate implements Gate {
    public static final String COOKIE = "anpr_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final OperatorSessions sessions;
    private final ApiTokens tokens;
    private final Clock clock;

    public OperatorGate(OperatorSessions sessions, ApiTokens tokens, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Principal admit(Route route, HttpHeaders headers, String address) throws ApiException {
        if (!route.authenticated()) {
            return null;
        }
        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        Principal principal;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("the Authorization header must be 'Bearer <API token>'");
            }
            try {
                principal = tokens.authenticate(authorization.substring(7).trim(), clock.millis() * 1000)
                        .orElseThrow(() -> ApiException.unauthorized("the API token is unknown, revoked or expired"));
            } catch (StoreException e) {
                throw new IllegalStateException("token lookup failed", e);
            }
        } else {
            OperatorSessions.Session session = sessionOf(headers)
                    .orElseThrow(() -> ApiException.unauthorized("not signed in, or the session has expired; sign in at POST /api/v1/session"));
            if (route.changesState() && !csrfMatches(session, headers.get(CSRF_HEADER))) {
                throw ApiException.forbidden("missing or wrong " + CSRF_HEADER + " header; take the token from GET /api/v1/session");
            }
            principal = session.principal();
        }
        check(route.roles(), principal);
        return principal;
    }

    /** The live session named by the request's cookie, if any. */
    public Optional<OperatorSessions.Session> sessionOf(HttpHeaders headers) {
        String cookieHeader = headers.get(HttpHeaderNames.COOKIE);
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(cookieHeader)) {
            if (COOKIE.equals(c.name())) {
                return sessions.use(c.value());
            }
        }
        return Optional.empty();
    }

    private static void check(Set<Role> allowed, Principal p) throws ApiException {
        if (!allowed.contains(p.role())) {
            throw ApiException.forbidden("this needs the role " + String.join(" or ", allowed.stream().map(Role::wireName).toList())
                    + "; " + p.name() + " has " + p.role().wireName());
        }
    }

    private static boolean csrfMatches(OperatorSessions.Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
