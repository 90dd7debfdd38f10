package org.anpr.central.console;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The fleet and statistics pages in headless Chromium against a real receiver: three gantries in
 * the gantries file, one online, one gone offline (its last will), one never connected, with the
 * reads and an alert they produced.
 */
class FleetAndStatsPagesTest {
    static final String HOTLISTED = "12ABC3";
    @TempDir
    Path dir;
    ApiFixture api;
    Browser browser;
    MqttClient entry;
    final SampleMessages samples = new SampleMessages(11);

    @BeforeEach
    void start() throws Exception {
        Path gantries = dir.resolve("gantries.yaml");
        Files.writeString(gantries, "gantries:\n"
                + "  " + ENTRY + ": { name: \"A2 northbound km 40\", latitude: 50.88, longitude: 4.70, road: A2 }\n"
                + "  " + EXIT + ": { name: \"A2 northbound km 52\", latitude: 50.95, longitude: 4.85, road: A2 }\n"
                + "  " + OTHER + ": { name: \"A12 westbound km 3\", latitude: 51.10, longitude: 4.35, road: A12 }\n",
                StandardCharsets.UTF_8);
        ReceiverConfig base = TestGantries.config(dir);
        api = ApiFixture.start(base.withHttp(base.http().withGantriesFile(gantries)));
        browser = new Browser(api.port(), "en");
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(List.of(), browser.consoleErrors(), "no JavaScript errors in the browser console");
        } finally {
            browser.close();
            if (entry != null) {
                TestGantries.closeQuietly(entry);
            }
            api.close();
        }
    }

    private static String topic(String gantry, TopicKind kind) {
        return Topic.of(gantry, kind).name();
    }

    private MqttClient connectWithWill(String gantry) throws Exception {
        MqttClient c = TestGantries.client(api.receiver.port(), gantry);
        MqttConnectOptions o = TestGantries.options(gantry, true);
        o.setWill(topic(gantry, TopicKind.STATUS),
                encode(samples.status(gantry).toBuilder().setState(GantryState.GANTRY_STATE_OFFLINE).build()), 1, true);
        c.connect(o);
        return c;
    }

    private void publishReads(MqttClient c, String gantry, float[] confidences, String firstPlate) throws Exception {
        long now = System.currentTimeMillis() * 1000;
        PlateReadBatch.Builder batch = PlateReadBatch.newBuilder();
        for (int i = 0; i < confidences.length; i++) {
            String plate = i == 0 && firstPlate != null ? firstPlate : "7XYZ" + gantry.length() + i;
            batch.addReads(samples.read(gantry, plate, now - 60_000_000L * (i + 1)).toBuilder().setConfidence(confidences[i]));
        }
        c.publish(topic(gantry, TopicKind.READS), encode(batch.build()), 1, false);
    }

    /** Cell texts of the rows of {@code table} by their {@code data-gantry}, read even while its details are closed. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> rows(String table) {
        return (Map<String, List<String>>) browser.js("const out = {};"
                + " for (const r of document.querySelectorAll('table[data-table=' + arguments[0] + '] tr[data-gantry]'))"
                + "   out[r.dataset.gantry] = [...r.cells].map((c) => c.textContent.trim());"
                + " return out;", table);
    }

    @Test
    void theFleetShowsEveryGantryByStateAndTheStatisticsMatchWhatWasPublished() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "F1", "plate", HOTLISTED,
                "category", "stolen-vehicle", "priority", 2)).status());
        ApiClient viewer = api.as("viewer");
        long centre = api.receiver.api().context().hotlist().version();
        assertTrue(centre >= 1, "the entry made a centre version");

        // ENTRY: online, a status with its hotlist one version behind, five reads (one hotlisted: an alert)
        entry = connectWithWill(ENTRY);
        GantryStatus entryStatus = samples.status(ENTRY).toBuilder().setOutboxBacklog(17).setFramesDropped(12)
                .setHotlistVersion(0).setCabinetDoorOpen(true).build();
        entry.publish(topic(ENTRY, TopicKind.STATUS), encode(entryStatus), 1, true);
        publishReads(entry, ENTRY, new float[] {0.95f, 0.5f, 0.8f, 0.99f, 0.92f}, HOTLISTED); // low 1, medium 1, high 3
        // EXIT: a status and two reads, then its link drops (the will marks it offline)
        MqttClient exit = connectWithWill(EXIT);
        exit.publish(topic(EXIT, TopicKind.STATUS), encode(samples.status(EXIT).toBuilder().setHotlistVersion(centre).build()), 1, true);
        publishReads(exit, EXIT, new float[] {0.6f, 0.93f}, null); // low 1, high 1
        exit.disconnectForcibly(0, 100, false);
        exit.close(true);
        // OTHER never connects
        TestGantries.await("the alert and EXIT offline", Duration.ofSeconds(10), TestGantries.unchecked(() -> {
            var fleet = viewer.get("/api/v1/fleet").json().get("items");
            boolean exitOffline = false;
            for (var g : fleet) {
                if (g.get("gantryId").asText().equals(EXIT)) {
                    exitOffline = !g.get("online").asBoolean() && g.path("state").asText().equals("offline");
                }
            }
            return exitOffline && viewer.get("/api/v1/alerts").json().get("items").size() == 1;
        }));

        browser.signIn("viewer1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=fleet]");
        browser.waitFor(d -> d.findElements(By.cssSelector("table.fleet tbody tr[data-gantry]")).size() == 3);
        assertEquals("Gantries online: 1 of 3", browser.find("p.summary").getText());
        Map<String, String> expected = Map.of(ENTRY, "online", EXIT, "offline", OTHER, "never");
        Map<String, String> words = Map.of("online", "online", "offline", "offline", "never", "never seen");
        expected.forEach((g, state) -> {
            WebElement row = browser.find("table.fleet tr[data-gantry='" + g + "']");
            assertEquals(state, row.getAttribute("data-state"), g);
            assertEquals(words.get(state), row.findElement(By.cssSelector("td.state")).getText().trim(), g + " says its state in words");
        });
        WebElement entryRow = browser.find("table.fleet tr[data-gantry='" + ENTRY + "']");
        assertTrue(entryRow.getText().contains("A2 northbound km 40"), entryRow.getText());
        assertEquals("25.0", entryRow.findElement(By.cssSelector("td.fps")).getText());
        assertEquals("12", entryRow.findElement(By.cssSelector("td.dropped")).getText());
        assertEquals("17", entryRow.findElement(By.cssSelector("td.backlog")).getText());
        assertTrue(entryRow.findElement(By.cssSelector("td.clock")).getText().contains("synchronised, \u2212120 \u00b5s"));
        assertEquals("41.5 \u00b0C", entryRow.findElement(By.cssSelector("td.temperature")).getText());
        assertEquals("open", entryRow.findElement(By.cssSelector("td.door")).getText());
        assertEquals(centre + " behind", entryRow.findElement(By.cssSelector("td.hotlist .behind")).getText(), "version 0 is behind the centre's");
        WebElement exitRow = browser.find("table.fleet tr[data-gantry='" + EXIT + "']");
        assertEquals("unknown", exitRow.findElement(By.cssSelector("td.door")).getText());
        assertTrue(exitRow.findElements(By.cssSelector("td.hotlist .behind")).isEmpty(), "EXIT has the centre's version");

        // the map: one circle per gantry, coloured by state
        browser.waitFor(d -> d.findElements(By.cssSelector(".map path.leaflet-interactive[data-state]")).size() == 3);
        Map<String, String> fills = new HashMap<>();
        for (WebElement p : browser.all(".map path.leaflet-interactive[data-state]")) {
            fills.put(p.getAttribute("data-state"), p.getAttribute("fill"));
        }
        assertEquals(Set.of("online", "offline", "never"), fills.keySet());
        assertEquals(3, new HashSet<>(fills.values()).size(), "three different fill colours: " + fills);
        assertEquals("#1e7a3c", fills.get("online"));
        assertEquals("#b3261e", fills.get("offline"));
        assertTrue(browser.all(".legend li").size() >= 4, "a legend of the states");

        // a row's button shows the gantry's detail
        entryRow.findElement(By.cssSelector("button.show")).click();
        WebElement detail = browser.waitForText("section.detail", "Software version");
        assertTrue(detail.getText().contains(ENTRY), detail.getText());
        assertTrue(detail.getText().contains("1 d 0 h 0 min"), detail.getText());
        assertEquals("true", browser.find("table.fleet tr[data-gantry='" + ENTRY + "'] button.show").getAttribute("aria-pressed"));
        browser.waitFor(d -> (Boolean) browser.js("return document.querySelectorAll('.map path').length > 10"), Duration.ofSeconds(10));
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("fleet");

        // statistics
        browser.click("nav a[data-page=stats]");
        browser.waitFor(d -> d.findElements(By.cssSelector(".uplot canvas")).size() >= 4);
        assertEquals(4, browser.all(".charts .uplot").size(), "four charts");
        Map<String, List<String>> byGantry = rows("reads-by-gantry");
        assertEquals(List.of(ENTRY, "5", "1", "1", "3"), byGantry.get(ENTRY), byGantry.toString());
        assertEquals(List.of(EXIT, "2", "1", "0", "1"), byGantry.get(EXIT), byGantry.toString());
        assertEquals(2, byGantry.size(), "OTHER read nothing");
        // waited for, not read once: the page re-renders when live events arrive, and an element
        // read across a re-render is stale
        browser.waitForText(".reads .summary", "Reads in this period: 7.");
        browser.waitForText(".confidence-total", "Of 7 reads: low 28.6%, medium 14.3%, high 57.1%.");
        browser.waitForText(".alerts .summary", "Alerts in this period: 1 (open: 1).");
        browser.waitForText(".offline .summary", "Offline at the end of the period: 1");
        browser.click(".reads details summary");
        assertTrue(browser.find("table[data-table=reads-by-gantry]").isDisplayed());
        List<String> missing = ((List<?>) browser.js("return window.anprMissingTranslations()")).stream().map(String::valueOf)
                .filter(k -> k.matches("\\w+:(nav\\.)?(fleet|stats)\\b.*")).toList();
        assertEquals(List.of(), missing, "every fleet and stats label in French and Dutch");
        browser.js("window.scrollTo(0, 0)");
        browser.screenshot("stats");

        // filtered by gantry: only EXIT's reads
        new Select(browser.find("select[name=gantry]")).selectByValue(EXIT);
        browser.click("form.filters button[type=submit]");
        browser.waitForText(".reads .summary", "Reads in this period: 2.");
        assertEquals(Set.of(EXIT), rows("reads-by-gantry").keySet());
        assertEquals(4, browser.all(".charts .uplot canvas").size());

        // in French, the fleet page says the states in French (and re-renders without errors)
        new Select(browser.find("#language")).selectByValue("fr");
        browser.waitFor(d -> d.findElements(By.cssSelector(".uplot canvas")).size() >= 4);
        browser.click("nav a[data-page=fleet]");
        assertEquals("hors ligne", browser.waitForText("table.fleet tr[data-gantry='" + EXIT + "'] td.state", "hors").getText().trim());
    }
}
