package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.EventStreamReader;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.MatchKind;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hotlisted read published by a real gantry client (Paho, MQTT over TCP) reaches a dispatcher's
 * live stream as an alert; the dispatcher opens its image with a reason and acknowledges it; a
 * client that reconnects with its last event id gets what it missed, once.
 */
class LiveAlertsTest {
    @TempDir
    Path dir;
    ApiFixture api;
    MqttClient gantry;
    final SampleMessages samples = new SampleMessages(11);

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(dir);
        gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
    }

    @AfterEach
    void stop() {
        TestGantries.closeQuietly(gantry);
        api.close();
    }

    private void listPlate(ApiClient manager, String id, String plate) throws Exception {
        ApiClient.Reply r = manager.post("/api/v1/hotlist/entries", Map.of("entryId", id, "plate", plate, "category", "stolen-vehicle",
                "priority", 1, "reference", "PV-2026-" + id, "instructions", "Do not stop alone; call for support."));
        assertEquals(201, r.status(), r.toString());
    }

    private void publish(String plate) throws Exception {
        gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder()
                .addReads(samples.read(ENTRY, plate, System.currentTimeMillis() * 1000)).build()), 1, false);
    }

    @Test
    void aHotlistedReadArrivesOnTheLiveStreamAndIsAcknowledgedWithAnOutcome() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        listPlate(manager, "E1", "12ABC3");
        ApiClient dispatcher = api.as("dispatcher");
        try (EventStreamReader stream = new EventStreamReader(dispatcher.events(null, null))) {
            assertEquals(200, stream.status());
            publish("12ABC3");
            EventStreamReader.Event alert = stream.next("alert", 10);
            assertNotNull(alert, "the alert reached the stream");
            assertEquals("12ABC3", alert.data().get("plate").asText());
            assertEquals(ENTRY, alert.data().get("gantryId").asText());
            String alertId = alert.data().get("alertId").asText();

            JsonNode open = dispatcher.get("/api/v1/alerts?state=open").json().get("items");
            assertEquals(1, open.size());
            JsonNode one = dispatcher.get("/api/v1/alerts/" + alertId).json();
            assertEquals("Do not stop alone; call for support.", one.get("entry").get("instructions").asText());
            assertEquals("stolen-vehicle", one.get("entry").get("category").asText());
            assertEquals("PV-2026-E1", one.get("entry").get("reference").asText());
            String crop = one.get("read").get("images").get("crop").asText();

            ApiClient.Reply noReason = dispatcher.get(crop);
            assertEquals(400, noReason.status());
            assertEquals("reason", noReason.json().get("field").asText());
            ApiClient.Reply image = dispatcher.get(crop + "&reason=checking+the+alert&case=PV-2026-E1");
            assertEquals(200, image.status(), image.toString());
            assertEquals("image/jpeg", image.header("Content-Type"));
            assertTrue(image.raw().body().length > 0);
            assertEquals(403, api.as("viewer").get(crop + "&reason=checking+the+alert&case=PV-2026-E1").status());

            ApiClient.Reply bad = dispatcher.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of("outcome", "caught"));
            assertEquals(400, bad.status());
            assertTrue(bad.json().get("detail").asText().contains("not-located"), bad.body());
            assertEquals(403, api.as("viewer").post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of("outcome", "intercepted")).status());
            ApiClient.Reply ack = dispatcher.post("/api/v1/alerts/" + alertId + "/acknowledge",
                    Map.of("outcome", "intercepted", "note", "stopped at the E40 exit 12"));
            assertEquals(200, ack.status(), ack.toString());
            assertEquals("dispatcher1", ack.json().get("acknowledgement").get("by").asText());
            assertEquals(409, dispatcher.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of("outcome", "misread")).status());

            EventStreamReader.Event acked = stream.next("alert-acknowledged", 10);
            assertNotNull(acked);
            assertEquals(alertId, acked.data().get("alertId").asText());
            assertEquals("intercepted", acked.data().get("outcome").asText());
            assertEquals(0, dispatcher.get("/api/v1/alerts?state=open").json().get("items").size());
            assertEquals(1, dispatcher.get("/api/v1/alerts?state=acknowledged").json().get("items").size());
        }
        JsonNode audit = api.as("auditor").get("/api/v1/audit?action=alert.image").json().get("items");
        assertEquals(1, audit.size());
        assertEquals("checking the alert", audit.get(0).get("reason").asText());
        assertEquals("PV-2026-E1", audit.get(0).get("case").asText());
    }

    @Test
    void aReconnectingClientResumesFromItsLastEventIdWithoutMissingOrRepeatingOne() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        for (int i = 0; i < 5; i++) {
            listPlate(manager, "E" + i, "10ABC" + i);
        }
        ApiClient dispatcher = api.as("dispatcher");
        List<Long> seen = new ArrayList<>();
        long last;
        try (EventStreamReader stream = new EventStreamReader(dispatcher.events(null, null))) {
            publish("10ABC0");
            publish("10ABC1");
            for (int i = 0; i < 2; i++) {
                EventStreamReader.Event e = stream.next("alert", 10);
                assertNotNull(e);
                seen.add(e.id());
            }
            last = seen.get(seen.size() - 1);
        }
        // While nobody listens, three more alerts are committed.
        publish("10ABC2");
        publish("10ABC3");
        publish("10ABC4");
        TestGantries.await("three more alerts", java.time.Duration.ofSeconds(10), TestGantries.unchecked(
                () -> dispatcher.get("/api/v1/alerts?state=all").json().get("items").size() == 5));
        try (EventStreamReader resumed = new EventStreamReader(dispatcher.events(null, Long.toString(last)))) {
            List<String> plates = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                EventStreamReader.Event e = resumed.next("alert", 10);
                assertNotNull(e, "missed alert " + i);
                assertTrue(e.id() > last, "only events after the last one seen");
                assertTrue(!seen.contains(e.id()));
                seen.add(e.id());
                plates.add(e.data().get("plate").asText());
            }
            assertEquals(List.of("10ABC2", "10ABC3", "10ABC4"), plates, "in commit order");
            assertNull(resumed.next("alert", 1), "and nothing twice");
        }
        try (EventStreamReader byParam = new EventStreamReader(dispatcher.events("?after=0", null))) {
            int alerts = 0;
            while (byParam.next("alert", 2) != null) {
                alerts++;
            }
            assertEquals(5, alerts, "?after=0 replays the whole log");
        }
    }

    @Test
    void theFleetShowsTheGantryOnlineWithItsHotlistVersion() throws Exception {
        ApiClient viewer = api.as("viewer");
        TestGantries.await("gantry online", java.time.Duration.ofSeconds(10), TestGantries.unchecked(() -> {
            JsonNode items = viewer.get("/api/v1/fleet").json().get("items");
            for (JsonNode g : items) {
                if (g.get("gantryId").asText().equals(ENTRY) && g.get("online").asBoolean()) {
                    return true;
                }
            }
            return false;
        }));
        JsonNode one = viewer.get("/api/v1/fleet/" + ENTRY).json();
        assertEquals(ENTRY, one.get("gantryId").asText());
        assertTrue(one.has("centreHotlistVersion"));
        assertEquals(404, viewer.get("/api/v1/fleet/NOPE-1").status());
    }

    @Test
    void theGantrysAlertAndTheCentresSecondCheckOfOneSightingAreOneLineAndSettledTogether() throws Exception {
        listPlate(api.as("hotlist-manager"), "E9", "77XYZ7");
        HotlistEntry entry = api.receiver.hotlist().entry("E9").orElseThrow();
        org.anpr.protocol.v1.PlateRead read = samples.read(ENTRY, "77XYZ7", System.currentTimeMillis() * 1000);
        HotlistAlert edge = HotlistAlert.newBuilder().setAlertId(com.google.protobuf.ByteString.copyFrom(
                        org.anpr.protocol.ids.Uuid7.toBytes(org.anpr.protocol.ids.Uuid7.next())))
                .setRead(read).setEntry(entry).setMatchKind(MatchKind.MATCH_KIND_EXACT).setHotlistVersion(api.receiver.hotlist().version()).build();
        gantry.publish(Topic.of(ENTRY, TopicKind.ALERTS).name(), encode(edge), 1, false);
        gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder().addReads(read).build()), 1, false);
        ApiClient dispatcher = api.as("dispatcher");
        TestGantries.await("both alerts stored", java.time.Duration.ofSeconds(10), TestGantries.unchecked(
                () -> api.receiver.store().countAlerts(org.anpr.central.store.StoreWrite.AlertSource.CENTRAL) == 1
                        && api.receiver.store().countAlerts(org.anpr.central.store.StoreWrite.AlertSource.EDGE) == 1));
        JsonNode open = dispatcher.get("/api/v1/alerts").json().get("items");
        assertEquals(1, open.size(), "one sighting, one line: " + open);
        assertEquals("edge", open.get(0).get("source").asText());
        assertTrue(open.get(0).get("confirmedByCentre").asBoolean());
        assertEquals(200, dispatcher.post("/api/v1/alerts/" + open.get(0).get("id").asText() + "/acknowledge",
                Map.of("outcome", "not-located")).status());
        JsonNode all = dispatcher.get("/api/v1/alerts?state=open").json().get("items");
        assertEquals(0, all.size(), "the centre's twin is settled with it");
    }
}
