package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart figures, from reads, alerts and presence the receiver really stored. */
class StatsApiTest {
    @TempDir
    Path dir;
    ApiFixture api;
    final SampleMessages samples = new SampleMessages(5);

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsPerHourPerGantryWithConfidenceBands() throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        long base = hour.toEpochMilli() * 1000;
        float[] confidences = {0.5f, 0.95f, 0.8f, 0.99f, 0.92f};
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        try {
            PlateReadBatch.Builder batch = PlateReadBatch.newBuilder();
            for (int i = 0; i < confidences.length; i++) {
                batch.addReads(samples.read(ENTRY, "12ABC" + i, base + 60_000_000L * i).toBuilder().setConfidence(confidences[i]));
            }
            batch.addReads(samples.read(ENTRY, "99XYZ9", base + 3_600_000_000L + 5_000_000).toBuilder().setConfidence(0.91f));
            gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(batch.build()), 1, false);
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        ApiClient viewer = api.as("viewer");
        JsonNode stats = viewer.get("/api/v1/stats/reads?from=" + hour.minus(1, ChronoUnit.HOURS) + "&to=" + hour.plus(3, ChronoUnit.HOURS)).json();
        JsonNode items = stats.get("items");
        assertEquals(2, items.size(), stats.toString());
        JsonNode first = items.get(0);
        assertEquals(ENTRY, first.get("gantryId").asText());
        assertEquals(hour.toString(), first.get("hour").asText());
        assertEquals(5, first.get("reads").asLong());
        assertEquals(1, first.get("low").asLong());
        assertEquals(1, first.get("medium").asLong());
        assertEquals(3, first.get("high").asLong());
        assertEquals(1, items.get(1).get("reads").asLong());
        assertEquals(6, stats.get("confidence").get("reads").asLong());
        assertEquals(4.0 / 6, stats.get("confidence").get("high").asDouble(), 1e-9);
        assertEquals(0, viewer.get("/api/v1/stats/reads?gantry=" + EXIT + "&from=" + hour + "&to=" + hour.plus(3, ChronoUnit.HOURS))
                .json().get("items").size(), "filtered by gantry");
        ApiClient.Reply tooLong = viewer.get("/api/v1/stats/reads?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");
        assertEquals(400, tooLong.status());
        assertEquals("from", tooLong.json().get("field").asText());
        assertEquals(403, api.as("auditor").get("/api/v1/stats/reads").status());
    }

    @Test
    void alertsPerDayByOutcomeAndGantriesOfflineOverTime() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "S" + i, "plate", "30ABC" + i,
                    "category", "stolen-vehicle", "priority", 2)).status());
        }
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        for (int i = 0; i < 3; i++) {
            gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder()
                    .addReads(samples.read(ENTRY, "30ABC" + i, System.currentTimeMillis() * 1000)).build()), 1, false);
        }
        ApiClient dispatcher = api.as("dispatcher");
        TestGantries.await("three alerts", Duration.ofSeconds(10), TestGantries.unchecked(
                () -> dispatcher.get("/api/v1/alerts").json().get("items").size() == 3));
        JsonNode open = dispatcher.get("/api/v1/alerts").json().get("items");
        assertEquals(200, dispatcher.post("/api/v1/alerts/" + open.get(0).get("id").asText() + "/acknowledge",
                Map.of("outcome", "intercepted")).status());
        assertEquals(200, dispatcher.post("/api/v1/alerts/" + open.get(1).get("id").asText() + "/acknowledge",
                Map.of("outcome", "misread")).status());
        TestGantries.closeQuietly(gantry); // the gantry goes offline
        JsonNode perDay = dispatcher.get("/api/v1/stats/alerts").json().get("items");
        Map<String, Long> byOutcome = new java.util.TreeMap<>();
        perDay.forEach(d -> byOutcome.merge(d.get("outcome").asText(), d.get("alerts").asLong(), Long::sum));
        assertEquals(Map.of("intercepted", 1L, "misread", 1L, "open", 1L), byOutcome);

        TestGantries.await("offline counted", Duration.ofSeconds(10), TestGantries.unchecked(() -> {
            JsonNode hours = dispatcher.get("/api/v1/stats/offline").json().get("items");
            return hours.get(hours.size() - 1).get("offline").asInt() == 1;
        }));
        JsonNode hours = dispatcher.get("/api/v1/stats/offline").json().get("items");
        assertEquals(24, hours.size(), "one bucket per hour of the default day");
        assertEquals(0, hours.get(0).get("offline").asInt(), "nobody was offline a day ago");
        assertTrue(hours.get(hours.size() - 1).get("maxOffline").asInt() >= 1);
    }
}
