package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section-speed violations published by real exit gantries (Paho, MQTT over TCP), reviewed over
 * real HTTP: listing by section, gantry, outcome and time, the detail with both reads and the
 * speed calculation, and the digest-chain check: intact links, an altered violation and a gap.
 */
class ViolationsApiTest {
    private static final String SECTION = "A2-km40-km52";
    private static final String OTHER_SECTION = "A12-km0-km3";
    private static final String ENTRY_SECTION = "A2-km28-km40";
    private static final String REASON = "review of a speeding case";

    @TempDir
    static Path dir;
    static ApiFixture api;
    static ApiClient investigator;
    static ApiClient auditor;
    /** The exit gantry's chain as published: sequences 1, 2, 3 and 5 (4 never sent). */
    static SectionViolation v1;
    static SectionViolation v2;
    static SectionViolation v3;
    static SectionViolation v5;
    /** Sealed, then its enforced speed changed: the digest no longer matches. */
    static SectionViolation altered;
    static SectionViolation notEnforceable;
    static Instant beforeAll;
    static Instant betweenChains;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
        investigator = api.as("investigator");
        auditor = api.as("auditor");

        SampleMessages entrySamples = new SampleMessages(21, 500);
        SampleMessages exitSamples = new SampleMessages(22, 700);
        v1 = ViolationChain.seal(violation(entrySamples, exitSamples, ENTRY, EXIT, SECTION, "12ABC3", 131.5), 1, ViolationChain.GENESIS);
        v2 = ViolationChain.seal(violation(entrySamples, exitSamples, ENTRY, EXIT, SECTION, "34DEF5", 118.2), 2, v1.getDigest());
        v3 = ViolationChain.seal(violation(entrySamples, exitSamples, ENTRY, EXIT, SECTION, "56GHJ7", 124.0), 3, v2.getDigest());
        SectionViolation v4 = ViolationChain.seal(violation(entrySamples, exitSamples, ENTRY, EXIT, SECTION, "78KLM9", 110.0), 4,
                v3.getDigest());
        v5 = ViolationChain.seal(violation(entrySamples, exitSamples, ENTRY, EXIT, SECTION, "90NPR1", 140.0), 5, v4.getDigest());
        SectionViolation sealed = ViolationChain.seal(violation(entrySamples, exitSamples, "A12-W-km0", OTHER, OTHER_SECTION,
                "11XYZ2", 121.0), 1, ViolationChain.GENESIS);
        altered = sealed.toBuilder().setEnforcedSpeedKmh(151.0).build();
        notEnforceable = ViolationChain.seal(violation(entrySamples, exitSamples, "A2-N-km28", ENTRY, ENTRY_SECTION, "22QRS3", 0)
                .toBuilder().setOutcome(ViolationOutcome.VIOLATION_OUTCOME_NOT_ENFORCEABLE)
                .setNotEnforceableReason("entry clock unsynchronised").build(), 1, ViolationChain.GENESIS);

        beforeAll = Instant.ofEpochMilli(System.currentTimeMillis());
        Thread.sleep(3);
        publish(EXIT, v1, v2, v3, v5);
        Thread.sleep(3);
        betweenChains = Instant.ofEpochMilli(System.currentTimeMillis());
        Thread.sleep(3);
        publish(OTHER, altered);
        publish(ENTRY, notEnforceable);
        TestGantries.await("6 violations stored", Duration.ofSeconds(10),
                TestGantries.unchecked(() -> api.receiver.store().countViolations() == 6));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** 12 km; the exit read's clock in holdover; {@code enforced} km/h after the margin. */
    private static SectionViolation violation(SampleMessages entrySamples, SampleMessages exitSamples, String entryGantry,
                                              String exitGantry, String section, String plate, double enforced) {
        long entryMicros = System.currentTimeMillis() * 1000 - 3_600_000_000L;
        PlateRead entry = entrySamples.read(entryGantry, plate, entryMicros);
        PlateRead exit = exitSamples.read(exitGantry, plate, entryMicros + 330_000_000L).toBuilder()
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(entryMicros + 330_000_000L)
                        .setSync(ClockSync.CLOCK_SYNC_HOLDOVER).setEstErrorMicros(2_000))
                .build();
        return SectionViolation.newBuilder()
                .setViolationId(com.google.protobuf.ByteString.copyFrom(Uuid7.toBytes(Uuid7.next()))).setSectionId(section)
                .setOutcome(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION)
                .setEntryRead(entry).setExitRead(exit)
                .setDistanceM(12_000).setDistanceUncertaintyM(3)
                .setConservativeElapsedMicros(330_002_500L)
                .setMeasuredSpeedKmh(130.9).setConservativeSpeedKmh(130.87).setSpeedLimitKmh(100)
                .setMarginKmh(4.0).setEnforcedSpeedKmh(enforced).setMarginRule("BE-3pct-min3")
                .build();
    }

    private static void publish(String gantry, SectionViolation... violations) throws Exception {
        MqttClient c = TestGantries.connect(api.receiver.port(), gantry, true);
        try {
            for (SectionViolation v : violations) {
                c.publish(Topic.of(gantry, TopicKind.VIOLATIONS).name(), encode(v), 1, false); // returns after PUBACK
            }
        } finally {
            TestGantries.closeQuietly(c);
        }
    }

    private static String id(SectionViolation v) {
        return Uuid7.fromBytes(v.getViolationId().toByteArray()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static List<String> list(String query) throws Exception {
        ApiClient.Reply r = investigator.get("/api/v1/violations" + query);
        assertEquals(200, r.status(), query + ": " + r);
        return ids(r.json().get("items"));
    }

    private static JsonNode detail(SectionViolation v) throws Exception {
        ApiClient.Reply r = investigator.get("/api/v1/violations/" + id(v));
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static void assertBadRequest(ApiClient.Reply r, String field) {
        assertEquals(400, r.status(), r.toString());
        assertEquals(field, r.json().path("field").asText(null), r.body());
    }

    // ------------------------------------------------------------------ listing

    @Test
    void violationsAreListedBySectionGantryOutcomeAndTimeNewestFirst() throws Exception {
        List<String> chain = List.of(id(v5), id(v3), id(v2), id(v1));
        assertEquals(chain, list("?section=" + SECTION));
        assertEquals(chain, list("?gantry=" + EXIT));
        assertEquals(List.of(id(altered)), list("?section=" + OTHER_SECTION));
        assertEquals(List.of(id(notEnforceable)), list("?outcome=not-enforceable"));
        assertEquals(5, list("?outcome=violation").size());
        assertFalse(list("?outcome=violation").contains(id(notEnforceable)));
        assertEquals(6, list("").size());
        assertEquals(List.of(), list("?section=" + SECTION + "&outcome=not-enforceable"));
        assertEquals(List.of(), list("?section=NOPE-1"));

        String from = enc(beforeAll.toString());
        String between = enc(betweenChains.toString());
        assertEquals(chain, list("?section=" + SECTION + "&from=" + from));
        assertEquals(chain, list("?from=" + from + "&to=" + between), "received in the window of the exit gantry's chain");
        assertEquals(List.of(id(notEnforceable), id(altered)), list("?from=" + between));
        assertEquals(List.of(), list("?to=" + from));
        assertEquals(List.of(), list("?from=" + enc(Instant.now().plusSeconds(3600).toString())));

        JsonNode first = investigator.get("/api/v1/violations?section=" + SECTION).json().get("items").get(0);
        assertEquals(SECTION, first.get("sectionId").asText());
        assertEquals(EXIT, first.get("gantryId").asText());
        assertEquals("90NPR1", first.get("plate").asText());
        assertEquals("violation", first.get("outcome").asText());
        assertEquals(140.0, first.get("enforcedSpeedKmh").asDouble());
        assertEquals(100.0, first.get("speedLimitKmh").asDouble());
        assertNotNull(Instant.parse(first.get("received").asText()));

        // Pages of two walk the chain without repeats.
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Reply r = investigator.get("/api/v1/violations?section=" + SECTION + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r.toString());
            walked.addAll(ids(r.json().get("items")));
            cursor = r.json().has("next") ? r.json().get("next").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(chain, walked);
        assertEquals(3, pages, "2, 2, then an empty page");

        assertBadRequest(investigator.get("/api/v1/violations?outcome=speeding"), "outcome");
        assertBadRequest(investigator.get("/api/v1/violations?outcome=VIOLATION"), "outcome");
        assertBadRequest(investigator.get("/api/v1/violations?cursor=garbage"), "cursor");
        assertBadRequest(investigator.get("/api/v1/violations?limit=501"), "limit");
        assertBadRequest(investigator.get("/api/v1/violations?from=today"), "from");
    }

    @Test
    void viewersInvestigatorsAndDispatchersMayListOthersMayNot() throws Exception {
        for (String role : List.of("viewer", "investigator", "dispatcher")) {
            ApiClient c = api.as(role);
            ApiClient.Reply r = c.get("/api/v1/violations?section=" + SECTION);
            assertEquals(200, r.status(), role + ": " + r);
            assertEquals(4, r.json().get("items").size(), role);
            assertEquals(200, c.get("/api/v1/violations/" + id(v1)).status(), role);
        }
        for (String role : List.of("hotlist-manager", "admin", "auditor")) {
            ApiClient c = role.equals("auditor") ? auditor : api.as(role);
            assertEquals(403, c.get("/api/v1/violations?section=" + SECTION).status(), role);
            assertEquals(403, c.get("/api/v1/violations/" + id(v1)).status(), role);
        }
        ApiClient anonymous = new ApiClient(api.port());
        assertEquals(401, anonymous.get("/api/v1/violations").status());
        assertEquals(401, anonymous.get("/api/v1/violations/" + id(v1)).status());
    }

    // ------------------------------------------------------------------ detail and chain

    @Test
    void theDetailHasBothReadsTheSpeedCalculationAndAnIntactChain() throws Exception {
        JsonNode o = detail(v1);
        assertEquals(id(v1), o.get("id").asText());
        assertEquals(SECTION, o.get("sectionId").asText());
        assertEquals(EXIT, o.get("gantryId").asText());
        assertEquals("12ABC3", o.get("plate").asText());
        assertEquals("violation", o.get("outcome").asText());
        JsonNode entry = o.get("entryRead");
        JsonNode exit = o.get("exitRead");
        assertEquals(Uuid7.fromBytes(v1.getEntryRead().getReadId().toByteArray()).toString(), entry.get("id").asText());
        assertEquals(Uuid7.fromBytes(v1.getExitRead().getReadId().toByteArray()).toString(), exit.get("id").asText());
        assertEquals(ENTRY, entry.get("gantryId").asText());
        assertEquals(EXIT, exit.get("gantryId").asText());
        assertEquals("12ABC3", entry.get("plate").asText());
        assertEquals("12ABC3", exit.get("plate").asText());
        long entryMicros = v1.getEntryRead().getCaptureTime().getEpochMicros();
        assertEquals(Instant.ofEpochSecond(entryMicros / 1_000_000, entryMicros % 1_000_000 * 1000).toString(),
                entry.get("captured").asText());
        assertEquals("synchronised", entry.get("clock").asText());
        assertEquals(500, entry.get("clockErrorMicros").asLong());
        assertEquals("holdover", exit.get("clock").asText());
        assertEquals(2_000, exit.get("clockErrorMicros").asLong());
        assertEquals("/api/v1/violations/" + id(v1) + "/image?read=entry&kind=crop", entry.get("images").get("crop").asText());
        assertEquals("/api/v1/violations/" + id(v1) + "/image?read=exit&kind=crop", exit.get("images").get("crop").asText());
        assertEquals(12_000.0, o.get("distanceM").asDouble());
        assertEquals(3.0, o.get("distanceUncertaintyM").asDouble());
        assertEquals(330_000_000L, o.get("elapsedMicros").asLong());
        assertEquals(330_002_500L, o.get("conservativeElapsedMicros").asLong());
        assertEquals(130.9, o.get("measuredSpeedKmh").asDouble());
        assertEquals(130.87, o.get("conservativeSpeedKmh").asDouble());
        assertEquals(4.0, o.get("marginKmh").asDouble());
        assertEquals("BE-3pct-min3", o.get("marginRule").asText());
        assertEquals(131.5, o.get("enforcedSpeedKmh").asDouble());
        assertEquals(100.0, o.get("speedLimitKmh").asDouble());
        JsonNode chain = o.get("chain");
        assertEquals(1, chain.get("sequence").asLong());
        assertTrue(chain.get("digestValid").asBoolean());
        assertEquals("genesis", chain.get("previous").asText());
        assertEquals("linked", chain.get("next").asText());
        assertTrue(chain.get("intact").asBoolean());

        JsonNode c2 = detail(v2).get("chain");
        assertEquals(2, c2.get("sequence").asLong());
        assertTrue(c2.get("digestValid").asBoolean());
        assertEquals("linked", c2.get("previous").asText());
        assertEquals("linked", c2.get("next").asText());
        assertTrue(c2.get("intact").asBoolean());

        JsonNode c3 = detail(v3).get("chain");
        assertEquals("linked", c3.get("previous").asText());
        assertEquals("none-yet", c3.get("next").asText(), "4 was never received");
        assertTrue(c3.get("intact").asBoolean());

        JsonNode ne = detail(notEnforceable);
        assertEquals("not-enforceable", ne.get("outcome").asText());
        assertEquals("entry clock unsynchronised", ne.get("notEnforceableReason").asText());
        assertEquals("genesis", ne.get("chain").get("previous").asText());
        assertEquals("none-yet", ne.get("chain").get("next").asText());
        assertTrue(ne.get("chain").get("intact").asBoolean());
        assertEquals("", o.get("notEnforceableReason").asText());

        assertEquals(404, investigator.get("/api/v1/violations/" + Uuid7.next()).status());
        assertEquals(404, investigator.get("/api/v1/violations/" + UUID.randomUUID()).status());
        assertBadRequest(investigator.get("/api/v1/violations/not-a-uuid"), "id");
    }

    @Test
    void anAlteredViolationFailsItsDigestCheck() throws Exception {
        assertNotEquals(ViolationChain.digestOf(altered), altered.getDigest(), "the test's premise");
        JsonNode o = detail(altered);
        assertEquals(151.0, o.get("enforcedSpeedKmh").asDouble(), "shown as received");
        assertEquals(OTHER, o.get("gantryId").asText());
        JsonNode chain = o.get("chain");
        assertFalse(chain.get("digestValid").asBoolean());
        assertFalse(chain.get("intact").asBoolean());
        assertEquals("genesis", chain.get("previous").asText());
        assertEquals("none-yet", chain.get("next").asText());
    }

    @Test
    void aGapInTheChainShowsThePreviousAsMissing() throws Exception {
        JsonNode chain = detail(v5).get("chain");
        assertEquals(5, chain.get("sequence").asLong());
        assertTrue(chain.get("digestValid").asBoolean());
        assertEquals("missing", chain.get("previous").asText(), "sequence 4 never arrived");
        assertEquals("none-yet", chain.get("next").asText());
    }

    // ------------------------------------------------------------------ images

    @Test
    void theImagesOfBothReadsAreServedWithAPurposeAndAudited() throws Exception {
        String base = "/api/v1/violations/" + id(v2) + "/image";
        String purpose = "reason=" + enc(REASON) + "&case=SV-2026-0042";
        ApiClient.Reply entry = investigator.get(base + "?read=entry&kind=crop&" + purpose);
        assertEquals(200, entry.status(), entry.toString());
        assertEquals("image/jpeg", entry.header("Content-Type"));
        assertArrayEquals(v2.getEntryRead().getPlateCrop().getData().toByteArray(), entry.raw().body());
        ApiClient.Reply exit = investigator.get(base + "?read=exit&" + purpose);
        assertEquals(200, exit.status(), exit.toString());
        assertArrayEquals(v2.getExitRead().getPlateCrop().getData().toByteArray(), exit.raw().body());
        assertFalse(java.util.Arrays.equals(entry.raw().body(), exit.raw().body()), "two different images");

        assertBadRequest(investigator.get(base + "?read=entry&kind=crop&case=SV-2026-0042"), "reason");
        assertBadRequest(investigator.get(base + "?read=entry&kind=crop&reason=" + enc(REASON)), "case");
        assertBadRequest(investigator.get(base + "?read=middle&" + purpose), "read");
        assertBadRequest(investigator.get(base + "?kind=thumbnail&" + purpose), "kind");
        assertEquals(404, investigator.get(base + "?read=entry&kind=overview&" + purpose).status(), "no overview was sent");
        assertEquals(404, investigator.get("/api/v1/violations/" + Uuid7.next() + "/image?read=entry&" + purpose).status());
        for (String role : List.of("viewer", "dispatcher", "hotlist-manager")) {
            assertEquals(403, api.as(role).get(base + "?read=entry&" + purpose).status(), role);
        }

        ApiClient.Reply audit = auditor.get("/api/v1/audit?action=violation.image&limit=100");
        assertEquals(200, audit.status(), audit.toString());
        JsonNode items = audit.json().get("items");
        assertEquals(2, items.size(), "the two images served, nothing refused: " + items);
        JsonNode exitAudit = items.get(0);
        JsonNode entryAudit = items.get(1);
        for (JsonNode a : items) {
            assertEquals("investigator1", a.get("actor").asText());
            assertEquals(id(v2), a.get("target").asText());
            assertEquals(REASON, a.get("reason").asText());
            assertEquals("SV-2026-0042", a.get("case").asText());
        }
        assertEquals(Uuid7.fromBytes(v2.getEntryRead().getReadId().toByteArray()).toString(),
                ApiClient.JSON.readTree(entryAudit.get("detail").asText()).get("read").asText());
        assertEquals(Uuid7.fromBytes(v2.getExitRead().getReadId().toByteArray()).toString(),
                ApiClient.JSON.readTree(exitAudit.get("detail").asText()).get("read").asText());
        assertNull(ApiClient.JSON.readTree(exitAudit.get("detail").asText()).get("reason"));
    }

    @Test
    void theLiveStreamCarriesEachViolationAndTheGantriesComingAndGoing() throws Exception {
        ApiClient dispatcher = api.as("dispatcher");
        java.util.Map<String, Integer> types = new java.util.TreeMap<>();
        java.util.Set<String> violationIds = new java.util.HashSet<>();
        try (org.anpr.central.support.EventStreamReader stream = new org.anpr.central.support.EventStreamReader(
                dispatcher.events("?after=0", null))) {
            org.anpr.central.support.EventStreamReader.Event e;
            while ((e = stream.next(2)) != null) {
                types.merge(e.type(), 1, Integer::sum);
                if (e.type().equals("violation")) {
                    violationIds.add(e.data().get("violationId").asText());
                }
            }
        }
        assertEquals(6, types.getOrDefault("violation", 0), types.toString());
        assertTrue(violationIds.contains(id(v1)) && violationIds.contains(id(v5)), violationIds.toString());
        assertTrue(types.getOrDefault("gantry-online", 0) >= 1, "publishing gantries came online: " + types);
        assertTrue(types.getOrDefault("gantry-offline", 0) >= 1, "and went offline when they disconnected: " + types);
    }
}
