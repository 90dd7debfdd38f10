package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.anpr.central.alert.AlertBoard;
import org.anpr.central.fleet.PresenceHistory;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.search.ReadSearch;
import org.anpr.central.search.ReadStats;

/**
 * Figures for charts: reads per hour per gantry with their confidence bands, alerts per day by
 * outcome, gantries offline over time. Counts only: no plate appears, so no reason is asked.
 */
final class StatsRoutes {
    private static final String TAG = "statistics";
    static final long MAX_WINDOW_MICROS = 31L * 86_400_000_000L;
    private static final long HOUR = 3_600_000_000L;
    private final ApiContext ctx;
    private final ReadSearch search;
    private final AlertBoard alerts;
    private final PresenceHistory presence;

    StatsRoutes(ApiContext ctx, ReadSearch search) {
        this.ctx = ctx;
        this.search = search;
        this.alerts = new AlertBoard(ctx.db());
        this.presence = new PresenceHistory(ctx.db());
    }

    List<Route> routes() {
        QueryParam from = QueryParam.time("from", "start (default: 24 h before 'to')");
        QueryParam to = QueryParam.time("to", "end (default: now); at most 31 days after 'from'");
        return List.of(
                Route.of(GET, "/api/v1/stats/reads", TAG, "Reads per hour per gantry, by confidence band (low < 0.7 <= medium < 0.9 <= high)")
                        .roles(Role.OPERATIONS).params(from, to, QueryParam.string("gantry", "only this gantry")).handler(this::reads),
                Route.of(GET, "/api/v1/stats/alerts", TAG, "Alerts per day by outcome (open for not yet acknowledged)")
                        .roles(Role.OPERATIONS).params(from, to).handler(this::alerts),
                Route.of(GET, "/api/v1/stats/offline", TAG, "Gantries offline over time, per hour")
                        .roles(Role.OPERATIONS).params(from, to).handler(this::offline));
    }

    private long[] window(ApiRequest r) throws ApiException {
        Instant t = r.timeParam("to");
        long to = t == null ? ctx.nowMicros() : Json.micros(t);
        Instant f = r.timeParam("from");
        long from = f == null ? to - 24 * HOUR : Json.micros(f);
        if (from >= to) {
            throw ApiException.badRequest("from", "'from' must be before 'to'");
        }
        if (to - from > MAX_WINDOW_MICROS) {
            throw ApiException.badRequest("from", "statistics cover at most 31 days at a time");
        }
        return new long[] {from, to};
    }

    private ApiResponse reads(ApiRequest r) throws Exception {
        long[] w = window(r);
        List<ReadStats.Bucket> buckets = search.stats(w[0], w[1], r.param("gantry"));
        ArrayNode items = Json.array();
        long reads = 0;
        long low = 0;
        long medium = 0;
        long high = 0;
        for (ReadStats.Bucket b : buckets) {
            items.addObject().put("gantryId", b.gantryId()).put("hour", Json.time(b.hourMicros())).put("reads", b.reads())
                    .put("low", b.low()).put("medium", b.medium()).put("high", b.high());
            reads += b.reads();
            low += b.low();
            medium += b.medium();
            high += b.high();
        }
        ObjectNode out = Json.object().put("from", Json.time(w[0])).put("to", Json.time(w[1]));
        out.set("items", items);
        ObjectNode share = out.putObject("confidence").put("reads", reads);
        share.put("low", reads == 0 ? 0 : (double) low / reads).put("medium", reads == 0 ? 0 : (double) medium / reads)
                .put("high", reads == 0 ? 0 : (double) high / reads);
        return ApiResponse.json(out);
    }

    private ApiResponse alerts(ApiRequest r) throws Exception {
        long[] w = window(r);
        ArrayNode items = Json.array();
        for (AlertBoard.DayCount d : alerts.perDay(w[0], w[1])) {
            items.addObject().put("day", Json.time(d.dayMicros()).substring(0, 10)).put("outcome", d.outcome()).put("alerts", d.alerts());
        }
        return ApiResponse.json(Json.object().put("from", Json.time(w[0])).put("to", Json.time(w[1])).set("items", items));
    }

    private ApiResponse offline(ApiRequest r) throws Exception {
        long[] w = window(r);
        ArrayNode items = Json.array();
        for (PresenceHistory.Bucket b : presence.offline(w[0], w[1], HOUR)) {
            items.addObject().put("hour", Json.time(b.startMicros())).put("offline", b.offlineAtEnd()).put("maxOffline", b.maxOffline());
        }
        return ApiResponse.json(Json.object().put("from", Json.time(w[0])).put("to", Json.time(w[1])).set("items", items));
    }
}
