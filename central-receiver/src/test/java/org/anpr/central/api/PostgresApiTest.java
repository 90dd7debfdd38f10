package org.anpr.central.api;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.EventStreamReader;
import org.anpr.central.support.PostgresCluster;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' API on the PostgreSQL profile, end to end: sign-in, a hotlisted read from a real
 * gantry client becoming an alert on the board and the live stream, acknowledgement, read
 * searches, the audit chain and a hotlist CSV upload that alerts on the next read.
 */
class PostgresApiTest {
    @RegisterExtension
    static final PostgresCluster CLUSTER = new PostgresCluster();

    @TempDir
    Path dir;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String idOf(PlateRead r) {
        return Uuid7.fromBytes(r.getReadId().toByteArray()).toString();
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    void theWholeApiServesFromPostgresql() throws Exception {
        ReceiverConfig d = TestGantries.config(dir);
        ReceiverConfig config = d.withStore(d.store().withPostgresql(CLUSTER.newDatabase()))
                .withHttp(d.http().withListen("127.0.0.1", 0));
        assertEquals(StoreConfig.Type.POSTGRESQL, config.store().type());
        try (ApiFixture api = ApiFixture.start(config)) {
            ApiClient wrong = new ApiClient(api.port());
            assertEquals(401, wrong.signIn("dispatcher1", "not the password", null).status());
            ApiClient manager = api.as("hotlist-manager");
            ApiClient dispatcher = api.as("dispatcher");
            ApiClient investigator = api.as("investigator");
            ApiClient auditor = api.as("auditor");
            assertEquals("dispatcher1", dispatcher.get("/api/v1/session").json().path("name").asText(null));

            ApiClient.Reply listed = manager.post("/api/v1/hotlist/entries", Map.of("entryId", "PG-1", "plate", "12ABC3",
                    "category", "stolen-vehicle", "priority", 1, "reference", "PV-PG-1"));
            assertEquals(201, listed.status(), listed.toString());

            long now = System.currentTimeMillis() * 1000;
            SampleMessages samples = new SampleMessages(41, 600);
            PlateRead hit = samples.read(ENTRY, "12ABC3", now - 60_000_000L);
            PlateRead lookAlike = samples.read(ENTRY, "I2A8C3", now - 120_000_000L);
            PlateRead other = samples.read(ENTRY, "99XYZ9", now - 180_000_000L);
            MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
            try (EventStreamReader stream = new EventStreamReader(dispatcher.events(null, null))) {
                assertEquals(200, stream.status());
                gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder()
                        .addReads(hit).addReads(lookAlike).addReads(other).build()), 1, false);
                assertEquals(3, api.receiver.store().countReads(), "in PostgreSQL when PUBACK came");

                EventStreamReader.Event alert = stream.next("alert", 10);
                assertNotNull(alert, "the alert reached the live stream");
                assertEquals("12ABC3", alert.data().get("plate").asText());
                assertEquals(ENTRY, alert.data().get("gantryId").asText());
                String alertId = alert.data().get("alertId").asText();

                JsonNode open = dispatcher.get("/api/v1/alerts?state=open").json().get("items");
                assertEquals(1, open.size(), open.toString());
                assertEquals(alertId, open.get(0).get("id").asText());
                assertEquals(idOf(hit), open.get(0).get("read").get("id").asText());
                ApiClient.Reply ack = dispatcher.post("/api/v1/alerts/" + alertId + "/acknowledge",
                        Map.of("outcome", "intercepted", "note", "stopped at exit 12"));
                assertEquals(200, ack.status(), ack.toString());
                assertEquals("acknowledged", ack.json().get("state").asText());
                EventStreamReader.Event acked = stream.next("alert-acknowledged", 10);
                assertNotNull(acked);
                assertEquals(alertId, acked.data().get("alertId").asText());
                assertEquals(0, dispatcher.get("/api/v1/alerts?state=open").json().get("items").size());
                assertEquals(1, dispatcher.get("/api/v1/alerts?state=acknowledged").json().get("items").size());

                // Searches on PostgreSQL: exact, tolerant, wildcard, pages, a read and its image.
                String purpose = "reason=" + enc("checking a stolen car") + "&case=PV-PG-1";
                ApiClient.Reply exact = investigator.get("/api/v1/reads?plate=12ABC3&" + purpose);
                assertEquals(200, exact.status(), exact.toString());
                assertEquals(List.of(idOf(hit)), ids(exact.json().get("items")));
                ApiClient.Reply tolerant = investigator.get("/api/v1/reads?plate=I2ABC3&mode=tolerant&" + purpose);
                assertEquals(200, tolerant.status(), tolerant.toString());
                assertEquals(List.of(idOf(hit), idOf(lookAlike)), ids(tolerant.json().get("items")), "newest first");
                ApiClient.Reply wildcard = investigator.get("/api/v1/reads?plate=" + enc("?2A?C3") + "&mode=wildcard&" + purpose);
                assertEquals(List.of(idOf(hit), idOf(lookAlike)), ids(wildcard.json().get("items")));
                ApiClient.Reply page1 = investigator.get("/api/v1/reads?gantry=" + ENTRY + "&limit=2&" + purpose);
                assertEquals(List.of(idOf(hit), idOf(lookAlike)), ids(page1.json().get("items")));
                ApiClient.Reply page2 = investigator.get("/api/v1/reads?gantry=" + ENTRY + "&limit=2&cursor="
                        + page1.json().get("next").asText() + "&" + purpose);
                assertEquals(List.of(idOf(other)), ids(page2.json().get("items")));
                ApiClient.Reply image = investigator.get("/api/v1/reads/" + idOf(lookAlike) + "/image?kind=crop&" + purpose);
                assertEquals(200, image.status(), image.toString());
                assertArrayEquals(lookAlike.getPlateCrop().getData().toByteArray(), image.raw().body());
                assertEquals(404, investigator.get("/api/v1/reads/" + Uuid7.next() + "?" + purpose).status());
                JsonNode trajectory = investigator.get("/api/v1/trajectory?plate=12ABC3&" + purpose).json();
                assertEquals(List.of(idOf(hit)), ids(trajectory.get("sightings")));

                // A CSV upload is one version and the very next read of a listed plate alerts.
                ApiClient.Reply upload = manager.send("POST", "/api/v1/hotlist/upload",
                        "entry_id,plate,category,priority,country,action\r\nPG-2,34 csv 5,wanted-person,2,NL,\r\n"
                                + "PG-3,56CSV7,uninsured,5,,\r\n", "text/csv", true);
                assertEquals(200, upload.status(), upload.toString());
                assertEquals(2, upload.json().get("upserts").asInt());
                assertEquals(upload.json().get("version").asLong(), api.receiver.hotlist().version());
                assertEquals("34CSV5", manager.get("/api/v1/hotlist/entries/PG-2").json().get("plate").asText());
                PlateRead listedByCsv = samples.read(ENTRY, "34CSV5", System.currentTimeMillis() * 1000);
                gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(),
                        encode(PlateReadBatch.newBuilder().addReads(listedByCsv).build()), 1, false);
                EventStreamReader.Event second = stream.next("alert", 10);
                assertNotNull(second, "an alert for the uploaded entry");
                assertEquals("34CSV5", second.data().get("plate").asText());
                TestGantries.await("the second alert on the board", Duration.ofSeconds(10), TestGantries.unchecked(
                        () -> dispatcher.get("/api/v1/alerts?state=open").json().get("items").size() == 1));
                assertEquals(idOf(listedByCsv),
                        dispatcher.get("/api/v1/alerts?state=open").json().get("items").get(0).get("read").get("id").asText());
            } finally {
                TestGantries.closeQuietly(gantry);
            }

            JsonNode searches = auditor.get("/api/v1/audit?action=reads.search").json().get("items");
            assertEquals(5, searches.size(), searches.toString());
            assertEquals("PV-PG-1", searches.get(0).get("case").asText());
            assertEquals("investigator1", searches.get(0).get("actor").asText());
            assertEquals(1, auditor.get("/api/v1/audit?action=alert.acknowledge").json().get("items").size());
            assertEquals(1, auditor.get("/api/v1/audit?action=hotlist.upload").json().get("items").size());
            ApiClient.Reply verify = auditor.get("/api/v1/audit/verify");
            assertEquals(200, verify.status(), verify.toString());
            assertTrue(verify.json().get("ok").asBoolean(), verify.body());
            assertTrue(verify.json().get("checked").asLong() >= 15, verify.body());
        }
    }
}
