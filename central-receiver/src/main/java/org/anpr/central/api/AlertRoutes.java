package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anpr.central.alert.AlertBoard;
import org.anpr.central.alert.AlertOutcome;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.audit.Purpose;
import org.anpr.protocol.hotlist.HotlistCsv;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.JsonBody;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.PlateRead;

/** Alerts: the board, one alert with its read and hotlist entry, its images, and acknowledgement with an outcome. */
final class AlertRoutes {
    private static final String TAG = "alerts";
    private static final int MAX_NOTE = 2_000;
    private final ApiContext ctx;
    private final AlertBoard board;

    AlertRoutes(ApiContext ctx) {
        this.ctx = ctx;
        this.board = new AlertBoard(ctx.db());
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/alerts", TAG, "Alerts, newest first").roles(Role.OPERATIONS).params(
                        QueryParam.string("state", "open (default), acknowledged or all"),
                        QueryParam.integer("priority", "only this priority or more urgent (1-9; 1 is the most urgent)"),
                        QueryParam.string("category", "e.g. stolen-vehicle, wanted-person"),
                        QueryParam.string("gantry", "gantry id"),
                        QueryParam.time("from", "received at or after"),
                        QueryParam.time("to", "received before"),
                        QueryParam.string("cursor", "the 'next' value of the previous page"),
                        QueryParam.integer("limit", "1-500, default 50")).handler(this::list),
                Route.of(GET, "/api/v1/alerts/{id}", TAG, "One alert with its read and hotlist entry").roles(Role.OPERATIONS)
                        .handler(this::one),
                Route.of(GET, "/api/v1/alerts/{id}/image", TAG, "The plate crop or overview image of an alert's read (audited)")
                        .roles(EnumSet.of(Role.DISPATCHER, Role.INVESTIGATOR))
                        .params(ReadViews.KIND, Purpose.REASON, Purpose.CASE)
                        .handler(this::image),
                Route.of(POST, "/api/v1/alerts/{id}/acknowledge", TAG, "Acknowledge with an outcome {outcome, note}")
                        .roles(Role.DISPATCHER).body(Route.Body.JSON).handler(this::acknowledge));
    }

    private ApiResponse list(ApiRequest r) throws Exception {
        String state = r.param("state");
        AlertBoard.State s = switch (state == null ? "open" : state) {
            case "open" -> AlertBoard.State.OPEN;
            case "acknowledged" -> AlertBoard.State.ACKNOWLEDGED;
            case "all" -> AlertBoard.State.ALL;
            default -> throw ApiException.badRequest("state", "state must be open, acknowledged or all, was '" + state + "'");
        };
        long priority = r.longParam("priority", 0, 1, 9);
        String cat = r.param("category");
        HotlistCategory category = cat == null ? null : HotlistCsv.category(cat)
                .orElseThrow(() -> ApiException.badRequest("category", "unknown category '" + cat + "'; allowed: " + categories()));
        Instant from = r.timeParam("from");
        Instant to = r.timeParam("to");
        PageCursor cursor = PageCursor.of(r);
        int limit = r.intParam("limit", 50, 1, 500);
        List<AlertBoard.AlertView> alerts = board.list(new AlertBoard.Filter(s, priority == 0 ? null : (int) priority, category,
                r.param("gantry"), from == null ? null : Json.micros(from), to == null ? null : Json.micros(to),
                PageCursor.micros(cursor), PageCursor.id(cursor), limit));
        ArrayNode items = Json.array();
        alerts.forEach(a -> items.add(view(a)));
        ObjectNode out = Json.object();
        out.set("items", items);
        if (alerts.size() == limit) {
            AlertBoard.AlertView last = alerts.get(alerts.size() - 1);
            out.put("next", PageCursor.encode(last.receivedMicros(), last.alert().getAlertId().toByteArray()));
        }
        return ApiResponse.json(out);
    }

    static String categories() {
        return String.join(", ", EnumSet.complementOf(EnumSet.of(HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED,
                HotlistCategory.UNRECOGNIZED)).stream().map(HotlistCsv::categoryName).toList());
    }

    private AlertBoard.AlertView find(ApiRequest r) throws Exception {
        UUID id = ReadViews.uuid(r.variable("id"), "id");
        return board.find(id).orElseThrow(() -> ApiException.notFound("no alert " + id));
    }

    private ApiResponse one(ApiRequest r) throws Exception {
        return ApiResponse.json(view(find(r)));
    }

    private ApiResponse image(ApiRequest r) throws Exception {
        AlertBoard.AlertView a = find(r);
        return ReadViews.image(ctx, r, a.alert().getRead(), "alert.image", a.id().toString());
    }

    private ApiResponse acknowledge(ApiRequest r) throws Exception {
        JsonBody body = JsonBody.of(r, "outcome", "note");
        String o = body.requiredString("outcome", 32);
        AlertOutcome outcome = AlertOutcome.of(o)
                .orElseThrow(() -> ApiException.badRequest("outcome", "unknown outcome '" + o + "'; allowed: " + AlertOutcome.allowed()));
        String note = body.string("note", MAX_NOTE);
        AlertBoard.AlertView a = find(r);
        long now = ctx.nowMicros();
        AlertBoard.Ack ack = new AlertBoard.Ack(outcome, note == null ? "" : note, r.principal().actor(), now);
        AuditLog.Event audit = new AuditLog.Event(r.principal(), r.address(), "alert.acknowledge", a.id().toString(), null,
                Json.text(Json.object().put("outcome", outcome.wireName()).put("note", ack.note())));
        if (!board.acknowledge(a.id(), ack, audit)) {
            AlertBoard.AlertView now2 = board.find(a.id()).orElseThrow();
            throw ApiException.conflict(null, "the alert was already acknowledged by " + now2.ack().operator() + " at "
                    + Json.time(now2.ack().ackedMicros()));
        }
        ctx.events().wake();
        return ApiResponse.json(view(board.find(a.id()).orElseThrow()));
    }

    static ObjectNode view(AlertBoard.AlertView a) {
        HotlistAlert alert = a.alert();
        PlateRead read = alert.getRead();
        String id = a.id().toString();
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("received", Json.time(a.receivedMicros()));
        o.put("source", a.source().toLowerCase());
        o.put("confirmedByCentre", a.confirmed() || a.source().equals("CENTRAL"));
        o.put("matchKind", alert.getMatchKind().name().replace("MATCH_KIND_", "").toLowerCase());
        o.put("hotlistVersion", alert.getHotlistVersion());
        o.put("state", a.ack() == null ? "open" : "acknowledged");
        o.set("read", ReadViews.read(read, "/api/v1/alerts/" + id + "/image?kind="));
        o.set("entry", HotlistRoutes.entryView(alert.getEntry()));
        if (a.ack() != null) {
            o.putObject("acknowledgement").put("outcome", a.ack().outcome().wireName()).put("note", a.ack().note())
                    .put("by", a.ack().operator()).put("at", Json.time(a.ack().ackedMicros()));
        }
        return o;
    }
}
