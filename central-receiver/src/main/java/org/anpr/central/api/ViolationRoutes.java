package org.anpr.central.api;

import static io.netty.handler.codec.http.HttpMethod.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anpr.central.audit.Purpose;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;
import org.anpr.central.http.ApiResponse;
import org.anpr.central.http.Json;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.violation.ViolationRecords;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/** Section-speed violations: by section and time, and one with both reads, the speed calculation and its chain check. */
final class ViolationRoutes {
    private static final String TAG = "violations";
    private static final Set<Role> READERS = EnumSet.of(Role.INVESTIGATOR, Role.DISPATCHER, Role.VIEWER);
    private final ApiContext ctx;
    private final ViolationRecords records;

    ViolationRoutes(ApiContext ctx) {
        this.ctx = ctx;
        this.records = new ViolationRecords(ctx.db());
    }

    List<Route> routes() {
        return List.of(
                Route.of(GET, "/api/v1/violations", TAG, "Violations, newest first").roles(READERS).params(
                        QueryParam.string("section", "section id"),
                        QueryParam.string("gantry", "the exit gantry that issued it"),
                        QueryParam.string("outcome", "violation or not-enforceable"),
                        QueryParam.time("from", "received at or after"),
                        QueryParam.time("to", "received before"),
                        QueryParam.string("cursor", "the 'next' value of the previous page"),
                        QueryParam.integer("limit", "1-500, default 50")).handler(this::list),
                Route.of(GET, "/api/v1/violations/{id}", TAG, "One violation: both reads, distance, times, speeds, margin, chain check")
                        .roles(READERS).handler(this::one),
                Route.of(GET, "/api/v1/violations/{id}/image", TAG, "An image of the entry or exit read (audited)")
                        .roles(EnumSet.of(Role.INVESTIGATOR)).params(QueryParam.string("read", "entry or exit"), ReadViews.KIND,
                                Purpose.REASON, Purpose.CASE).handler(this::image));
    }

    private ApiResponse list(ApiRequest r) throws Exception {
        String outcome = r.param("outcome");
        if (outcome != null && !outcome.equals("violation") && !outcome.equals("not-enforceable")) {
            throw ApiException.badRequest("outcome", "outcome must be violation or not-enforceable, was '" + outcome + "'");
        }
        Instant from = r.timeParam("from");
        Instant to = r.timeParam("to");
        PageCursor cursor = PageCursor.of(r);
        int limit = r.intParam("limit", 50, 1, 500);
        List<ViolationRecords.Stored> found = records.list(new ViolationRecords.Filter(r.param("section"), r.param("gantry"),
                outcome == null ? null : "VIOLATION_OUTCOME_" + outcome.toUpperCase().replace('-', '_'),
                from == null ? null : Json.micros(from), to == null ? null : Json.micros(to), PageCursor.micros(cursor),
                PageCursor.id(cursor), limit));
        ArrayNode items = Json.array();
        found.forEach(v -> items.add(summary(v)));
        ObjectNode out = Json.object();
        out.set("items", items);
        if (found.size() == limit) {
            ViolationRecords.Stored last = found.get(found.size() - 1);
            out.put("next", PageCursor.encode(last.receivedMicros(), last.violation().getViolationId().toByteArray()));
        }
        return ApiResponse.json(out);
    }

    private static ObjectNode summary(ViolationRecords.Stored s) {
        SectionViolation v = s.violation();
        return Json.object().put("id", s.id().toString()).put("sectionId", v.getSectionId()).put("gantryId", s.gantryId())
                .put("plate", v.getExitRead().getPlateText()).put("received", Json.time(s.receivedMicros()))
                .put("outcome", v.getOutcome().name().replace("VIOLATION_OUTCOME_", "").toLowerCase().replace('_', '-'))
                .put("enforcedSpeedKmh", v.getEnforcedSpeedKmh()).put("speedLimitKmh", v.getSpeedLimitKmh());
    }

    private ViolationRecords.Stored find(ApiRequest r) throws Exception {
        UUID id = ReadViews.uuid(r.variable("id"), "id");
        return records.find(id).orElseThrow(() -> ApiException.notFound("no violation " + id));
    }

    private ApiResponse one(ApiRequest r) throws Exception {
        ViolationRecords.Stored s = find(r);
        SectionViolation v = s.violation();
        String base = "/api/v1/violations/" + s.id() + "/image?read=";
        ObjectNode o = summary(s);
        o.put("notEnforceableReason", v.getNotEnforceableReason());
        o.set("entryRead", ReadViews.read(v.getEntryRead(), base + "entry&kind="));
        o.set("exitRead", ReadViews.read(v.getExitRead(), base + "exit&kind="));
        o.put("distanceM", v.getDistanceM()).put("distanceUncertaintyM", v.getDistanceUncertaintyM());
        long nominal = v.getExitRead().getCaptureTime().getEpochMicros() - v.getEntryRead().getCaptureTime().getEpochMicros();
        o.put("elapsedMicros", nominal).put("conservativeElapsedMicros", v.getConservativeElapsedMicros());
        o.put("measuredSpeedKmh", v.getMeasuredSpeedKmh()).put("conservativeSpeedKmh", v.getConservativeSpeedKmh());
        o.put("marginKmh", v.getMarginKmh()).put("marginRule", v.getMarginRule());
        ViolationRecords.ChainCheck check = records.check(s);
        o.putObject("chain").put("sequence", v.getSequence()).put("digestValid", check.digestValid())
                .put("previous", check.previous()).put("next", check.next()).put("intact", check.intact());
        return ApiResponse.json(o);
    }

    private ApiResponse image(ApiRequest r) throws Exception {
        String which = r.param("read") == null ? "exit" : r.param("read");
        if (!which.equals("entry") && !which.equals("exit")) {
            throw ApiException.badRequest("read", "read must be entry or exit, was '" + which + "'");
        }
        ViolationRecords.Stored s = find(r);
        PlateRead read = which.equals("entry") ? s.violation().getEntryRead() : s.violation().getExitRead();
        return ReadViews.image(ctx, r, read, "violation.image", s.id().toString());
    }
}
