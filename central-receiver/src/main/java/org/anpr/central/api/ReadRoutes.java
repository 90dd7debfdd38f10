package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anpr.central.audit.Purpose;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Csv;
import org.anpr.central.http.Json;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.search.Cursor;
import org.anpr.central.search.PlatePattern;
import org.anpr.central.search.ReadHit;
import org.anpr.central.search.ReadQuery;
import org.anpr.central.search.ReadSearch;
import org.anpr.central.search.StoredRead;
import org.anpr.protocol.ids.Uuid7;

/**
 * Sightings: search (exact, wildcard, tolerant; by gantry, camera, lane, country, time and
 * confidence), one read, its images, CSV export and a plate's trajectory. Every one of them needs
 * a reason and a case reference and is audited before anything is answered.
 */
final class ReadRoutes {
    private static final String TAG = "reads";
    static final int EXPORT_MAX = 10_000;
    static final long MAX_TRAJECTORY_MICROS = 31L * 86_400_000_000L;
    private static final List<QueryParam> SEARCH = List.of(
            QueryParam.string("plate", "the plate, or a pattern (mode=wildcard: ? one character, * any run)"),
            QueryParam.string("mode", "exact (default), wildcard or tolerant (OCR look-alikes 0/O/D/Q, 1/I/L, 8/B, 5/S, 2/Z, 6/G)"),
            QueryParam.string("gantry", "gantry id (a plate or a gantry is required)"),
            QueryParam.string("camera", "camera id"),
            QueryParam.integer("lane", "lane number"),
            QueryParam.string("country", "ISO 3166-1 alpha-2"),
            QueryParam.time("from", "captured at or after"),
            QueryParam.time("to", "captured before"),
            QueryParam.number("minConfidence", "0-1"),
            Purpose.REASON, Purpose.CASE);
    private final ApiContext ctx;
    private final ReadSearch search;

    ReadRoutes(ApiContext ctx, ReadSearch search) {
        this.ctx = ctx;
        this.search = search;
    }

    List<Route> routes() {
        List<QueryParam> page = new ArrayList<>(SEARCH);
        page.add(QueryParam.string("cursor", "the 'next' value of the previous page"));
        page.add(QueryParam.integer("limit", "1-" + ReadQuery.MAX_LIMIT + ", default 100"));
        List<QueryParam> export = new ArrayList<>(SEARCH);
        export.add(QueryParam.integer("limit", "1-" + EXPORT_MAX + ", default " + EXPORT_MAX));
        return List.of(
                Route.of(GET, "/api/v1/reads", TAG, "Search sightings, newest first (audited)").roles(Role.INVESTIGATOR)
                        .params(page).handler(this::search),
                Route.of(GET, "/api/v1/reads/export", TAG, "A search's hits as CSV (audited)").roles(Role.INVESTIGATOR)
                        .params(export).handler(this::export),
                Route.of(GET, "/api/v1/reads/{id}", TAG, "One read with its metadata (audited)").roles(Role.INVESTIGATOR)
                        .params(Purpose.REASON, Purpose.CASE).handler(this::one),
                Route.of(GET, "/api/v1/reads/{id}/image", TAG, "A read's plate crop or overview image (audited)")
                        .roles(EnumSet.of(Role.INVESTIGATOR, Role.DISPATCHER)).params(ReadViews.KIND, Purpose.REASON, Purpose.CASE)
                        .handler(this::image),
                Route.of(GET, "/api/v1/trajectory", TAG, "A plate's sightings in a window, in time order, with gantry positions (audited)")
                        .roles(Role.INVESTIGATOR).params(
                                QueryParam.required("plate", "the exact plate"),
                                QueryParam.time("from", "start (default: 24 h before 'to')"),
                                QueryParam.time("to", "end (default: now); at most 31 days after 'from'"),
                                QueryParam.integer("limit", "1-1000, default 1000"),
                                Purpose.REASON, Purpose.CASE).handler(this::trajectory));
    }

    private ReadQuery query(ApiRequest r, int limit) throws ApiException {
        String plateText = r.param("plate");
        String mode = r.param("mode");
        PlatePattern plate = null;
        if (plateText != null) {
            plate = argument(() -> PlatePattern.parse(plateText, mode == null ? "exact" : mode), "plate");
        } else if (mode != null) {
            throw ApiException.badRequest("mode", "mode needs a plate");
        }
        Instant from = r.timeParam("from");
        Instant to = r.timeParam("to");
        Double minConfidence = r.doubleParam("minConfidence", 0, 1);
        String cursor = r.param("cursor");
        Cursor after = cursor == null ? null : argument(() -> Cursor.decode(cursor), "cursor");
        long lane = r.longParam("lane", -1, 0, 255);
        PlatePattern p = plate;
        String gantry = r.param("gantry");
        String camera = r.param("camera");
        String country = r.param("country");
        return argument(() -> new ReadQuery(p, gantry, camera, lane < 0 ? null : (int) lane,
                country, from == null ? null : Json.micros(from), to == null ? null : Json.micros(to),
                minConfidence == null ? null : minConfidence.floatValue(), after, limit), "plate");
    }

    private interface Parse<T> {
        T get();
    }

    /** IllegalArgumentException "field: why" from the search layer becomes a 400 naming that field. */
    private static <T> T argument(Parse<T> parse, String defaultField) throws ApiException {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid" : e.getMessage();
            int colon = m.indexOf(':');
            String field = colon > 0 && m.substring(0, colon).matches("[a-zA-Z]+") ? m.substring(0, colon) : defaultField;
            throw ApiException.badRequest(field, m);
        }
    }

    static ObjectNode hit(ReadHit h) {
        String id = h.readIdText();
        ObjectNode o = Json.object().put("id", id).put("gantryId", h.gantryId()).put("cameraId", h.cameraId())
                .put("lane", h.lane()).put("plate", h.plateText()).put("country", h.country()).put("confidence", h.confidence())
                .put("captured", Json.time(h.captureMicros())).put("received", Json.time(h.receivedMicros()));
        ObjectNode images = o.putObject("images");
        if (h.hasCrop()) {
            images.put("crop", "/api/v1/reads/" + id + "/image?kind=crop");
        }
        if (h.hasOverview()) {
            images.put("overview", "/api/v1/reads/" + id + "/image?kind=overview");
        }
        return o;
    }

    private ApiResponse search(ApiRequest r) throws Exception {
        Purpose purpose = Purpose.of(r);
        int limit = r.intParam("limit", 100, 1, ReadQuery.MAX_LIMIT);
        ReadQuery q = query(r, limit);
        ctx.audit(r, "reads.search", q.plate() == null ? q.gantryId() : q.plate().text(), purpose, ApiContext.queryDetail(r));
        List<ReadHit> hits = search.search(q);
        ArrayNode items = Json.array();
        hits.forEach(h -> items.add(hit(h)));
        ObjectNode out = Json.object();
        out.set("items", items);
        if (hits.size() == limit) {
            out.put("next", hits.get(hits.size() - 1).cursor().encode());
        }
        return ApiResponse.json(out);
    }

    private ApiResponse export(ApiRequest r) throws Exception {
        Purpose purpose = Purpose.of(r);
        int limit = r.intParam("limit", EXPORT_MAX, 1, EXPORT_MAX);
        ReadQuery q = query(r, Math.min(limit, ReadQuery.MAX_LIMIT));
        ctx.audit(r, "reads.export", q.plate() == null ? q.gantryId() : q.plate().text(), purpose, ApiContext.queryDetail(r));
        Csv csv = new Csv("read_id", "captured", "gantry_id", "camera_id", "lane", "plate", "country", "confidence", "received");
        int rows = 0;
        while (rows < limit) {
            List<ReadHit> page = search.search(q);
            for (ReadHit h : page) {
                if (rows == limit) {
                    break;
                }
                csv.row(h.readIdText(), Json.time(h.captureMicros()), h.gantryId(), h.cameraId(), h.lane(), h.plateText(),
                        h.country(), h.confidence(), Json.time(h.receivedMicros()));
                rows++;
            }
            if (page.size() < q.limit()) {
                break;
            }
            q = q.withAfter(page.get(page.size() - 1).cursor());
        }
        return ApiResponse.csv("reads.csv", csv.toString());
    }

    private StoredRead stored(ApiRequest r) throws Exception {
        UUID id = ReadViews.uuid(r.variable("id"), "id");
        return search.find(Uuid7.toBytes(id)).orElseThrow(() -> ApiException.notFound("no read " + id));
    }

    private ApiResponse one(ApiRequest r) throws Exception {
        Purpose purpose = Purpose.of(r);
        StoredRead s = stored(r);
        ctx.audit(r, "read.view", r.variable("id"), purpose, "{}");
        ObjectNode o = ReadViews.read(s.read(), "/api/v1/reads/" + r.variable("id") + "/image?kind=");
        o.put("received", Json.time(s.receivedMicros()));
        o.put("plateFormat", s.read().getPlateFormat()).put("engineVersion", s.read().getEngineVersion());
        ArrayNode alternatives = o.putArray("alternatives");
        s.read().getAlternativesList().forEach(a -> alternatives.addObject().put("plate", a.getText()).put("score", a.getScore()));
        ctx.gantries().find(s.read().getGantryId()).ifPresent(g -> o.putObject("position")
                .put("name", g.name()).put("latitude", g.latitude()).put("longitude", g.longitude()));
        return ApiResponse.json(o);
    }

    private ApiResponse image(ApiRequest r) throws Exception {
        return ReadViews.image(ctx, r, stored(r).read(), "read.image", r.variable("id"));
    }

    private ApiResponse trajectory(ApiRequest r) throws Exception {
        Purpose purpose = Purpose.of(r);
        String plateParam = r.requiredParam("plate");
        String plate = argument(() -> PlatePattern.parse(plateParam, "exact").text(), "plate");
        Instant toParam = r.timeParam("to");
        long to = toParam == null ? ctx.nowMicros() : Json.micros(toParam);
        Instant fromParam = r.timeParam("from");
        long from = fromParam == null ? to - 86_400_000_000L : Json.micros(fromParam);
        if (from >= to) {
            throw ApiException.badRequest("from", "'from' must be before 'to'");
        }
        if (to - from > MAX_TRAJECTORY_MICROS) {
            throw ApiException.badRequest("from", "a trajectory covers at most 31 days");
        }
        int limit = r.intParam("limit", 1000, 1, 1000);
        ctx.audit(r, "reads.trajectory", plate, purpose, ApiContext.queryDetail(r));
        ArrayNode points = Json.array();
        for (ReadHit h : search.trajectory(plate, from, to, limit)) {
            ObjectNode p = hit(h);
            ctx.gantries().find(h.gantryId()).ifPresent(g -> p.put("gantryName", g.name())
                    .put("latitude", g.latitude()).put("longitude", g.longitude()));
            points.add(p);
        }
        return ApiResponse.json(Json.object().put("plate", plate).put("from", Json.time(from)).put("to", Json.time(to))
                .set("sightings", points));
    }

}
