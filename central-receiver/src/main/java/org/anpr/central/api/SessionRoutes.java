package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.JsonBody;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Operator;
import org.anpr.central.operator.OperatorGate;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.OperatorSessions;
import org.anpr.central.operator.Role;
import org.anpr.central.operator.Totp;

/** Signing in and out, the caller's own session, password and TOTP second factor. */
final class SessionRoutes {
    private static final String ANY = "session";
    private final ApiContext ctx;

    SessionRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        EnumSet<Role> everyone = EnumSet.allOf(Role.class);
        return List.of(
                Route.of(POST, "/api/v1/session", ANY, "Sign in with name, password and (if enrolled) a TOTP code")
                        .open().body(Route.Body.JSON).handler(this::signIn),
                Route.of(GET, "/api/v1/session", ANY, "The signed-in operator, the session's expiry and its CSRF token")
                        .roles(everyone).handler(this::current),
                Route.of(DELETE, "/api/v1/session", ANY, "Sign out").roles(everyone).handler(this::signOut),
                Route.of(POST, "/api/v1/session/password", ANY, "Change one's own password")
                        .roles(everyone).body(Route.Body.JSON).handler(this::changePassword),
                Route.of(POST, "/api/v1/session/totp", ANY, "Start TOTP enrolment: a new secret to put in an authenticator app")
                        .roles(everyone).handler(this::startTotp),
                Route.of(POST, "/api/v1/session/totp/confirm", ANY, "Finish TOTP enrolment with a code from the app")
                        .roles(everyone).body(Route.Body.JSON).handler(this::confirmTotp));
    }

    private ApiResponse signIn(ApiRequest request) throws Exception {
        JsonBody body = JsonBody.of(request, "name", "password", "totp");
        String name = body.requiredString("name", 64);
        char[] password = body.requiredString("password", OperatorPasswords.MAX_PASSWORD_LENGTH * 2).toCharArray();
        String code = body.string("totp", 16);
        long wait = ctx.throttle().waitMillis(name, request.address());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many failed sign-ins for this account or address; wait "
                    + (wait + 999) / 1000 + " s", (wait + 999) / 1000);
        }
        Optional<Operator> found = ctx.accounts().find(name);
        boolean ok;
        if (found.isEmpty()) {
            ctx.passwords().burn(password); // the same time as a real check: names cannot be probed
            ok = false;
        } else {
            ok = ctx.passwords().verify(password, found.get().passwordHash()) && !found.get().disabled();
        }
        if (!ok) {
            fail(request, name, "wrong name or password, or the account is disabled");
        }
        Operator op = found.get();
        if (op.hasTotp()) {
            if (code == null) {
                throw new ApiException(HttpResponseStatus.UNAUTHORIZED,
                        "this account needs a TOTP code from its authenticator app (field 'totp')", "totp");
            }
            OptionalLong step = Totp.verify(op.totpSecret(), code, ctx.clock().millis(), op.totpLastStep());
            if (step.isEmpty() || !ctx.accounts().useTotpStep(op.id(), step.getAsLong())) {
                fail(request, name, "wrong or already used TOTP code");
            }
        }
        ctx.throttle().succeeded(name);
        OperatorSessions.Session s = ctx.sessions().open(op);
        ctx.audit().append(new org.anpr.central.audit.AuditLog.Event(s.principal(), request.address(), "session.sign-in",
                op.name(), null, "{}"), ctx.nowMicros());
        DefaultCookie cookie = new DefaultCookie(OperatorGate.COOKIE, s.cookie());
        cookie.setHttpOnly(true);
        cookie.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
        cookie.setPath("/");
        cookie.setSecure(ctx.config().tls());
        return ApiResponse.json(HttpResponseStatus.CREATED, view(s)).header("Set-Cookie", ServerCookieEncoder.STRICT.encode(cookie));
    }

    private void fail(ApiRequest request, String name, String why) throws Exception {
        ctx.throttle().failed(name, request.address());
        ctx.audit().append(new org.anpr.central.audit.AuditLog.Event(null, request.address(), "session.sign-in-failed", name, null,
                Json.text(Json.object().put("why", why))), ctx.nowMicros());
        throw ApiException.unauthorized(why);
    }

    private ObjectNode view(OperatorSessions.Session s) {
        ObjectNode o = Json.object();
        o.put("name", s.name());
        o.put("role", s.role().wireName());
        o.put("csrfToken", s.csrfToken());
        o.put("expires", Json.time(ctx.sessions().expiresMillis(s) * 1000));
        return o;
    }

    private ApiResponse current(ApiRequest request) throws ApiException {
        if (request.principal().viaToken()) {
            ObjectNode o = Json.object().put("name", request.principal().name()).put("role", request.principal().role().wireName());
            return ApiResponse.json(o.put("token", request.principal().tokenId()));
        }
        OperatorSessions.Session s = ctx.gate().sessionOf(request.headers())
                .orElseThrow(() -> ApiException.unauthorized("the session has ended"));
        return ApiResponse.json(view(s));
    }

    private ApiResponse signOut(ApiRequest request) throws Exception {
        ctx.gate().sessionOf(request.headers()).ifPresent(s -> ctx.sessions().close(s.cookie()));
        ctx.audit(request, "session.sign-out", request.principal().name(), null, "{}");
        DefaultCookie gone = new DefaultCookie(OperatorGate.COOKIE, "");
        gone.setMaxAge(0);
        gone.setPath("/");
        gone.setHttpOnly(true);
        return ApiResponse.noContent().header("Set-Cookie", ServerCookieEncoder.STRICT.encode(gone));
    }

    private Operator self(ApiRequest request) throws Exception {
        if (request.principal().viaToken()) {
            throw ApiException.forbidden("an API token has no password or second factor of its own");
        }
        return ctx.accounts().find(request.principal().operatorId())
                .orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
    }

    private ApiResponse changePassword(ApiRequest request) throws Exception {
        Operator op = self(request);
        JsonBody body = JsonBody.of(request, "current", "new");
        char[] current = body.requiredString("current", 1024).toCharArray();
        char[] fresh = body.requiredString("new", 1024).toCharArray();
        if (!ctx.passwords().verify(current, op.passwordHash())) {
            ctx.throttle().failed(op.name(), request.address());
            throw ApiException.forbidden("the current password is wrong");
        }
        try {
            OperatorPasswords.checkPolicy(fresh);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("new", e.getMessage());
        }
        ctx.accounts().setPassword(op.id(), ctx.passwords().hash(fresh), ctx.nowMicros());
        ctx.sessions().closeAll(op.id());
        ctx.audit(request, "operator.password", op.name(), null, "{}");
        return ApiResponse.noContent();
    }

    private ApiResponse startTotp(ApiRequest request) throws Exception {
        Operator op = self(request);
        byte[] secret = Totp.newSecret();
        ctx.accounts().setTotpPending(op.id(), secret, ctx.nowMicros());
        ctx.audit(request, "operator.totp-start", op.name(), null, "{}");
        // Shown once, to its owner, so that the app can be set up; never listed afterwards.
        return ApiResponse.json(Json.object().put("secret", Totp.base32(secret))
                .put("otpauthUri", Totp.otpauthUri("ANPR", op.name(), secret)));
    }

    private ApiResponse confirmTotp(ApiRequest request) throws Exception {
        Operator op = self(request);
        String code = JsonBody.of(request, "code").requiredString("code", 16);
        byte[] pending = ctx.accounts().totpPending(op.id())
                .orElseThrow(() -> ApiException.conflict(null, "no TOTP enrolment is pending; start one with POST /api/v1/session/totp"));
        OptionalLong step = Totp.verify(pending, code, ctx.clock().millis(), 0);
        if (step.isEmpty()) {
            throw ApiException.badRequest("code", "the code does not match the new secret; check the app and the clock");
        }
        ctx.accounts().activateTotp(op.id(), step.getAsLong(), ctx.nowMicros());
        ctx.audit(request, "operator.totp-enabled", op.name(), null, "{}");
        return ApiResponse.noContent();
    }
}
