package org.anpr.central.console;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console in headless Chromium against a real receiver: sign-in, and the live alert board. */
class AlertBoardTest {
    @TempDir
    Path dir;
    ApiFixture api;
    Browser browser;
    final SampleMessages samples = new SampleMessages(3);

    @BeforeEach
    void start() throws Exception {
        api = ApiFixture.start(dir);
        browser = new Browser(api.port(), "en");
    }

    @AfterEach
    void stop() {
        try {
            assertEquals(java.util.List.of(), browser.consoleErrors(), "no JavaScript errors in the browser console");
        } finally {
            browser.close();
            api.close();
        }
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageWithTheReason() throws Exception {
        browser.open("/");
        browser.type("input[name=name]", "dispatcher1");
        browser.type("input[name=password]", "not the password");
        browser.click("form.login button[type=submit]");
        assertTrue(browser.waitForText(".notice.error", "wrong name or password").isDisplayed());
        browser.screenshot("login");
    }

    @Test
    void aHotlistedReadPublishedOverMqttAppearsLiveAndIsAcknowledged() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "W1", "plate", "12ABC3", "category", "stolen-vehicle",
                "priority", 1, "reference", "PV-2026-77", "instructions", "Approach with caution.")).status());
        browser.signIn("dispatcher1", ApiFixture.PASSWORD);
        browser.waitForText(".live", "Live");
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        try {
            long sent = System.nanoTime();
            gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder()
                    .addReads(samples.read(ENTRY, "12ABC3", System.currentTimeMillis() * 1000)).build()), 1, false);
            WebElement card = browser.waitFor(d -> d.findElements(By.cssSelector("article.alert-card")).stream().findFirst().orElse(null),
                    Duration.ofSeconds(5));
            long shownMillis = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("alert on the board " + shownMillis + " ms after the PUBACK");
            assertTrue(card.getText().contains("12ABC3"));
            assertTrue(card.getText().contains("Approach with caution."));
            assertTrue(card.getText().contains("PV-2026-77"));
            assertTrue(card.getAttribute("class").contains("flash"), "priority 1 flashes");
            browser.waitFor(d -> (Boolean) browser.js("const i = document.querySelector('article.alert-card img.crop');"
                    + " return i !== null && i.complete && i.naturalWidth > 0;"));
            browser.screenshot("alert-board");
            new Select(card.findElement(By.cssSelector("select[name=outcome]"))).selectByValue("intercepted");
            card.findElement(By.cssSelector("input[name=note]")).sendKeys("stopped at exit 12");
            card.findElement(By.cssSelector("form.ack button[type=submit]")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector("article.alert-card")).isEmpty());
            assertTrue(browser.find("p.empty").isDisplayed(), "the open board is empty again");
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        var acked = api.as("dispatcher").get("/api/v1/alerts?state=acknowledged").json().get("items");
        assertEquals(1, acked.size());
        assertEquals("intercepted", acked.get(0).get("acknowledgement").get("outcome").asText());
        assertEquals("stopped at exit 12", acked.get(0).get("acknowledgement").get("note").asText());
    }

    @Test
    void theBoardShowsALostLiveLinkAndCatchesUpWhenItReturns() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "W2", "plate", "45XYZ6", "category", "wanted-person",
                "priority", 3)).status());
        browser.signIn("dispatcher1", ApiFixture.PASSWORD);
        browser.waitForText(".live", "Live");
        api.receiver.api().context().events().disconnectAll();
        browser.waitFor(d -> browser.find(".live").getText().contains("lost"), Duration.ofSeconds(5));
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        try {
            // committed while the board is not connected: the reconnect (Last-Event-ID) brings it
            gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(PlateReadBatch.newBuilder()
                    .addReads(samples.read(ENTRY, "45XYZ6", System.currentTimeMillis() * 1000)).build()), 1, false);
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        browser.waitForText(".live", "Live");
        WebElement card = browser.waitFor(d -> d.findElements(By.cssSelector("article.alert-card")).stream().findFirst().orElse(null),
                Duration.ofSeconds(10));
        assertTrue(card.getText().contains("45XYZ6"));
        assertTrue(!card.getAttribute("class").contains("flash"), "priority 3 is below the default flash threshold of 2");
    }

    @Test
    void anExpiredSessionBringsTheLoginPageBack() throws Exception {
        browser.signIn("viewer1", ApiFixture.PASSWORD);
        browser.find(".live");
        api.receiver.api().context().sessions().closeAll(api.receiver.api().context().accounts().find("viewer1").orElseThrow().id());
        // The next request the page makes (here: the board reloading) meets the 401.
        browser.js("window.location.hash = '#/alerts?again=1'");
        browser.find("form.login");
        assertTrue(browser.waitForText(".notice", "session has ended").isDisplayed());
    }
}
