package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.central.fleet.GantryDirectory;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.store.FleetEntry;
import org.anpr.central.store.FleetRows;
import org.anpr.protocol.v1.GantryStatus;

/** The fleet: every gantry known from traffic or the gantries file, its online state, last status and hotlist version. */
final class FleetRoutes {
    private final ApiContext ctx;

    FleetRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/fleet", "fleet", "Every gantry with state, last status and hotlist version")
                        .roles(Role.OPERATIONS).handler(this::fleet),
                Route.of(GET, "/api/v1/fleet/{gantry}", "fleet", "One gantry").roles(Role.OPERATIONS).handler(this::one));
    }

    private Map<String, ObjectNode> views() throws Exception {
        long centre = ctx.hotlist().version();
        Map<String, ObjectNode> out = new java.util.TreeMap<>();
        Map<String, FleetEntry> seen = new HashMap<>();
        for (FleetEntry f : ctx.db().read(FleetRows::list)) {
            seen.put(f.gantryId(), f);
        }
        for (GantryDirectory.Gantry g : ctx.gantries().all()) {
            out.put(g.id(), view(g.id(), seen.get(g.id()), centre));
        }
        for (String id : seen.keySet()) {
            out.computeIfAbsent(id, k -> view(k, seen.get(k), centre));
        }
        return out;
    }

    private ObjectNode view(String id, FleetEntry f, long centreVersion) {
        ObjectNode o = Json.object().put("gantryId", id);
        ctx.gantries().find(id).ifPresent(g -> o.put("name", g.name()).put("road", g.road())
                .put("latitude", g.latitude()).put("longitude", g.longitude()));
        if (f == null) {
            return o.put("online", false).put("neverSeen", true);
        }
        o.put("online", f.online()).put("lastSeen", Json.time(f.lastSeenMicros())).put("state", f.state().replace("GANTRY_STATE_", "").toLowerCase());
        o.put("hotlistVersion", f.hotlistVersion()).put("centreHotlistVersion", centreVersion)
                .put("hotlistBehind", Math.max(0, centreVersion - f.hotlistVersion())).put("outboxBacklog", f.outboxBacklog());
        GantryStatus s = f.lastStatus();
        if (s != null) {
            ObjectNode st = o.putObject("status");
            st.put("at", Json.time(s.getTimestampMicros())).put("detail", s.getDetail());
            st.put("framesPerSecond", s.getFramesPerSecond()).put("framesIn", s.getFramesIn()).put("framesDropped", s.getFramesDropped());
            st.put("readsOut", s.getReadsOut()).put("outboxBacklog", s.getOutboxBacklog()).put("diskFreeBytes", s.getDiskFreeBytes());
            st.put("clockSync", s.getClockSync().name().replace("CLOCK_SYNC_", "").toLowerCase()).put("clockOffsetMicros", s.getClockOffsetMicros());
            if (s.hasTemperatureC()) {
                st.put("temperatureC", s.getTemperatureC());
            }
            if (s.hasCabinetDoorOpen()) {
                st.put("doorOpen", s.getCabinetDoorOpen());
            }
            st.put("softwareVersion", s.getSoftwareVersion()).put("uptimeSeconds", s.getUptimeSeconds());
            ObjectNode queues = st.putObject("queues");
            s.getQueueDepthsMap().forEach(queues::put);
        }
        return o;
    }

    private ApiResponse fleet(ApiRequest r) throws Exception {
        ArrayNode items = Json.array();
        Map<String, ObjectNode> all = views();
        all.values().forEach(items::add);
        long online = all.values().stream().filter(o -> o.path("online").asBoolean()).count();
        return ApiResponse.json(Json.object().put("gantries", all.size()).put("online", online).set("items", items));
    }

    private ApiResponse one(ApiRequest r) throws Exception {
        String id = r.variable("gantry");
        ObjectNode o = views().get(id);
        if (o == null) {
            throw ApiException.notFound("no gantry '" + id + "' has reported or is in the gantries file");
        }
        return ApiResponse.json(o);
    }
}
