package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.anpr.central.config.HttpConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.protocol.hotlist.HotlistCsv;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.HotlistEntry;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hotlist API over real HTTP against a real receiver: single-entry changes, validation, listing,
 * roles, all-or-nothing CSV upload, export, audit, version history and what each gantry acknowledged.
 * The tests share one receiver, so each uses its own entry ids and plates and measures versions relative
 * to where it started.
 */
class HotlistApiTest {
    private static final String ENTRIES = "/api/v1/hotlist/entries";
    private static final String UPLOAD = "/api/v1/hotlist/upload";

    @TempDir
    static Path dir;
    static ApiFixture api;
    static ApiClient manager;
    static ApiClient auditor;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
        manager = api.as("hotlist-manager");
        auditor = api.as("auditor");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> entry(String id, String plate, String category, int priority) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entryId", id);
        m.put("plate", plate);
        m.put("category", category);
        m.put("priority", priority);
        return m;
    }

    private static long version() {
        return api.receiver.hotlist().version();
    }

    private static void add(String id, String plate, String category, int priority) throws Exception {
        ApiClient.Reply r = manager.post(ENTRIES, entry(id, plate, category, priority));
        assertEquals(201, r.status(), r.toString());
    }

    private static ApiClient.Reply upload(ApiClient c, String csv) throws Exception {
        return c.send("POST", UPLOAD, csv, "text/csv", true);
    }

    private static ApiClient.Reply put(ApiClient c, String id, Object body) throws Exception {
        return c.send("PUT", ENTRIES + "/" + id, ApiClient.JSON.writeValueAsString(body), "application/json", true);
    }

    /** The newest audit entry of {@code action} that matches, or null. */
    private static JsonNode audited(String action, Predicate<JsonNode> which) throws Exception {
        ApiClient.Reply r = auditor.get("/api/v1/audit?action=" + action + "&limit=1000");
        assertEquals(200, r.status(), r.toString());
        for (JsonNode e : r.json().get("items")) {
            assertEquals(action, e.get("action").asText(), "the action filter holds");
            if (which.test(e)) {
                return e;
            }
        }
        return null;
    }

    private static void assertAuditedByManager(String action, String target, long version) throws Exception {
        JsonNode e = audited(action, a -> a.get("target").asText().equals(target)
                && a.get("detail").asText().contains("\"version\":" + version));
        assertNotNull(e, action + " of '" + target + "' at version " + version + " is audited");
        assertEquals("hotlist-manager1", e.get("actor").asText());
        assertEquals("hotlist-manager", e.get("role").asText());
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("entryId").asText()));
        return out;
    }

    private static void assertAbsent(String... ids) throws Exception {
        for (String id : ids) {
            assertEquals(404, manager.get(ENTRIES + "/" + id).status(), id + " must not exist");
            assertTrue(api.receiver.hotlist().entry(id).isEmpty(), id);
        }
    }

    // ------------------------------------------------------------------ single entries

    @Test
    void anEntryIsAddedChangedAndRemovedEachAsANewAuditedVersion() throws Exception {
        long v0 = version();
        ApiClient.Reply added = manager.post(ENTRIES, entry("acr-1", "12 abc-3", "stolen-vehicle", 2));
        assertEquals(201, added.status(), added.toString());
        assertEquals(v0 + 1, added.json().get("version").asLong());
        assertEquals(v0 + 1, version(), "the receiver's hotlist agrees");
        assertEquals("12ABC3", added.json().get("plate").asText(), "the plate is normalised");
        JsonNode got = manager.get(ENTRIES + "/acr-1").json();
        assertEquals("acr-1", got.get("entryId").asText());
        assertEquals("12ABC3", got.get("plate").asText());
        assertEquals("stolen-vehicle", got.get("category").asText());
        assertEquals(2, got.get("priority").asInt());
        assertEquals(2, api.receiver.hotlist().entry("acr-1").orElseThrow().getPriority());
        assertEquals(v0 + 1, manager.get("/api/v1/hotlist").json().get("version").asLong());

        ApiClient.Reply dup = manager.post(ENTRIES, entry("acr-1", "99XYZ9", "other", 5));
        assertEquals(409, dup.status(), dup.toString());
        assertEquals("entryId", dup.json().get("field").asText());
        assertEquals(v0 + 1, version(), "a refused duplicate is no version");
        assertEquals("12ABC3", api.receiver.hotlist().entry("acr-1").orElseThrow().getPlateText());

        ApiClient.Reply unknown = put(manager, "acr-nope", entry("acr-nope", "12ABC3", "other", 5));
        assertEquals(404, unknown.status(), unknown.toString());
        ApiClient.Reply mismatch = put(manager, "acr-1", entry("acr-2", "12ABC3", "other", 5));
        assertEquals(400, mismatch.status(), mismatch.toString());
        assertEquals("entryId", mismatch.json().get("field").asText());
        assertEquals(v0 + 1, version());
        assertAbsent("acr-nope", "acr-2");

        ApiClient.Reply changed = put(manager, "acr-1", entry("acr-1", "12ABC3", "wanted-person", 7));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(v0 + 2, changed.json().get("version").asLong());
        assertEquals(v0 + 2, version());
        JsonNode after = manager.get(ENTRIES + "/acr-1").json();
        assertEquals("wanted-person", after.get("category").asText());
        assertEquals(7, after.get("priority").asInt());

        ApiClient.Reply removed = manager.delete(ENTRIES + "/acr-1");
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(v0 + 3, removed.json().get("version").asLong());
        assertEquals(v0 + 3, version());
        assertAbsent("acr-1");
        assertEquals(404, manager.delete(ENTRIES + "/acr-1").status(), "removing twice");
        assertEquals(v0 + 3, version());

        assertAuditedByManager("hotlist.add", "acr-1", v0 + 1);
        assertAuditedByManager("hotlist.change", "acr-1", v0 + 2);
        assertAuditedByManager("hotlist.remove", "acr-1", v0 + 3);
        JsonNode change = audited("hotlist.change", a -> a.get("target").asText().equals("acr-1"));
        assertTrue(change.get("detail").asText().contains("stolen-vehicle")
                && change.get("detail").asText().contains("wanted-person"), "before and after: " + change);
    }

    @Test
    void badFieldsAreRefusedNamingTheFieldAndNothingChanges() throws Exception {
        long v0 = version();
        ApiClient.Reply cat = manager.post(ENTRIES, entry("bad-1", "12ABC3", "stolen-bicycle", 5));
        assertEquals(400, cat.status(), cat.toString());
        assertEquals("category", cat.json().get("field").asText());
        assertTrue(cat.json().get("detail").asText().contains("stolen-vehicle"), "lists what is allowed: " + cat.body());
        for (int priority : new int[] {0, 10}) {
            ApiClient.Reply p = manager.post(ENTRIES, entry("bad-1", "12ABC3", "other", priority));
            assertEquals(400, p.status(), priority + ": " + p);
            assertEquals("priority", p.json().get("field").asText(), p.body());
        }
        ApiClient.Reply plate = manager.post(ENTRIES, entry("bad-1", "12@@3", "other", 5));
        assertEquals(400, plate.status(), plate.toString());
        assertTrue(plate.json().get("detail").asText().contains("plate"), plate.body());
        assertEquals("plate", plate.json().get("field").asText(), "the API's field name, not the protocol's");
        ApiClient.Reply noPlate = manager.post(ENTRIES, entry("bad-1", "", "other", 5));
        assertEquals(400, noPlate.status(), noPlate.toString());
        assertEquals("plate", noPlate.json().get("field").asText());
        Map<String, Object> extra = entry("bad-1", "12ABC3", "other", 5);
        extra.put("colour", "red");
        ApiClient.Reply unknownField = manager.post(ENTRIES, extra);
        assertEquals(400, unknownField.status(), unknownField.toString());
        assertEquals("colour", unknownField.json().get("field").asText());
        assertEquals("application/problem+json", unknownField.header("Content-Type"));

        assertEquals(v0, version(), "no refused request made a version");
        assertAbsent("bad-1");
        // and the same request, corrected, is accepted: the refusals were about the fields
        add("bad-1", "12ABC3", "other", 5);
        assertEquals(v0 + 1, version());
    }

    @Test
    void entriesAreListedByPlateAndCategoryInPages() throws Exception {
        String plate = "77PAG7";
        add("pg-1", plate, "stolen-vehicle", 1);
        add("pg-2", plate, "uninsured", 3);
        add("pg-3", plate, "stolen-vehicle", 2);
        add("pg-4", plate, "other", 9);
        add("pg-5", plate, "stolen-vehicle", 4);
        add("pg-other", "88OTH8", "uninsured", 5);

        ApiClient.Reply byPlate = manager.get(ENTRIES + "?plate=77-pag-7");
        assertEquals(200, byPlate.status(), byPlate.toString());
        assertEquals(List.of("pg-1", "pg-2", "pg-3", "pg-4", "pg-5"), ids(byPlate.json().get("items")),
                "the plate filter normalises and keeps only that plate, by entry id");
        assertNull(byPlate.json().get("next"), "one page");
        assertEquals(version(), byPlate.json().get("version").asLong());

        assertEquals(List.of("pg-1", "pg-3", "pg-5"),
                ids(manager.get(ENTRIES + "?plate=" + plate + "&category=stolen-vehicle").json().get("items")));
        JsonNode uninsured = manager.get(ENTRIES + "?category=uninsured&limit=1000").json().get("items");
        assertTrue(ids(uninsured).containsAll(List.of("pg-2", "pg-other")), uninsured.toString());
        uninsured.forEach(e -> assertEquals("uninsured", e.get("category").asText()));
        ApiClient.Reply badCat = manager.get(ENTRIES + "?category=nonsense");
        assertEquals(400, badCat.status());
        assertEquals("category", badCat.json().get("field").asText());

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            JsonNode p = manager.get(ENTRIES + "?plate=" + plate + "&limit=2" + (after == null ? "" : "&after=" + after)).json();
            sizes.add(p.get("items").size());
            paged.addAll(ids(p.get("items")));
            if (p.get("next") == null) {
                break;
            }
            after = p.get("next").asText();
        }
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(List.of("pg-1", "pg-2", "pg-3", "pg-4", "pg-5"), paged, "every entry once, in order");
        assertEquals(List.of("pg-4", "pg-5"), ids(manager.get(ENTRIES + "?plate=" + plate + "&after=pg-3").json().get("items")));
        assertEquals(400, manager.get(ENTRIES + "?limit=0").status());
        assertEquals(400, manager.get(ENTRIES + "?limit=1001").status());
    }

    // ------------------------------------------------------------------ roles

    @Test
    void onlyTheHotlistManagerChangesTheHotlistAndOnlyOperationsRolesReadIt() throws Exception {
        add("role-1", "55ROL5", "other", 5);
        long v0 = version();
        for (String role : new String[] {"viewer", "auditor", "admin"}) {
            ApiClient c = api.as(role);
            assertEquals(403, c.get(ENTRIES).status(), role);
            assertEquals(403, c.get(ENTRIES + "/role-1").status(), role);
        }
        String csv = HotlistCsv.header() + "\nrole-up,55ROL6,,other,5,,,,,\n";
        for (String role : new String[] {"dispatcher", "investigator"}) {
            ApiClient c = api.as(role);
            ApiClient.Reply list = c.get(ENTRIES + "?plate=55ROL5");
            assertEquals(200, list.status(), role + ": " + list);
            assertEquals(List.of("role-1"), ids(list.json().get("items")));
            assertEquals(200, c.get(ENTRIES + "/role-1").status(), role);
            assertEquals(403, c.post(ENTRIES, entry("role-2", "55ROL5", "other", 5)).status(), role);
            assertEquals(403, put(c, "role-1", entry("role-1", "55ROL5", "other", 1)).status(), role);
            assertEquals(403, c.delete(ENTRIES + "/role-1").status(), role);
            assertEquals(403, upload(c, csv).status(), role);
            assertEquals(403, c.get("/api/v1/hotlist/export").status(), role);
        }
        for (String role : new String[] {"viewer", "auditor", "admin"}) {
            ApiClient c = api.as(role);
            assertEquals(403, c.post(ENTRIES, entry("role-3", "55ROL5", "other", 5)).status(), role);
            assertEquals(403, upload(c, csv).status(), role);
        }
        assertEquals(v0, version(), "no refused change made a version");
        assertEquals(5, api.receiver.hotlist().entry("role-1").orElseThrow().getPriority());
        assertAbsent("role-2", "role-3", "role-up");
        assertEquals(200, upload(manager, csv).status(), "the same upload by the hotlist manager");
        assertEquals(v0 + 1, version());
    }

    // ------------------------------------------------------------------ CSV upload

    @Test
    void aValidUploadIsOneVersionWithItsUpsertsAndRemovals() throws Exception {
        add("up-pre", "66PRE6", "other", 5);
        add("up-gone", "66GON6", "other", 5);
        long v0 = version();
        String csv = "entry_id,plate,category,priority,country,action\r\n"
                + "up-1,66 upl 1,stolen-vehicle,1,NL,\r\n"
                + "up-2,66UPL2,uninsured,4,,upsert\r\n"
                + "up-3,66UPL3,HOTLIST_CATEGORY_WANTED_PERSON,9,be,\r\n"
                + "up-gone,,,,,remove\r\n";
        ApiClient.Reply r = upload(manager, csv);
        assertEquals(200, r.status(), r.toString());
        assertEquals(v0 + 1, r.json().get("version").asLong());
        assertEquals(3, r.json().get("upserts").asInt());
        assertEquals(1, r.json().get("removals").asInt());
        assertEquals(v0 + 1, version(), "one version for the whole file");

        JsonNode one = manager.get(ENTRIES + "/up-1").json();
        assertEquals("66UPL1", one.get("plate").asText());
        assertEquals("NL", one.get("country").asText());
        assertEquals("stolen-vehicle", one.get("category").asText());
        assertEquals(4, manager.get(ENTRIES + "/up-2").json().get("priority").asInt());
        JsonNode three = manager.get(ENTRIES + "/up-3").json();
        assertEquals("wanted-person", three.get("category").asText());
        assertEquals("BE", three.get("country").asText());
        assertAbsent("up-gone");

        JsonNode audit = audited("hotlist.upload", a -> a.get("detail").asText().contains("\"version\":" + (v0 + 1)));
        assertNotNull(audit, "the upload is audited");
        assertEquals("hotlist-manager1", audit.get("actor").asText());
        assertTrue(audit.get("detail").asText().contains("\"upserts\":3"), audit.toString());
        assertTrue(audit.get("detail").asText().contains("\"removals\":1"), audit.toString());

        ApiClient.Reply versions = api.as("dispatcher").get("/api/v1/hotlist/versions?limit=3");
        assertEquals(200, versions.status(), versions.toString());
        JsonNode items = versions.json().get("items");
        assertEquals(3, items.size());
        assertEquals(v0 + 1, items.get(0).get("version").asLong(), "newest first");
        assertEquals(v0, items.get(1).get("version").asLong());
        assertEquals(v0 - 1, items.get(2).get("version").asLong());
        Map<String, String> changes = new HashMap<>();
        items.get(0).get("changes").forEach(c -> changes.put(c.get("entryId").asText(), c.get("change").asText()));
        assertEquals(Map.of("up-1", "upserted", "up-2", "upserted", "up-3", "upserted", "up-gone", "removed"), changes);
        items.get(0).get("changes").forEach(c -> assertEquals(c.get("change").asText().equals("upserted"), c.has("entry"),
                "upserts carry their entry: " + c));
        JsonNode previous = items.get(1).get("changes");
        assertEquals(1, previous.size());
        assertEquals("up-gone", previous.get(0).get("entryId").asText());
        assertEquals("upserted", previous.get(0).get("change").asText());
        assertEquals("66GON6", previous.get(0).get("entry").get("plate").asText());

        JsonNode before = manager.get("/api/v1/hotlist/versions?before=" + (v0 + 1) + "&limit=1").json().get("items");
        assertEquals(1, before.size());
        assertEquals(v0, before.get(0).get("version").asLong(), "before pages back");
    }

    @Test
    void anUploadWithBadLinesNamesEachAndAppliesNothing() throws Exception {
        add("bad-up-x", "44BAD4", "other", 5);
        long v0 = version();
        String csv = HotlistCsv.header() + "\n"                       // line 1
                + "bad-up-2,44BAD2,,other,5,,,,,\n"                       // line 2: valid
                + "bad-up-3,44BAD3,,other,10,,,,,\n"                      // line 3: priority out of range
                + "bad-up-4,44BAD4,,uninsured,3,,,,,\n"                   // line 4: valid
                + "bad-up-5,44BAD5,,stolen-bicycle,3,,,,,\n"              // line 5: unknown category
                + "bad-up-6,,,other,3,,,,,\n"                             // line 6: no plate
                + "bad-up-x,,,,,,,,,remove\n"                             // line 7: valid removal
                + "bad-up-8,44BAD8,,other,1,,,,,\n";                      // line 8: valid
        ApiClient.Reply r = upload(manager, csv);
        assertEquals(400, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.json().get("detail").asText().contains("nothing was applied"), r.body());
        JsonNode errors = r.json().get("errors");
        assertNotNull(errors, r.body());
        assertEquals(3, errors.size(), r.body());
        List<Integer> lines = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (JsonNode e : errors) {
            lines.add(e.get("line").asInt());
            columns.add(e.get("column").asText());
            assertFalse(e.get("reason").asText().isBlank(), e.toString());
        }
        assertEquals(List.of(3, 5, 6), lines);
        assertEquals(List.of("priority", "category", "plate"), columns);
        assertTrue(errors.get(0).get("reason").asText().contains("10"), errors.get(0).toString());
        assertTrue(errors.get(1).get("reason").asText().contains("stolen-bicycle"), errors.get(1).toString());

        assertEquals(v0, version(), "nothing applied");
        assertAbsent("bad-up-2", "bad-up-4", "bad-up-8", "bad-up-3", "bad-up-5", "bad-up-6");
        assertTrue(api.receiver.hotlist().entry("bad-up-x").isPresent(), "the valid removal was not applied either");
        assertNull(audited("hotlist.upload", a -> a.get("detail").asText().contains("\"version\":" + (v0 + 1))));
    }

    @Test
    void anUploadThatIsNotCsvOrHasNoEntriesIsRefused() throws Exception {
        long v0 = version();
        String csv = HotlistCsv.header() + "\nnot-csv-1,33NOT3,,other,5,,,,,\n";
        ApiClient.Reply json = manager.send("POST", UPLOAD, csv, "application/json", true);
        assertEquals(415, json.status(), json.toString());
        ApiClient.Reply plain = manager.send("POST", UPLOAD, csv, "text/plain", true);
        assertEquals(415, plain.status(), plain.toString());
        assertTrue(plain.json().get("detail").asText().contains("text/csv"), plain.body());
        ApiClient.Reply headerOnly = upload(manager, HotlistCsv.header() + "\r\n");
        assertEquals(400, headerOnly.status(), headerOnly.toString());
        ApiClient.Reply empty = upload(manager, "");
        assertEquals(400, empty.status(), empty.toString());
        assertEquals(v0, version());
        assertAbsent("not-csv-1");
        ApiClient.Reply ok = manager.send("POST", UPLOAD, csv, "text/csv; charset=utf-8", true);
        assertEquals(200, ok.status(), "the same file as text/csv: " + ok);
        assertEquals(v0 + 1, version());
    }

    @Test
    void anUploadLargerThanTheLimitIs413AndAppliesNothing() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small-upload"));
        ReceiverConfig base = TestGantries.config(small);
        HttpConfig h = base.http();
        HttpConfig limited = new HttpConfig(h.enabled(), h.host(), h.port(), h.tls(), h.maxBodyBytes(), 4096,
                h.idleTimeout(), h.requestTimeout(), h.maxConnections(), h.workerThreads(), h.queuedRequests(), h.workerNice(),
                h.sessionIdle(), h.sessionMaxAge(), h.maxSessions(), h.gantriesFile());
        try (ApiFixture fixture = ApiFixture.start(base.withHttp(limited))) {
            ApiClient m = fixture.as("hotlist-manager");
            long v0 = fixture.receiver.hotlist().version();
            StringBuilder big = new StringBuilder(HotlistCsv.header()).append('\n');
            for (int i = 0; big.length() <= 6000; i++) {
                big.append("big-").append(i).append(",22BIG").append(i).append(",,other,5,,,,,\n");
            }
            ApiClient.Reply r = upload(m, big.toString());
            assertEquals(413, r.status(), r.toString());
            assertEquals(v0, fixture.receiver.hotlist().version(), "nothing applied");
            assertTrue(fixture.receiver.hotlist().entry("big-0").isEmpty());

            ApiClient after = fixture.as("hotlist-manager");
            String fits = HotlistCsv.header() + "\nbig-0,22BIG0,,other,5,,,,,\n";
            assertEquals(200, upload(after, fits).status(), "a file under the limit is accepted");
            assertEquals(v0 + 1, fixture.receiver.hotlist().version());
        }
    }

    // ------------------------------------------------------------------ export

    @Test
    void theExportParsesBackToTheSameEntriesAndIsAudited() throws Exception {
        Map<String, Object> full = entry("exp-1", "11EXP1", "missing-person", 3);
        full.put("country", "de");
        full.put("reference", "CASE, 7 \"urgent\"");
        full.put("instructions", "Approach with care,\nthen call HQ");
        full.put("validFrom", "2026-01-01T00:00:00Z");
        full.put("validUntil", "2027-06-30T12:30:00Z");
        ApiClient.Reply added = manager.post(ENTRIES, full);
        assertEquals(201, added.status(), added.toString());
        add("exp-2", "11EXP2", "low-emission-zone", 8);

        ApiClient.Reply r = manager.get("/api/v1/hotlist/export");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        HotlistCsv.Result parsed = new HotlistCsv().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(), parsed.removals());
        List<HotlistEntry> current = api.receiver.hotlist().entries();
        assertEquals(current, parsed.upserts(), "the export is the hotlist");
        HotlistEntry exp1 = parsed.upserts().stream().filter(e -> e.getEntryId().equals("exp-1")).findFirst().orElseThrow();
        assertEquals("DE", exp1.getCountry());
        assertEquals("CASE, 7 \"urgent\"", exp1.getReferenceId());
        assertEquals("Approach with care,\nthen call HQ", exp1.getInstructions());
        assertEquals(1_767_225_600_000_000L, exp1.getValidFromMicros());

        JsonNode audit = audited("hotlist.export", a -> a.get("detail").asText().contains("\"entries\":" + current.size()));
        assertNotNull(audit, "the export is audited with its size");
        assertEquals("hotlist-manager1", audit.get("actor").asText());
    }

    // ------------------------------------------------------------------ gantries

    @Test
    void eachGantryIsListedWithTheVersionItAcknowledgedAndHowFarBehindItIs() throws Exception {
        add("gan-1", "99GAN1", "other", 5);
        add("gan-2", "99GAN2", "other", 5);
        add("gan-3", "99GAN3", "other", 5);
        long centre = version();
        long acknowledged = centre - 2;
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        try {
            gantry.publish(Topic.of(ENTRY, TopicKind.STATUS).name(), encode(new SampleMessages(5).status(ENTRY).toBuilder()
                    .setHotlistVersion(acknowledged).build()), 1, false);
            TestGantries.await("the status reaches the fleet", java.time.Duration.ofSeconds(10), TestGantries.unchecked(
                    () -> api.receiver.fleet().gantry(ENTRY).map(f -> f.hotlistVersion() == acknowledged).orElse(false)));
            ApiClient viewer = api.as("viewer");
            JsonNode g = gantryIn(viewer.get("/api/v1/hotlist/gantries").json(), centre);
            assertEquals(acknowledged, g.get("acknowledgedVersion").asLong());
            assertEquals(2, g.get("behind").asLong());
            assertTrue(g.get("online").asBoolean());

            add("gan-4", "99GAN4", "other", 5);
            JsonNode later = gantryIn(viewer.get("/api/v1/hotlist/gantries").json(), centre + 1);
            assertEquals(acknowledged, later.get("acknowledgedVersion").asLong());
            assertEquals(3, later.get("behind").asLong(), "behind follows the centre's version");
            assertEquals(403, auditor.get("/api/v1/hotlist/gantries").status());
        } finally {
            TestGantries.closeQuietly(gantry);
        }
    }

    private static JsonNode gantryIn(JsonNode reply, long centre) {
        assertEquals(centre, reply.get("version").asLong(), reply.toString());
        for (JsonNode g : reply.get("items")) {
            if (g.get("gantryId").asText().equals(ENTRY)) {
                return g;
            }
        }
        throw new AssertionError(ENTRY + " is not listed: " + reply);
    }
}
