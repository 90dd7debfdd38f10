package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.anpr.central.audit.AuditEntry;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Csv;
import org.anpr.central.http.Json;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;

/** The audit trail for auditors: query, CSV export and chain verification. Nothing here changes an entry. */
final class AuditRoutes {
    private static final String TAG = "audit";
    private static final int MAX_PAGE = 1_000;
    private static final int MAX_EXPORT = 100_000;
    private static final List<QueryParam> FILTERS = List.of(
            QueryParam.string("actor", "operator name, or token:<id> (name)"),
            QueryParam.string("action", "e.g. reads.search, read.images, hotlist.upload"),
            QueryParam.time("from", "entries at or after this time"),
            QueryParam.time("to", "entries before this time"),
            QueryParam.integer("before", "entries with an id below this (the next page)"),
            QueryParam.integer("limit", "at most this many (page: 1-" + MAX_PAGE + ", default 100; export: up to " + MAX_EXPORT + ")"));
    private final ApiContext ctx;

    AuditRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/audit", TAG, "Audit entries, newest first").roles(Role.AUDITOR).params(FILTERS)
                        .handler(this::query),
                Route.of(GET, "/api/v1/audit/export", TAG, "Audit entries as CSV").roles(Role.AUDITOR).params(FILTERS)
                        .handler(this::export),
                Route.of(GET, "/api/v1/audit/verify", TAG, "Recompute the hash chain and report the first broken entry")
                        .roles(Role.AUDITOR).params(QueryParam.string("head",
                                "a headHash noted at an earlier verification: fails if that entry is gone (truncation)"))
                        .handler(this::verify));
    }

    private AuditLog.Query query(ApiRequest r, int max, int fallback) throws Exception {
        Instant from = r.timeParam("from");
        Instant to = r.timeParam("to");
        long before = r.longParam("before", 0, 1, Long.MAX_VALUE);
        return new AuditLog.Query(r.param("actor"), r.param("action"), from == null ? null : Json.micros(from),
                to == null ? null : Json.micros(to), before == 0 ? null : before, r.intParam("limit", fallback, 1, max));
    }

    private ApiResponse query(ApiRequest request) throws Exception {
        List<AuditEntry> entries = ctx.audit().query(query(request, MAX_PAGE, 100));
        ArrayNode items = Json.array();
        for (AuditEntry e : entries) {
            ObjectNode o = items.addObject();
            o.put("id", e.id()).put("at", Json.time(e.atMicros())).put("actor", e.actor()).put("role", e.role())
                    .put("address", e.address()).put("action", e.action()).put("target", e.target())
                    .put("reason", e.reason()).put("case", e.caseRef()).put("detail", e.detail()).put("hash", e.hash());
        }
        ObjectNode out = Json.object();
        out.set("items", items);
        if (!entries.isEmpty()) {
            out.put("next", entries.get(entries.size() - 1).id());
        }
        return ApiResponse.json(out);
    }

    private ApiResponse export(ApiRequest request) throws Exception {
        List<AuditEntry> entries = ctx.audit().query(query(request, MAX_EXPORT, MAX_EXPORT));
        Csv csv = new Csv("id", "at", "actor", "role", "address", "action", "target", "reason", "case", "detail", "prev_hash", "hash");
        for (AuditEntry e : entries) {
            csv.row(e.id(), Json.time(e.atMicros()), e.actor(), e.role(), e.address(), e.action(), e.target(), e.reason(),
                    e.caseRef(), e.detail(), e.prevHash(), e.hash());
        }
        ctx.audit(request, "audit.export", "", null, ApiContext.queryDetail(request));
        return ApiResponse.csv("audit.csv", csv.toString());
    }

    private ApiResponse verify(ApiRequest request) throws Exception {
        AuditLog.Verification v = ctx.audit().verify(request.param("head"));
        ObjectNode o = Json.object().put("ok", v.ok()).put("checked", v.checked()).put("headHash", v.headHash());
        if (!v.ok()) {
            o.put("brokenAt", v.brokenAt()).put("problem", v.problem());
        }
        return ApiResponse.json(o);
    }
}
