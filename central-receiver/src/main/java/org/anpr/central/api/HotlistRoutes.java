package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.DELETE;
import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;
import static io.netty.handler.codec.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.protocol.hotlist.HotlistCsv;
import org.anpr.central.hotlist.HotlistStore;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.JsonBody;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.store.FleetEntry;
import org.anpr.central.store.FleetRows;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * The national hotlist: entries listed, added, changed and removed (each change a new version,
 * distributed to the gantries as a delta), CSV bulk upload that applies nothing unless every line
 * is valid, version history, and which version each gantry has acknowledged.
 */
final class HotlistRoutes {
    private static final String TAG = "hotlist";
    private static final Set<Role> READERS = EnumSet.of(Role.HOTLIST_MANAGER, Role.DISPATCHER, Role.INVESTIGATOR);
    /** The validator names protocol fields; the API's names differ. */
    private static final java.util.Map<String, String> WIRE_TO_API = java.util.Map.of("entry_id", "entryId", "plate_text", "plate",
            "reference_id", "reference", "valid_from_micros", "validFrom", "valid_until_micros", "validUntil");
    private final ApiContext ctx;
    private final CentralHotlist hotlist;

    HotlistRoutes(ApiContext ctx) {
        this.ctx = ctx;
        this.hotlist = ctx.hotlist();
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/hotlist", TAG, "The hotlist's version and size").roles(Role.OPERATIONS).handler(this::summary),
                Route.of(GET, "/api/v1/hotlist/entries", TAG, "Entries by entry id").roles(READERS).params(
                        QueryParam.string("plate", "only entries for this plate"),
                        QueryParam.string("category", "only this category"),
                        QueryParam.string("after", "entries with an id after this (the next page)"),
                        QueryParam.integer("limit", "1-1000, default 100")).handler(this::list),
                Route.of(GET, "/api/v1/hotlist/entries/{id}", TAG, "One entry").roles(READERS).handler(this::one),
                Route.of(POST, "/api/v1/hotlist/entries", TAG, "Add an entry (409 if its id exists)")
                        .roles(Role.HOTLIST_MANAGER).body(Route.Body.JSON).handler(this::add),
                Route.of(PUT, "/api/v1/hotlist/entries/{id}", TAG, "Change an entry (404 if it does not exist)")
                        .roles(Role.HOTLIST_MANAGER).body(Route.Body.JSON).handler(this::change),
                Route.of(DELETE, "/api/v1/hotlist/entries/{id}", TAG, "Remove an entry")
                        .roles(Role.HOTLIST_MANAGER).handler(this::remove),
                Route.of(POST, "/api/v1/hotlist/upload", TAG, "Bulk upload (CSV with a header); all lines valid or nothing applied")
                        .roles(Role.HOTLIST_MANAGER).body(Route.Body.CSV).handler(this::upload),
                Route.of(GET, "/api/v1/hotlist/export", TAG, "Every entry as CSV, in the upload format")
                        .roles(Role.HOTLIST_MANAGER).handler(this::export),
                Route.of(GET, "/api/v1/hotlist/versions", TAG, "Versions, newest first, with their changes").roles(READERS).params(
                        QueryParam.integer("before", "versions below this"),
                        QueryParam.integer("limit", "1-100, default 20")).handler(this::versions),
                Route.of(GET, "/api/v1/hotlist/gantries", TAG, "The version each gantry has acknowledged").roles(Role.OPERATIONS)
                        .handler(this::gantries));
    }

    static ObjectNode entryView(HotlistEntry e) {
        ObjectNode o = Json.object();
        o.put("entryId", e.getEntryId()).put("plate", e.getPlateText()).put("country", e.getCountry());
        o.put("category", e.getCategory() == HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED || e.getCategory() == HotlistCategory.UNRECOGNIZED
                ? null : HotlistCsv.categoryName(e.getCategory()));
        o.put("priority", e.getPriority()).put("reference", e.getReferenceId()).put("instructions", e.getInstructions());
        o.put("validFrom", Json.time(e.getValidFromMicros())).put("validUntil", Json.time(e.getValidUntilMicros()));
        return o;
    }

    private HotlistEntry parse(ApiRequest r, String entryId) throws Exception {
        JsonBody b = JsonBody.of(r, "entryId", "plate", "country", "category", "priority", "reference", "instructions",
                "validFrom", "validUntil");
        String id = entryId != null ? entryId : b.requiredString("entryId", 64);
        if (entryId != null && b.has("entryId") && !entryId.equals(b.string("entryId", 64))) {
            throw ApiException.badRequest("entryId", "the body names entry '" + b.string("entryId", 64) + "', the path '" + entryId + "'");
        }
        String cat = b.requiredString("category", 40);
        HotlistCategory category = HotlistCsv.category(cat)
                .orElseThrow(() -> ApiException.badRequest("category", "unknown category '" + cat + "'; allowed: " + AlertRoutes.categories()));
        HotlistEntry.Builder e = HotlistEntry.newBuilder().setEntryId(id)
                .setPlateText(PlateText.normalise(b.requiredString("plate", 32)))
                .setCategory(category).setPriority(b.integer("priority", 1, 9) == null ? 5 : b.integer("priority", 1, 9).intValue());
        if (b.has("country")) {
            e.setCountry(b.string("country", 2).toUpperCase());
        }
        if (b.has("reference")) {
            e.setReferenceId(b.string("reference", 100));
        }
        if (b.has("instructions")) {
            e.setInstructions(b.string("instructions", 1000));
        }
        if (b.has("validFrom")) {
            e.setValidFromMicros(Json.micros(ApiRequest.parseTime("validFrom", b.string("validFrom", 40))));
        }
        if (b.has("validUntil")) {
            e.setValidUntilMicros(Json.micros(ApiRequest.parseTime("validUntil", b.string("validUntil", 40))));
        }
        return e.build();
    }

    /** Applies one change set as a new version and audits it in the same breath. */
    private long apply(ApiRequest r, String action, String target, List<HotlistEntry> upserts, List<String> removals, ObjectNode detail)
            throws Exception {
        long version;
        try {
            version = hotlist.apply(upserts, removals);
        } catch (ProtocolException e) {
            String leaf = e.field().substring(e.field().lastIndexOf('.') + 1);
            String field = WIRE_TO_API.getOrDefault(leaf, leaf.isEmpty() ? null : leaf);
            throw ApiException.badRequest(field, field + ": " + e.getMessage().replace(e.field(), field));
        }
        detail.put("version", version);
        ctx.audit().append(new AuditLog.Event(r.principal(), r.address(), action, target, null, Json.text(detail)), ctx.nowMicros());
        return version;
    }

    private ApiResponse summary(ApiRequest r) {
        return ApiResponse.json(Json.object().put("version", hotlist.version()).put("entries", hotlist.size()));
    }

    private ApiResponse list(ApiRequest r) throws Exception {
        String plate = r.param("plate") == null ? null : PlateText.normalise(r.param("plate"));
        String cat = r.param("category");
        HotlistCategory category = cat == null ? null : HotlistCsv.category(cat)
                .orElseThrow(() -> ApiException.badRequest("category", "unknown category '" + cat + "'; allowed: " + AlertRoutes.categories()));
        String after = r.param("after");
        int limit = r.intParam("limit", 100, 1, 1000);
        ArrayNode items = Json.array();
        String last = null;
        boolean more = false;
        for (HotlistEntry e : hotlist.entries()) {
            if ((after != null && e.getEntryId().compareTo(after) <= 0) || (plate != null && !e.getPlateText().equals(plate))
                    || (category != null && e.getCategory() != category)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(entryView(e));
            last = e.getEntryId();
        }
        ObjectNode out = Json.object().put("version", hotlist.version());
        out.set("items", items);
        if (more) {
            out.put("next", last);
        }
        return ApiResponse.json(out);
    }

    private HotlistEntry existing(ApiRequest r) throws ApiException {
        String id = r.variable("id");
        return hotlist.entry(id).orElseThrow(() -> ApiException.notFound("no hotlist entry '" + id + "'"));
    }

    private ApiResponse one(ApiRequest r) throws Exception {
        return ApiResponse.json(entryView(existing(r)));
    }

    private ApiResponse add(ApiRequest r) throws Exception {
        HotlistEntry e = parse(r, null);
        if (hotlist.entry(e.getEntryId()).isPresent()) {
            throw ApiException.conflict("entryId", "entry '" + e.getEntryId() + "' exists; change it with PUT");
        }
        long v = apply(r, "hotlist.add", e.getEntryId(), List.of(e), List.of(), Json.object().set("entry", entryView(e)));
        return ApiResponse.json(HttpResponseStatus.CREATED, entryView(e).put("version", v));
    }

    private ApiResponse change(ApiRequest r) throws Exception {
        HotlistEntry before = existing(r);
        HotlistEntry e = parse(r, before.getEntryId());
        ObjectNode detail = Json.object();
        detail.set("before", entryView(before));
        detail.set("after", entryView(e));
        long v = apply(r, "hotlist.change", e.getEntryId(), List.of(e), List.of(), detail);
        return ApiResponse.json(entryView(e).put("version", v));
    }

    private ApiResponse remove(ApiRequest r) throws Exception {
        HotlistEntry before = existing(r);
        long v = apply(r, "hotlist.remove", before.getEntryId(), List.of(), List.of(before.getEntryId()),
                Json.object().set("entry", entryView(before)));
        return ApiResponse.json(Json.object().put("version", v));
    }

    private ApiResponse upload(ApiRequest r) throws Exception {
        String type = r.header(HttpHeaderNames.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("text/csv")) {
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "upload the file as text/csv, was "
                    + (type == null ? "no Content-Type" : "'" + type + "'"), null);
        }
        HotlistCsv.Result parsed = new HotlistCsv().parse(new ByteArrayInputStream(r.body()));
        if (!parsed.valid()) {
            ArrayNode errors = Json.array();
            for (HotlistCsv.LineError e : parsed.errors()) {
                errors.addObject().put("line", e.line()).put("column", e.column()).put("reason", e.reason());
            }
            throw ApiException.badRequest(null, parsed.errors().size() + " line(s) of the file are invalid; nothing was applied")
                    .with("errors", errors);
        }
        if (parsed.upserts().isEmpty() && parsed.removals().isEmpty()) {
            throw ApiException.badRequest(null, "the file has a header but no entries; nothing was applied");
        }
        long v = apply(r, "hotlist.upload", "", parsed.upserts(), parsed.removals(), Json.object()
                .put("upserts", parsed.upserts().size()).put("removals", parsed.removals().size()));
        return ApiResponse.json(Json.object().put("version", v).put("upserts", parsed.upserts().size())
                .put("removals", parsed.removals().size()));
    }

    private ApiResponse export(ApiRequest r) throws Exception {
        List<HotlistEntry> all = hotlist.entries();
        ctx.audit().append(new AuditLog.Event(r.principal(), r.address(), "hotlist.export", "", null,
                Json.text(Json.object().put("entries", all.size()))), ctx.nowMicros());
        return ApiResponse.csv("hotlist-v" + hotlist.version() + ".csv", HotlistCsv.toCsv(all));
    }

    private ApiResponse versions(ApiRequest r) throws Exception {
        long before = r.longParam("before", Long.MAX_VALUE, 1, Long.MAX_VALUE);
        int limit = r.intParam("limit", 20, 1, 100);
        ArrayNode items = Json.array();
        for (List<HotlistStore.Change> changes : hotlist.history(before, limit)) {
            ObjectNode v = items.addObject().put("version", changes.get(0).version());
            ArrayNode cs = v.putArray("changes");
            for (HotlistStore.Change c : changes) {
                ObjectNode o = cs.addObject().put("entryId", c.entryId()).put("change", c.entry() == null ? "removed" : "upserted");
                if (c.entry() != null) {
                    o.set("entry", entryView(c.entry()));
                }
            }
        }
        return ApiResponse.json(Json.object().put("version", hotlist.version()).set("items", items));
    }

    private ApiResponse gantries(ApiRequest r) throws Exception {
        long current = hotlist.version();
        ArrayNode items = Json.array();
        for (FleetEntry f : ctx.db().read(FleetRows::list)) {
            items.addObject().put("gantryId", f.gantryId()).put("acknowledgedVersion", f.hotlistVersion())
                    .put("behind", Math.max(0, current - f.hotlistVersion())).put("online", f.online());
        }
        return ApiResponse.json(Json.object().put("version", current).set("items", items));
    }

}
