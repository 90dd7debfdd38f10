package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.PATCH;
import static io.netty.handler.codec.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.JsonBody;
import org.anpr.central.http.Route;
import org.anpr.central.operator.ApiTokenCodec;
import org.anpr.central.operator.ApiTokens;
import org.anpr.central.operator.Operator;
import org.anpr.central.operator.OperatorAccounts;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.Role;

/** Accounts and API tokens, for admins. Hashes and secrets are never part of an answer. */
final class OperatorRoutes {
    private static final String TAG = "accounts";
    private static final long MAX_TOKEN_DAYS = 3_650;
    private final ApiContext ctx;

    OperatorRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/operators", TAG, "List operators' accounts").roles(Role.ADMIN).handler(this::list),
                Route.of(POST, "/api/v1/operators", TAG, "Create an account {name, role, password}")
                        .roles(Role.ADMIN).body(Route.Body.JSON).handler(this::create),
                Route.of(PATCH, "/api/v1/operators/{name}", TAG, "Change an account's role, password or disabled flag; ends its sessions")
                        .roles(Role.ADMIN).body(Route.Body.JSON).handler(this::change),
                Route.of(DELETE, "/api/v1/operators/{name}/totp", TAG, "Remove an account's second factor (lost phone)")
                        .roles(Role.ADMIN).handler(this::resetTotp),
                Route.of(GET, "/api/v1/tokens", TAG, "List API tokens (never their secrets)").roles(Role.ADMIN).handler(this::tokens),
                Route.of(POST, "/api/v1/tokens", TAG, "Issue an API token {name, role, expiresInDays}; the token is shown once")
                        .roles(Role.ADMIN).body(Route.Body.JSON).handler(this::issue),
                Route.of(DELETE, "/api/v1/tokens/{id}", TAG, "Revoke an API token").roles(Role.ADMIN).handler(this::revoke));
    }

    static ObjectNode view(Operator o) {
        return Json.object().put("name", o.name()).put("role", o.role().wireName()).put("disabled", o.disabled())
                .put("totp", o.hasTotp()).put("created", Json.time(o.createdMicros())).put("changed", Json.time(o.changedMicros()));
    }

    private ApiResponse list(ApiRequest request) throws Exception {
        ArrayNode items = Json.array();
        for (Operator o : ctx.accounts().list()) {
            items.add(view(o));
        }
        return ApiResponse.json(Json.object().set("items", items));
    }

    static Role role(JsonBody body, String field) throws ApiException {
        String wire = body.requiredString(field, 32);
        return Role.of(wire).orElseThrow(() -> ApiException.badRequest(field, "unknown role '" + wire + "'; allowed: " + Role.allowed()));
    }

    static char[] password(JsonBody body, String field) throws ApiException {
        char[] p = body.requiredString(field, 1024).toCharArray();
        try {
            OperatorPasswords.checkPolicy(p);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, e.getMessage());
        }
        return p;
    }

    private ApiResponse create(ApiRequest request) throws Exception {
        JsonBody body = JsonBody.of(request, "name", "role", "password");
        String name = body.requiredString("name", 64);
        if (!OperatorAccounts.NAME.matcher(name).matches()) {
            throw ApiException.badRequest("name", "the name must be 2-64 of a-z 0-9 . _ - starting with a letter or digit");
        }
        Role role = role(body, "role");
        String hash = ctx.passwords().hash(password(body, "password"));
        Operator created = ctx.accounts().create(name, role, hash, ctx.nowMicros())
                .orElseThrow(() -> ApiException.conflict("name", "an operator named '" + name + "' already exists"));
        ctx.audit(request, "operator.create", name, null, Json.text(Json.object().put("role", role.wireName())));
        return ApiResponse.json(HttpResponseStatus.CREATED, view(created));
    }

    private Operator named(ApiRequest request) throws Exception {
        String name = request.variable("name");
        return ctx.accounts().find(name).orElseThrow(() -> ApiException.notFound("no operator named '" + name + "'"));
    }

    private ApiResponse change(ApiRequest request) throws Exception {
        Operator op = named(request);
        JsonBody body = JsonBody.of(request, "role", "password", "disabled");
        ObjectNode changed = Json.object();
        long now = ctx.nowMicros();
        if (body.has("role")) {
            Role role = role(body, "role");
            if (op.id() == request.principal().operatorId() && role != Role.ADMIN) {
                throw ApiException.conflict("role", "an admin cannot take away their own admin role");
            }
            ctx.accounts().setRole(op.id(), role, now);
            changed.put("role", role.wireName());
        }
        if (body.has("password")) {
            ctx.accounts().setPassword(op.id(), ctx.passwords().hash(password(body, "password")), now);
            changed.put("password", "changed");
        }
        Boolean disabled = body.bool("disabled");
        if (disabled != null) {
            if (disabled && op.id() == request.principal().operatorId()) {
                throw ApiException.conflict("disabled", "an admin cannot disable their own account");
            }
            ctx.accounts().setDisabled(op.id(), disabled, now);
            changed.put("disabled", disabled);
        }
        if (changed.isEmpty()) {
            throw ApiException.badRequest(null, "nothing to change; give role, password or disabled");
        }
        ctx.sessions().closeAll(op.id());
        ctx.audit(request, "operator.change", op.name(), null, Json.text(changed));
        return ApiResponse.json(view(ctx.accounts().find(op.id()).orElseThrow()));
    }

    private ApiResponse resetTotp(ApiRequest request) throws Exception {
        Operator op = named(request);
        ctx.accounts().clearTotp(op.id(), ctx.nowMicros());
        ctx.sessions().closeAll(op.id());
        ctx.audit(request, "operator.totp-removed", op.name(), null, "{}");
        return ApiResponse.noContent();
    }

    private ApiResponse tokens(ApiRequest request) throws Exception {
        ArrayNode items = Json.array();
        long now = ctx.nowMicros();
        for (ApiTokens.Token t : ctx.tokens().list()) {
            items.add(Json.object().put("id", t.id()).put("name", t.name()).put("role", t.role().wireName())
                    .put("createdBy", t.createdBy()).put("created", Json.time(t.createdMicros()))
                    .put("expires", Json.time(t.expiresMicros())).put("revoked", Json.time(t.revokedMicros()))
                    .put("lastUsed", Json.time(t.lastUsedMicros())).put("active", t.activeAt(now)));
        }
        return ApiResponse.json(Json.object().set("items", items));
    }

    private ApiResponse issue(ApiRequest request) throws Exception {
        JsonBody body = JsonBody.of(request, "name", "role", "expiresInDays");
        String name = body.requiredString("name", 100);
        Role role = role(body, "role");
        Long days = body.integer("expiresInDays", 1, MAX_TOKEN_DAYS);
        long now = ctx.nowMicros();
        long expires = days == null ? 0 : now + days * 86_400_000_000L;
        ApiTokenCodec.Issued issued = ctx.tokens().issue(name, role, request.principal().actor(), now, expires);
        ctx.audit(request, "token.issue", issued.id(), null, Json.text(Json.object().put("name", name).put("role", role.wireName())));
        return ApiResponse.json(HttpResponseStatus.CREATED, Json.object().put("id", issued.id()).put("name", name)
                .put("role", role.wireName()).put("expires", Json.time(expires)).put("token", issued.token()));
    }

    private ApiResponse revoke(ApiRequest request) throws Exception {
        String id = request.variable("id");
        if (!ctx.tokens().revoke(id, ctx.nowMicros())) {
            throw ApiException.notFound("no active API token with id '" + id + "'");
        }
        ctx.audit(request, "token.revoke", id, null, "{}");
        return ApiResponse.noContent();
    }
}
