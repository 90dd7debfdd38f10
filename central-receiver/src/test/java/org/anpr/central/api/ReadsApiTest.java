package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searching sightings over real HTTP against a real receiver whose 30 reads were published by
 * real gantry clients (Paho, MQTT over TCP): purpose, roles, the three plate modes, every filter,
 * keyset pagination, audit, one read, its images, CSV export and trajectories with gantry positions.
 * The expected hits are computed from the published reads, not from the store.
 */
class ReadsApiTest {
    private static final String REASON = "stolen car investigation";
    private static final Map<String, double[]> POSITIONS = Map.of(
            ENTRY, new double[] {50.8801, 4.7012}, EXIT, new double[] {50.9502, 4.6023}, OTHER, new double[] {51.2103, 4.4104});

    /** plate, gantry, camera, lane, country, confidence, minutes ago. */
    private record Spec(String plate, String gantry, String camera, int lane, String country, float confidence, int minutesAgo) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("12ABC3", ENTRY, "cam-1", 1, "NL", 0.95f, 10),
            new Spec("12ABC3", ENTRY, "cam-2", 2, "NL", 0.60f, 40),
            new Spec("12ABC3", ENTRY, "cam-1", 2, "NL", 0.50f, 190),
            new Spec("12ABC3", ENTRY, "cam-1", 1, "NL", 0.88f, 220),
            new Spec("12ABD3", ENTRY, "cam-2", 1, "NL", 0.93f, 25),
            new Spec("1XABC3", ENTRY, "cam-1", 1, "NL", 0.80f, 55),
            new Spec("I2A8C3", ENTRY, "cam-3", 3, "NL", 0.75f, 70),
            new Spec("0O5512", ENTRY, "cam-1", 1, "FR", 0.97f, 85),
            new Spec("55KLM1", ENTRY, "cam-2", 2, "NL", 0.91f, 100),
            new Spec("55KLM2", ENTRY, "cam-2", 2, "NL", 0.91f, 100), // same capture time: the keyset breaks the tie by id
            new Spec("55KLM3", ENTRY, "cam-1", 1, "NL", 0.65f, 130),
            new Spec("55KLM4", ENTRY, "cam-3", 3, "DE", 0.94f, 160),
            new Spec("55KLM5", ENTRY, "cam-1", 1, "NL", 0.90f, 250),
            new Spec("55KLM6", ENTRY, "cam-1", 2, "NL", 0.89f, 280),
            new Spec("55KLM7", ENTRY, "cam-2", 1, "NL", 0.99f, 310),
            new Spec("12ABC3", EXIT, "cam-1", 1, "BE", 0.85f, 70),
            new Spec("12ABC3", EXIT, "cam-3", 3, "NL", 0.99f, 100),
            new Spec("12ABD3", EXIT, "cam-1", 2, "NL", 0.70f, 115),
            new Spec("0O5512", EXIT, "cam-2", 1, "FR", 0.82f, 145),
            new Spec("66PQR1", EXIT, "cam-1", 1, "NL", 0.95f, 175),
            new Spec("66PQR2", EXIT, "cam-2", 2, "NL", 0.55f, 205),
            new Spec("66PQR3", EXIT, "cam-1", 1, "NL", 0.96f, 235),
            new Spec("12ABC3", OTHER, "cam-1", 1, "NL", 0.70f, 130),
            new Spec("12ABC3", OTHER, "cam-2", 2, "DE", 0.91f, 160),
            new Spec("77STU1", OTHER, "cam-1", 1, "NL", 0.90f, 5),
            new Spec("77STU2", OTHER, "cam-1", 2, "NL", 0.90f, 35),
            new Spec("77STU3", OTHER, "cam-2", 1, "BE", 0.90f, 65),
            new Spec("77STU4", OTHER, "cam-2", 2, "NL", 0.90f, 95),
            new Spec("77STU5", OTHER, "cam-3", 3, "NL", 0.90f, 125),
            new Spec("77STU6", OTHER, "cam-1", 1, "NL", 0.90f, 155));

    @TempDir
    static Path dir;
    static ApiFixture api;
    static ApiClient investigator;
    static ApiClient auditor;
    static final Map<String, ApiClient> others = new LinkedHashMap<>();
    /** Published reads by id text, in publication order. */
    static final Map<String, PlateRead> published = new LinkedHashMap<>();
    static long nowMicros;
    static String withOverview;

    @BeforeAll
    static void start() throws Exception {
        Path gantries = dir.resolve("gantries.yaml");
        StringBuilder yaml = new StringBuilder("gantries:\n");
        POSITIONS.forEach((g, p) -> yaml.append("  ").append(g).append(": { name: \"gantry ").append(g)
                .append("\", latitude: ").append(p[0]).append(", longitude: ").append(p[1]).append(", road: X }\n"));
        Files.writeString(gantries, yaml.toString(), StandardCharsets.UTF_8);
        ReceiverConfig base = TestGantries.config(dir);
        api = ApiFixture.start(base.withHttp(base.http().withGantriesFile(gantries)));
        investigator = api.as("investigator");
        auditor = api.as("auditor");
        for (String role : List.of("viewer", "dispatcher", "hotlist-manager", "admin", "auditor")) {
            others.put(role, role.equals("auditor") ? auditor : api.as(role));
        }

        nowMicros = System.currentTimeMillis() / 1000 * 1_000_000L; // whole seconds
        Map<String, PlateReadBatch.Builder> batches = new LinkedHashMap<>();
        for (int i = 0; i < SPECS.size(); i++) {
            Spec s = SPECS.get(i);
            SampleMessages samples = new SampleMessages(1000 + i, 400); // a crop of its own per read
            PlateRead.Builder b = samples.read(s.gantry(), s.plate(), nowMicros - s.minutesAgo() * 60_000_000L).toBuilder()
                    .setCameraId(s.camera()).setLane(s.lane()).setCountry(s.country()).setConfidence(s.confidence());
            if (i == 0) {
                b.setOverview(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(200).setHeight(100)
                        .setData(new SampleMessages(77, 3000).read(ENTRY).getPlateCrop().getData()));
            }
            PlateRead read = b.build();
            String id = idOf(read);
            if (i == 0) {
                withOverview = id;
            }
            published.put(id, read);
            batches.computeIfAbsent(s.gantry(), g -> PlateReadBatch.newBuilder()).addReads(read);
        }
        for (Map.Entry<String, PlateReadBatch.Builder> e : batches.entrySet()) {
            MqttClient gantry = TestGantries.connect(api.receiver.port(), e.getKey(), true);
            try {
                gantry.publish(Topic.of(e.getKey(), TopicKind.READS).name(), encode(e.getValue().build()), 1, false);
            } finally {
                TestGantries.closeQuietly(gantry);
            }
        }
        TestGantries.await("30 reads stored", Duration.ofSeconds(10),
                TestGantries.unchecked(() -> api.receiver.store().countReads() == SPECS.size()));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String idOf(PlateRead r) {
        return Uuid7.fromBytes(r.getReadId().toByteArray()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String purpose(String caseRef) {
        return "reason=" + enc(REASON) + "&case=" + enc(caseRef);
    }

    private static String time(long micros) {
        return enc(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString());
    }

    private static final Comparator<PlateRead> NEWEST_FIRST = Comparator
            .comparingLong((PlateRead r) -> r.getCaptureTime().getEpochMicros())
            .thenComparing((PlateRead r) -> r.getReadId().toByteArray(), Arrays::compareUnsigned).reversed();

    /** Ids of the published reads that match, newest first. */
    private static List<String> expected(Predicate<PlateRead> match) {
        return published.values().stream().filter(match).sorted(NEWEST_FIRST).map(ReadsApiTest::idOf).toList();
    }

    private static Predicate<PlateRead> plates(String... plates) {
        Set<String> set = Set.of(plates);
        return r -> set.contains(r.getPlateText());
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static ApiClient.Reply search(String query, String caseRef) throws Exception {
        return investigator.get("/api/v1/reads?" + query + "&" + purpose(caseRef));
    }

    /** The ids of a search that must succeed and fit in one page. */
    private static List<String> hits(String query) throws Exception {
        ApiClient.Reply r = search(query, "CASE-HITS");
        assertEquals(200, r.status(), query + ": " + r);
        assertNull(r.json().get("next"), "one page: " + query);
        return ids(r.json().get("items"));
    }

    private static void assertBadRequest(ApiClient.Reply r, String field) {
        assertEquals(400, r.status(), r.toString());
        assertEquals(field, r.json().path("field").asText(null), r.body());
    }

    private static List<JsonNode> audited(String action) throws Exception {
        ApiClient.Reply r = auditor.get("/api/v1/audit?action=" + action + "&limit=1000");
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        return out;
    }

    private static List<JsonNode> audited(String action, String caseRef) throws Exception {
        return audited(action).stream().filter(e -> caseRef.equals(e.path("case").asText(null))).toList();
    }

    private static int auditSize() throws Exception {
        ApiClient.Reply r = auditor.get("/api/v1/audit?limit=1000");
        assertEquals(200, r.status(), r.toString());
        return r.json().get("items").size();
    }

    // ------------------------------------------------------------------ purpose and roles

    @Test
    void aReasonAndACaseAreMandatoryAndARefusedRequestIsNotAudited() throws Exception {
        int before = auditSize();
        String id = withOverview;
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=abcd&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=" + enc("  ab   ") + "&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=" + enc("x".repeat(501)) + "&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=" + enc(REASON)), "case");
        assertBadRequest(investigator.get("/api/v1/reads?plate=12ABC3&reason=" + enc(REASON) + "&case=" + "c".repeat(101)), "case");
        assertBadRequest(investigator.get("/api/v1/reads/export?plate=12ABC3&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads/" + id + "?case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/reads/" + id + "?reason=" + enc(REASON)), "case");
        assertBadRequest(investigator.get("/api/v1/reads/" + id + "/image?kind=crop&case=C-1"), "reason");
        assertBadRequest(investigator.get("/api/v1/trajectory?plate=12ABC3&case=C-1"), "reason");
        // A query refused after its purpose was given is not audited either.
        assertBadRequest(search("gantry=&camera=cam-1", "C-1"), "plate");
        assertEquals(400, search("plate=12ABC3&mode=fuzzy", "C-1").status());
        assertEquals(before, auditSize(), "nothing refused was audited");

        ApiClient.Reply ok = search("plate=12ABC3", "C-1");
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(before + 1, auditSize(), "the accepted search is");
    }

    @Test
    void onlyAnInvestigatorSearchesAndNobodyUnauthenticated() throws Exception {
        String q = "plate=12ABC3&" + purpose("CASE-ROLES");
        List<String> paths = List.of("/api/v1/reads?" + q, "/api/v1/reads/export?" + q,
                "/api/v1/reads/" + withOverview + "?" + purpose("CASE-ROLES"), "/api/v1/trajectory?" + q);
        for (Map.Entry<String, ApiClient> e : others.entrySet()) {
            for (String path : paths) {
                assertEquals(403, e.getValue().get(path).status(), e.getKey() + " " + path);
            }
        }
        String image = "/api/v1/reads/" + withOverview + "/image?kind=crop&" + purpose("CASE-ROLES");
        for (String role : List.of("viewer", "hotlist-manager", "admin", "auditor")) {
            assertEquals(403, others.get(role).get(image).status(), role);
        }
        ApiClient anonymous = new ApiClient(api.port());
        for (String path : paths) {
            assertEquals(401, anonymous.get(path).status(), path);
        }
        assertEquals(401, anonymous.get(image).status());
        assertEquals(200, investigator.get(paths.get(0)).status());
        assertTrue(audited("reads.search", "CASE-ROLES").stream().allMatch(a -> a.get("actor").asText().equals("investigator1")),
                "only the investigator's search was audited");
        assertEquals(1, audited("reads.search", "CASE-ROLES").size());
    }

    // ------------------------------------------------------------------ plate modes

    @Test
    void exactWildcardAndTolerantPlatesFindTheRightReadsNewestFirst() throws Exception {
        List<String> exact = expected(plates("12ABC3"));
        assertEquals(8, exact.size());
        assertEquals(exact, hits("plate=12ABC3"));
        assertEquals(exact, hits("plate=12ABC3&mode=exact"));
        assertEquals(exact, hits("plate=" + enc("12-abc 3")), "normalised like the gantry normalises");
        assertEquals(List.of(), hits("plate=I2ABC3"), "exact is exact");
        assertEquals(List.of(), hits("plate=12ABC"), "no prefix match in exact mode");

        assertEquals(expected(plates("12ABC3", "12ABD3")), hits("plate=" + enc("12A*") + "&mode=wildcard"));
        assertEquals(expected(plates("12ABC3", "1XABC3")), hits("plate=" + enc("1?ABC3") + "&mode=wildcard"));
        assertEquals(expected(plates("12ABC3", "12ABD3", "1XABC3")), hits("plate=" + enc("1*3") + "&mode=WILDCARD"));
        assertEquals(expected(plates("55KLM1", "55KLM2", "55KLM3", "55KLM4", "55KLM5", "55KLM6", "55KLM7")),
                hits("plate=" + enc("*KLM?") + "&mode=wildcard"));
        assertEquals(expected(plates("12ABC3")), hits("plate=" + enc("12?BC3") + "&mode=wildcard"));

        List<String> tolerant = expected(plates("12ABC3", "I2A8C3"));
        assertEquals(9, tolerant.size());
        assertEquals(tolerant, hits("plate=I2ABC3&mode=tolerant"), "1/I and B/8 are look-alikes");
        assertEquals(tolerant, hits("plate=12ABC3&mode=tolerant"));
        assertEquals(tolerant, hits("plate=L2A8C3&mode=tolerant"));
        assertEquals(expected(plates("0O5512")), hits("plate=O0S5I2&mode=tolerant"), "O/0, S/5, I/1 are look-alikes");
        assertEquals(List.of(), hits("plate=O0S5I2"));
        assertEquals(expected(plates("0O5512")), hits("plate=DQ5SL2&mode=tolerant"), "D, Q, 0 and O are one class, L and 1 another");
        assertEquals(List.of(), hits("plate=DQ5SL3&mode=tolerant"), "3 has no look-alike here");

        JsonNode first = search("plate=12ABC3", "CASE-FIELDS").json().get("items").get(0);
        PlateRead newest = published.get(exact.get(0));
        assertEquals(ENTRY, first.get("gantryId").asText());
        assertEquals("cam-1", first.get("cameraId").asText());
        assertEquals(1, first.get("lane").asInt());
        assertEquals("12ABC3", first.get("plate").asText());
        assertEquals("NL", first.get("country").asText());
        assertEquals(0.95f, (float) first.get("confidence").asDouble());
        assertEquals(Instant.ofEpochSecond(newest.getCaptureTime().getEpochMicros() / 1_000_000).toString(),
                first.get("captured").asText());
        assertNotNull(Instant.parse(first.get("received").asText()));
        assertEquals("/api/v1/reads/" + exact.get(0) + "/image?kind=crop", first.get("images").get("crop").asText());
        assertEquals("/api/v1/reads/" + exact.get(0) + "/image?kind=overview", first.get("images").get("overview").asText());
        JsonNode second = search("plate=12ABC3", "CASE-FIELDS").json().get("items").get(1);
        assertTrue(second.get("images").has("crop"));
        assertFalse(second.get("images").has("overview"), "only the first read has an overview");
    }

    @Test
    void filtersNarrowTheHits() throws Exception {
        Predicate<PlateRead> p = plates("12ABC3");
        assertEquals(expected(p.and(r -> r.getGantryId().equals(ENTRY))), hits("plate=12ABC3&gantry=" + ENTRY));
        assertEquals(4, hits("plate=12ABC3&gantry=" + ENTRY).size());
        assertEquals(expected(p.and(r -> r.getCameraId().equals("cam-1"))), hits("plate=12ABC3&camera=cam-1"));
        assertEquals(expected(p.and(r -> r.getLane() == 2)), hits("plate=12ABC3&lane=2"));
        assertEquals(expected(p.and(r -> r.getCountry().equals("BE"))), hits("plate=12ABC3&country=BE"));
        assertEquals(1, hits("plate=12ABC3&country=BE").size());
        assertEquals(expected(p.and(r -> r.getConfidence() > 0.9f)), hits("plate=12ABC3&minConfidence=0.9"));
        assertEquals(expected(p.and(r -> r.getConfidence() >= 0.92f)), hits("plate=12ABC3&minConfidence=0.92"));
        assertEquals(2, hits("plate=12ABC3&minConfidence=0.92").size());
        long from = nowMicros - 150 * 60_000_000L;
        long to = nowMicros - 50 * 60_000_000L;
        List<String> window = expected(p.and(r -> r.getCaptureTime().getEpochMicros() >= from
                && r.getCaptureTime().getEpochMicros() < to));
        assertEquals(3, window.size());
        assertEquals(window, hits("plate=12ABC3&from=" + time(from) + "&to=" + time(to)));
        long exactlyAt = nowMicros - 100 * 60_000_000L;
        assertTrue(hits("plate=12ABC3&from=" + time(exactlyAt) + "&to=" + time(to)).contains(expected(p.and(r ->
                r.getCaptureTime().getEpochMicros() == exactlyAt)).get(0)), "from is inclusive");
        assertFalse(hits("plate=12ABC3&from=" + time(from) + "&to=" + time(exactlyAt)).contains(expected(p.and(r ->
                r.getCaptureTime().getEpochMicros() == exactlyAt)).get(0)), "to is exclusive");
        assertEquals(expected(p.and(r -> r.getCaptureTime().getEpochMicros() >= from)), hits("plate=12ABC3&from=" + time(from)));

        // A gantry alone is a search too, with any other filter.
        assertEquals(expected(r -> r.getGantryId().equals(OTHER)), hits("gantry=" + OTHER));
        assertEquals(8, hits("gantry=" + OTHER).size());
        assertEquals(expected(r -> r.getGantryId().equals(OTHER) && r.getCameraId().equals("cam-2") && r.getLane() == 1),
                hits("gantry=" + OTHER + "&camera=cam-2&lane=1"));
        assertEquals(expected(r -> r.getGantryId().equals(EXIT) && r.getCountry().equals("FR")), hits("gantry=" + EXIT + "&country=FR"));
        assertEquals(1, hits("gantry=" + EXIT + "&country=FR").size());
        assertEquals(expected(r -> r.getGantryId().equals(ENTRY) && r.getConfidence() > 0.92f && r.getLane() == 1
                && r.getCaptureTime().getEpochMicros() >= from), hits("gantry=" + ENTRY + "&minConfidence=0.92&lane=1&from=" + time(from)));
        assertEquals(List.of(), hits("gantry=NOPE-1"));
        assertEquals(List.of(), hits("plate=12ABC3&gantry=" + ENTRY + "&country=BE"));
    }

    @Test
    void invalidQueriesAreRefusedNamingTheParameter() throws Exception {
        assertBadRequest(search("camera=cam-1", "CASE-BAD"), "plate");
        assertBadRequest(search("country=NL&lane=1", "CASE-BAD"), "plate");
        assertBadRequest(search("plate=12ABC3&mode=fuzzy", "CASE-BAD"), "mode");
        assertBadRequest(search("mode=exact&gantry=" + ENTRY, "CASE-BAD"), "mode");
        assertBadRequest(search("plate=" + enc("12#ABC"), "CASE-BAD"), "plate");
        assertBadRequest(search("plate=" + enc("12ÄBC3"), "CASE-BAD"), "plate");
        assertBadRequest(search("plate=" + enc("12A*"), "CASE-BAD"), "plate"); // a wildcard needs mode=wildcard
        assertBadRequest(search("plate=" + enc("**") + "&mode=wildcard", "CASE-BAD"), "plate");
        assertBadRequest(search("plate=" + "1".repeat(13), "CASE-BAD"), "plate");
        assertBadRequest(search("plate=12ABC3&minConfidence=1.5", "CASE-BAD"), "minConfidence");
        assertBadRequest(search("plate=12ABC3&minConfidence=-0.1", "CASE-BAD"), "minConfidence");
        assertBadRequest(search("plate=12ABC3&minConfidence=high", "CASE-BAD"), "minConfidence");
        assertBadRequest(search("plate=12ABC3&lane=256", "CASE-BAD"), "lane");
        assertBadRequest(search("plate=12ABC3&lane=one", "CASE-BAD"), "lane");
        assertBadRequest(search("plate=12ABC3&from=yesterday", "CASE-BAD"), "from");
        assertBadRequest(search("plate=12ABC3&limit=0", "CASE-BAD"), "limit");
        assertBadRequest(search("plate=12ABC3&limit=1001", "CASE-BAD"), "limit");
        assertEquals(0, audited("reads.search", "CASE-BAD").size(), "no refused query was audited");
    }

    @Test
    void aBadCursorIsRefusedNamingTheCursorParameter() throws Exception {
        assertBadRequest(search("plate=12ABC3&cursor=" + enc("not a cursor!"), "CASE-CURSOR"), "cursor");
        assertBadRequest(search("plate=12ABC3&cursor=AAAA", "CASE-CURSOR"), "cursor"); // valid base64, wrong length
        assertEquals(0, audited("reads.search", "CASE-CURSOR").size(), "a refused cursor is not audited");
    }

    // ------------------------------------------------------------------ pagination

    private static List<String> walk(String query, int limit, int expectedPages) throws Exception {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Reply r = search(query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), "CASE-PAGES");
            assertEquals(200, r.status(), r.toString());
            JsonNode items = r.json().get("items");
            assertTrue(items.size() <= limit);
            all.addAll(ids(items));
            JsonNode next = r.json().get("next");
            cursor = next == null ? null : next.asText();
            if (cursor != null) {
                assertEquals(limit, items.size(), "only a full page has a next");
            }
            pages++;
            assertTrue(pages <= 20, "the walk ends");
        } while (cursor != null);
        assertEquals(expectedPages, pages, query);
        return all;
    }

    @Test
    void limitSevenWalksEveryHitOnceNewestFirst() throws Exception {
        List<String> expected = expected(r -> r.getGantryId().equals(ENTRY));
        assertEquals(15, expected.size());
        List<String> walked = walk("gantry=" + ENTRY, 7, 3);
        assertEquals(expected, walked, "all hits, in order, across the tie at the page boundary");
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no duplicates");

        List<String> wild = walk("plate=" + enc("12A*") + "&mode=wildcard", 5, 3); // 10 hits: 5, 5, then an empty page
        assertEquals(expected(plates("12ABC3", "12ABD3")), wild);

        List<String> all = new ArrayList<>();
        for (String g : List.of(ENTRY, EXIT, OTHER)) {
            all.addAll(walk("gantry=" + g, 1, expected(r -> r.getGantryId().equals(g)).size() + 1));
        }
        assertEquals(published.keySet(), new HashSet<>(all), "every published read is found exactly once");
        assertEquals(SPECS.size(), all.size());
    }

    // ------------------------------------------------------------------ audit

    @Test
    void eachSearchIsAuditedWithItsPurposeAndQuery() throws Exception {
        assertEquals(200, search("plate=" + enc("12A*") + "&mode=wildcard&gantry=" + ENTRY + "&minConfidence=0.5", "CASE-AUD-1").status());
        assertEquals(200, search("gantry=" + EXIT + "&lane=1", "CASE-AUD-1").status());
        List<JsonNode> entries = audited("reads.search", "CASE-AUD-1");
        assertEquals(2, entries.size(), entries.toString());
        JsonNode byGantry = entries.get(0); // newest first
        JsonNode byPlate = entries.get(1);
        for (JsonNode e : entries) {
            assertEquals("investigator1", e.get("actor").asText());
            assertEquals("investigator", e.get("role").asText());
            assertEquals(REASON, e.get("reason").asText());
            assertEquals("CASE-AUD-1", e.get("case").asText());
        }
        assertEquals("12A*", byPlate.get("target").asText());
        JsonNode detail = ApiClient.JSON.readTree(byPlate.get("detail").asText());
        assertEquals("12A*", detail.get("plate").asText());
        assertEquals("wildcard", detail.get("mode").asText());
        assertEquals(ENTRY, detail.get("gantry").asText());
        assertEquals("0.5", detail.get("minConfidence").asText());
        assertFalse(detail.has("reason"), detail.toString());
        assertFalse(detail.has("case"), detail.toString());
        assertEquals(EXIT, byGantry.get("target").asText());
        JsonNode gantryDetail = ApiClient.JSON.readTree(byGantry.get("detail").asText());
        assertEquals(EXIT, gantryDetail.get("gantry").asText());
        assertEquals("1", gantryDetail.get("lane").asText());
        assertFalse(gantryDetail.has("plate"));
        assertFalse(gantryDetail.has("reason") || gantryDetail.has("case"));
    }

    // ------------------------------------------------------------------ one read and its images

    @Test
    void oneReadWithItsMetadataAndPosition() throws Exception {
        String id = expected(plates("12ABC3").and(r -> r.getGantryId().equals(EXIT) && r.getCountry().equals("BE"))).get(0);
        PlateRead sent = published.get(id);
        ApiClient.Reply r = investigator.get("/api/v1/reads/" + id + "?" + purpose("CASE-ONE"));
        assertEquals(200, r.status(), r.toString());
        JsonNode o = r.json();
        assertEquals(id, o.get("id").asText());
        assertEquals("12ABC3", o.get("plate").asText());
        assertEquals(EXIT, o.get("gantryId").asText());
        assertEquals("cam-1", o.get("cameraId").asText());
        assertEquals(1, o.get("lane").asInt());
        assertEquals("BE", o.get("country").asText());
        assertEquals(0.85f, (float) o.get("confidence").asDouble());
        assertEquals(Instant.ofEpochSecond(sent.getCaptureTime().getEpochMicros() / 1_000_000).toString(), o.get("captured").asText());
        assertEquals("synchronised", o.get("clock").asText());
        assertEquals(500, o.get("clockErrorMicros").asLong());
        assertEquals("NL-sidecode-8", o.get("plateFormat").asText());
        assertEquals("anpr-ocr/0.1.0", o.get("engineVersion").asText());
        assertEquals("12ABC3", o.get("alternatives").get(0).get("plate").asText());
        assertNotNull(Instant.parse(o.get("received").asText()));
        assertEquals("/api/v1/reads/" + id + "/image?kind=crop", o.get("images").get("crop").asText());
        assertFalse(o.get("images").has("overview"));
        assertEquals(POSITIONS.get(EXIT)[0], o.get("position").get("latitude").asDouble());
        assertEquals(POSITIONS.get(EXIT)[1], o.get("position").get("longitude").asDouble());
        List<JsonNode> views = audited("read.view", "CASE-ONE");
        assertEquals(1, views.size());
        assertEquals(id, views.get(0).get("target").asText());
        assertEquals("investigator1", views.get(0).get("actor").asText());

        assertEquals(404, investigator.get("/api/v1/reads/" + Uuid7.next() + "?" + purpose("CASE-ONE")).status());
        assertEquals(404, investigator.get("/api/v1/reads/" + UUID.randomUUID() + "?" + purpose("CASE-ONE")).status());
        assertBadRequest(investigator.get("/api/v1/reads/not-a-uuid?" + purpose("CASE-ONE")), "id");
        assertBadRequest(investigator.get("/api/v1/reads/" + id.replace("-", "") + "?" + purpose("CASE-ONE")), "id");
        assertEquals(1, audited("read.view", "CASE-ONE").size(), "unknown and malformed ids are not audited");
    }

    @Test
    void anImageIsTheJpegThatWasPublishedAndItsOpeningIsAudited() throws Exception {
        for (String id : List.of(withOverview, expected(plates("0O5512")).get(1))) {
            PlateRead sent = published.get(id);
            ApiClient.Reply img = investigator.get("/api/v1/reads/" + id + "/image?kind=crop&" + purpose("CASE-IMG"));
            assertEquals(200, img.status(), img.toString());
            assertEquals("image/jpeg", img.header("Content-Type"));
            assertArrayEquals(sent.getPlateCrop().getData().toByteArray(), img.raw().body(), "the crop of " + id);
        }
        PlateRead first = published.get(withOverview);
        ApiClient.Reply overview = investigator.get("/api/v1/reads/" + withOverview + "/image?kind=overview&" + purpose("CASE-IMG"));
        assertEquals(200, overview.status(), overview.toString());
        assertArrayEquals(first.getOverview().getData().toByteArray(), overview.raw().body());
        assertFalse(Arrays.equals(first.getOverview().getData().toByteArray(), first.getPlateCrop().getData().toByteArray()));
        ApiClient.Reply byDefault = investigator.get("/api/v1/reads/" + withOverview + "/image?" + purpose("CASE-IMG"));
        assertArrayEquals(first.getPlateCrop().getData().toByteArray(), byDefault.raw().body(), "kind defaults to crop");

        List<JsonNode> audit = audited("read.image", "CASE-IMG");
        assertEquals(4, audit.size());
        JsonNode ov = audit.get(1); // newest first: default crop, overview, ...
        assertEquals(withOverview, ov.get("target").asText());
        assertEquals(REASON, ov.get("reason").asText());
        assertEquals("investigator1", ov.get("actor").asText());
        JsonNode detail = ApiClient.JSON.readTree(ov.get("detail").asText());
        assertEquals("overview", detail.get("kind").asText());
        assertEquals(withOverview, detail.get("read").asText());

        assertBadRequest(investigator.get("/api/v1/reads/" + withOverview + "/image?kind=bogus&" + purpose("CASE-IMG")), "kind");
        String noOverview = expected(plates("0O5512")).get(0);
        assertEquals(404, investigator.get("/api/v1/reads/" + noOverview + "/image?kind=overview&" + purpose("CASE-IMG")).status());
        assertEquals(404, investigator.get("/api/v1/reads/" + Uuid7.next() + "/image?kind=crop&" + purpose("CASE-IMG")).status());
        assertEquals(4, audited("read.image", "CASE-IMG").size(), "refused image requests are not audited");
        ApiClient.Reply dispatcher = others.get("dispatcher").get("/api/v1/reads/" + noOverview + "/image?kind=crop&" + purpose("CASE-IMG"));
        assertEquals(200, dispatcher.status(), "dispatchers may open images");
        assertArrayEquals(published.get(noOverview).getPlateCrop().getData().toByteArray(), dispatcher.raw().body());
    }

    // ------------------------------------------------------------------ export

    @Test
    void anExportIsACsvOfEveryHitAndIsAudited() throws Exception {
        ApiClient.Reply r = investigator.get("/api/v1/reads/export?plate=12ABC3&" + purpose("CASE-EXP"));
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        List<String> lines = r.body().lines().toList();
        assertEquals("read_id,captured,gantry_id,camera_id,lane,plate,country,confidence,received", lines.get(0));
        List<String> expected = expected(plates("12ABC3"));
        assertEquals(expected.size() + 1, lines.size(), r.body());
        for (int i = 0; i < expected.size(); i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            PlateRead sent = published.get(expected.get(i));
            assertEquals(9, f.length, lines.get(i + 1));
            assertEquals(expected.get(i), f[0], "row " + i + " in newest-first order");
            assertEquals(Instant.ofEpochSecond(sent.getCaptureTime().getEpochMicros() / 1_000_000).toString(), f[1]);
            assertEquals(sent.getGantryId(), f[2]);
            assertEquals(sent.getCameraId(), f[3]);
            assertEquals(Integer.toString(sent.getLane()), f[4]);
            assertEquals("12ABC3", f[5]);
            assertEquals(sent.getCountry(), f[6]);
            assertEquals(sent.getConfidence(), Float.parseFloat(f[7]));
            assertNotNull(Instant.parse(f[8]));
        }
        ApiClient.Reply three = investigator.get("/api/v1/reads/export?gantry=" + ENTRY + "&limit=3&" + purpose("CASE-EXP"));
        assertEquals(200, three.status(), three.toString());
        List<String> threeLines = three.body().lines().toList();
        assertEquals(4, threeLines.size());
        assertEquals(expected(r2 -> r2.getGantryId().equals(ENTRY)).subList(0, 3),
                threeLines.subList(1, 4).stream().map(l -> l.split(",")[0]).collect(Collectors.toList()));
        List<JsonNode> audit = audited("reads.export", "CASE-EXP");
        assertEquals(2, audit.size());
        assertEquals("12ABC3", audit.get(1).get("target").asText());
        assertEquals("investigator1", audit.get(1).get("actor").asText());
        assertEquals(REASON, audit.get(1).get("reason").asText());
        assertEquals(0, audited("reads.search", "CASE-EXP").size(), "an export is audited as an export");
        assertBadRequest(investigator.get("/api/v1/reads/export?camera=cam-1&" + purpose("CASE-EXP")), "plate");
        assertBadRequest(investigator.get("/api/v1/reads/export?plate=12ABC3&limit=10001&" + purpose("CASE-EXP")), "limit");
        assertEquals(2, audited("reads.export", "CASE-EXP").size());
    }

    // ------------------------------------------------------------------ trajectory

    @Test
    void aTrajectoryIsThePlatesSightingsInTimeOrderWithGantryPositions() throws Exception {
        long from = nowMicros - 6 * 3_600_000_000L;
        long to = nowMicros + 60_000_000L;
        ApiClient.Reply r = investigator.get("/api/v1/trajectory?plate=12ABC3&from=" + time(from) + "&to=" + time(to) + "&"
                + purpose("CASE-TRJ"));
        assertEquals(200, r.status(), r.toString());
        JsonNode o = r.json();
        assertEquals("12ABC3", o.get("plate").asText());
        List<String> ascending = new ArrayList<>(expected(plates("12ABC3")));
        java.util.Collections.reverse(ascending);
        JsonNode sightings = o.get("sightings");
        assertEquals(ascending, ids(sightings), "oldest first");
        long previous = Long.MIN_VALUE;
        for (JsonNode s : sightings) {
            PlateRead sent = published.get(s.get("id").asText());
            double[] position = POSITIONS.get(sent.getGantryId());
            assertEquals(sent.getGantryId(), s.get("gantryId").asText());
            assertEquals(position[0], s.get("latitude").asDouble(), s.toString());
            assertEquals(position[1], s.get("longitude").asDouble(), s.toString());
            assertEquals("gantry " + sent.getGantryId(), s.get("gantryName").asText());
            long captured = Instant.parse(s.get("captured").asText()).toEpochMilli();
            assertTrue(captured > previous);
            previous = captured;
        }
        assertEquals(3, new HashSet<>(sightings.findValuesAsText("gantryId")).size(), "all three gantries");

        long windowFrom = nowMicros - 100 * 60_000_000L;
        ApiClient.Reply part = investigator.get("/api/v1/trajectory?plate=" + enc("12 abc-3") + "&from=" + time(windowFrom)
                + "&to=" + time(to) + "&" + purpose("CASE-TRJ"));
        assertEquals(200, part.status(), part.toString());
        List<String> inWindow = new ArrayList<>(expected(plates("12ABC3").and(x -> x.getCaptureTime().getEpochMicros() >= windowFrom)));
        java.util.Collections.reverse(inWindow);
        assertEquals(4, inWindow.size());
        assertEquals(inWindow, ids(part.json().get("sightings")));
        ApiClient.Reply byDefault = investigator.get("/api/v1/trajectory?plate=12ABC3&" + purpose("CASE-TRJ"));
        assertEquals(ascending, ids(byDefault.json().get("sightings")), "the last 24 hours by default");
        ApiClient.Reply limited = investigator.get("/api/v1/trajectory?plate=12ABC3&limit=2&" + purpose("CASE-TRJ"));
        assertEquals(ascending.subList(0, 2), ids(limited.json().get("sightings")));
        assertEquals(0, investigator.get("/api/v1/trajectory?plate=I2ABC3&" + purpose("CASE-TRJ")).json().get("sightings").size(),
                "a trajectory is of the exact plate");

        long longFrom = to - 31L * 86_400_000_000L - 1_000_000L;
        assertBadRequest(investigator.get("/api/v1/trajectory?plate=12ABC3&from=" + time(longFrom) + "&to=" + time(to) + "&"
                + purpose("CASE-TRJ")), "from");
        assertEquals(200, investigator.get("/api/v1/trajectory?plate=12ABC3&from=" + time(to - 31L * 86_400_000_000L) + "&to="
                + time(to) + "&" + purpose("CASE-TRJ")).status(), "exactly 31 days is allowed");
        assertBadRequest(investigator.get("/api/v1/trajectory?plate=12ABC3&from=" + time(to) + "&to=" + time(from) + "&"
                + purpose("CASE-TRJ")), "from");
        assertBadRequest(investigator.get("/api/v1/trajectory?" + purpose("CASE-TRJ")), "plate");
        assertBadRequest(investigator.get("/api/v1/trajectory?plate=" + enc("12A*") + "&" + purpose("CASE-TRJ")), "plate");
        List<JsonNode> audit = audited("reads.trajectory", "CASE-TRJ");
        assertEquals(6, audit.size(), "the six accepted trajectories, not the refused ones");
        assertEquals("12ABC3", audit.get(audit.size() - 1).get("target").asText());
        assertEquals("investigator1", audit.get(0).get("actor").asText());
    }
}
