package org.anpr.central.console;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The investigation pages in headless Chromium against a real receiver whose reads and sealed
 * violations were published over MQTT by real gantry clients (Paho), with gantry positions from a
 * gantries file: search (purpose first, look-alikes, paging, a read with its images, errors naming
 * the field, export), trajectory (timeline and map) and violations (evidence, speed calculation,
 * chain check OK and BROKEN; no images for a viewer).
 */
class InvestigationPagesTest {
    private static final String PLATE = "1ABC234";
    private static final String LOOK_ALIKE = "1A8C234";
    /** A gantry with credentials but no position in the gantries file. */
    private static final String UNMAPPED = "N4-S-km21";
    private static final String SECTION = "A2-km40-km52";
    private static final Map<String, Object[]> POSITIONS = Map.of(
            ENTRY, new Object[] {"A2 northbound km 40 (Leuven)", 50.8801, 4.7012},
            EXIT, new Object[] {"A2 northbound km 52 (Aarschot)", 50.9702, 4.8323},
            OTHER, new Object[] {"A12 westbound km 3 (Antwerpen)", 51.1803, 4.3904});
    /** The trajectory of PLATE: gantry and minutes ago, in time order. */
    private static final List<Object[]> ROUTE = List.of(new Object[] {ENTRY, 185}, new Object[] {EXIT, 176},
            new Object[] {OTHER, 121}, new Object[] {UNMAPPED, 64}, new Object[] {ENTRY, 22});
    private static final int FILLER_AT_ENTRY = 24;

    @TempDir
    static Path dir;
    static ApiFixture api;
    static ApiClient auditor;
    static long nowMicros;
    static final Map<String, PlateRead> published = new LinkedHashMap<>();
    static SectionViolation v1;
    static SectionViolation v2;
    static SectionViolation v3;
    static SectionViolation tampered;
    static SectionViolation notEnforceable;

    Browser browser;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder credentials = new StringBuilder();
        for (String g : List.of(ENTRY, EXIT, OTHER, UNMAPPED)) {
            credentials.append(g).append(':').append(PasswordHasher.hash(TestGantries.password(g).toCharArray(), 1_000)).append('\n');
        }
        Path credentialsFile = Files.writeString(dir.resolve("gantry-credentials"), credentials, StandardCharsets.UTF_8);
        StringBuilder yaml = new StringBuilder("gantries:\n");
        POSITIONS.forEach((g, p) -> yaml.append("  ").append(g).append(": { name: \"").append(p[0]).append("\", latitude: ")
                .append(p[1]).append(", longitude: ").append(p[2]).append(", road: ").append(g.substring(0, g.indexOf('-'))).append(" }\n"));
        Path gantries = Files.writeString(dir.resolve("gantries.yaml"), yaml, StandardCharsets.UTF_8);
        ReceiverConfig base = TestGantries.config(dir).withAuth(new AuthConfig(credentialsFile));
        api = ApiFixture.start(base.withHttp(base.http().withGantriesFile(gantries)));
        auditor = api.as("auditor");

        nowMicros = System.currentTimeMillis() / 1000 * 1_000_000L;
        SampleMessages samples = new SampleMessages(5);
        Map<String, PlateReadBatch.Builder> batches = new LinkedHashMap<>();
        int lane = 0;
        for (Object[] stop : ROUTE) {
            String g = (String) stop[0];
            PlateRead r = read(samples, g, PLATE, "BE", (Integer) stop[1], 1 + lane++ % 3, 0.93f, true);
            batches.computeIfAbsent(g, k -> PlateReadBatch.newBuilder()).addReads(r);
        }
        batches.computeIfAbsent(EXIT, k -> PlateReadBatch.newBuilder())
                .addReads(read(samples, EXIT, LOOK_ALIKE, "BE", 90, 2, 0.71f, true));
        for (int i = 0; i < FILLER_AT_ENTRY; i++) {
            batches.get(ENTRY).addReads(read(samples, ENTRY, samples.plateText(), "NL", 5 + i * 12, 1 + i % 3, 0.80f + (i % 5) * 0.04f, false));
        }
        for (Map.Entry<String, PlateReadBatch.Builder> e : batches.entrySet()) {
            MqttClient gantry = TestGantries.connect(api.receiver.port(), e.getKey(), true);
            try {
                gantry.publish(Topic.of(e.getKey(), TopicKind.READS).name(), encode(e.getValue().build()), 1, false);
            } finally {
                TestGantries.closeQuietly(gantry);
            }
        }

        v1 = ViolationChain.seal(violation(samples, ENTRY, EXIT, SECTION, "2DEF345", 45, 131.5), 1, ViolationChain.GENESIS);
        v2 = ViolationChain.seal(violation(samples, ENTRY, EXIT, SECTION, "1GHK567", 40, 118.2), 2, v1.getDigest());
        v3 = ViolationChain.seal(violation(samples, ENTRY, EXIT, SECTION, "1MNP890", 35, 124.0), 3, v2.getDigest());
        tampered = ViolationChain.seal(violation(samples, "A12-W-km0", OTHER, "A12-km0-km3", "2RST456", 30, 121.0), 1,
                ViolationChain.GENESIS).toBuilder().setEnforcedSpeedKmh(151.0).build();
        notEnforceable = ViolationChain.seal(violation(samples, "A2-N-km28", ENTRY, "A2-km28-km40", "1VWX123", 25, 0).toBuilder()
                .setOutcome(ViolationOutcome.VIOLATION_OUTCOME_NOT_ENFORCEABLE)
                .setNotEnforceableReason("entry clock unsynchronised").build(), 1, ViolationChain.GENESIS);
        publishViolations(EXIT, v1, v2, v3);
        publishViolations(OTHER, tampered);
        publishViolations(ENTRY, notEnforceable);
        TestGantries.await("reads and violations stored", Duration.ofSeconds(10), TestGantries.unchecked(() ->
                api.receiver.store().countReads() == published.size() && api.receiver.store().countViolations() == 5));
    }

    @AfterAll
    static void stopAll() {
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser(api.port(), "en");
    }

    @AfterEach
    void closeBrowser() {
        try {
            assertEquals(List.of(), browser.consoleErrors(), "no JavaScript errors in the browser console");
            assertEquals(List.of(), browser.js("return window.anprMissingTranslations()"), "every label in French and Dutch");
        } finally {
            browser.close();
        }
    }

    // ------------------------------------------------------------------ data

    private static PlateRead read(SampleMessages samples, String gantry, String plate, String country, int minutesAgo, int lane,
                                  float confidence, boolean withOverview) {
        PlateRead.Builder b = samples.read(gantry, plate, nowMicros - minutesAgo * 60_000_000L).toBuilder()
                .setCountry(country).setLane(lane).setCameraId("cam-" + lane).setConfidence(confidence)
                .setPlateFormat("BE".equals(country) ? "BE-1-LLL-999" : "NL-sidecode-8")
                .setPlateCrop(jpeg(plateImage(plate, country), 240, 52));
        if (withOverview) {
            b.setOverview(jpeg(overviewImage(plate, country, gantry, lane), 640, 360));
        }
        PlateRead r = b.build();
        published.put(Uuid7.fromBytes(r.getReadId().toByteArray()).toString(), r);
        return r;
    }

    /** 12 km in 330 s; the exit clock in holdover; both reads with a crop and an overview. */
    private static SectionViolation violation(SampleMessages samples, String entryGantry, String exitGantry, String section,
                                              String plate, int minutesAgo, double enforced) {
        long entryMicros = nowMicros - minutesAgo * 60_000_000L;
        PlateRead entry = samples.read(entryGantry, plate, entryMicros).toBuilder().setCountry("BE").setLane(2).setCameraId("cam-2")
                .setPlateCrop(jpeg(plateImage(plate, "BE"), 240, 52)).setOverview(jpeg(overviewImage(plate, "BE", entryGantry, 2), 640, 360))
                .build();
        PlateRead exit = samples.read(exitGantry, plate, entryMicros + 330_000_000L).toBuilder().setCountry("BE").setLane(1).setCameraId("cam-1")
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(entryMicros + 330_000_000L)
                        .setSync(ClockSync.CLOCK_SYNC_HOLDOVER).setEstErrorMicros(2_000))
                .setPlateCrop(jpeg(plateImage(plate, "BE"), 240, 52)).setOverview(jpeg(overviewImage(plate, "BE", exitGantry, 1), 640, 360))
                .build();
        return SectionViolation.newBuilder()
                .setViolationId(com.google.protobuf.ByteString.copyFrom(Uuid7.toBytes(Uuid7.next()))).setSectionId(section)
                .setOutcome(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION).setEntryRead(entry).setExitRead(exit)
                .setDistanceM(12_000).setDistanceUncertaintyM(3).setConservativeElapsedMicros(330_002_500L)
                .setMeasuredSpeedKmh(130.9).setConservativeSpeedKmh(130.87).setSpeedLimitKmh(100)
                .setMarginKmh(4.0).setEnforcedSpeedKmh(enforced).setMarginRule("BE-3pct-min3").build();
    }

    private static void publishViolations(String gantry, SectionViolation... violations) throws Exception {
        MqttClient c = TestGantries.connect(api.receiver.port(), gantry, true);
        try {
            for (SectionViolation v : violations) {
                c.publish(Topic.of(gantry, TopicKind.VIOLATIONS).name(), encode(v), 1, false);
            }
        } finally {
            TestGantries.closeQuietly(c);
        }
    }

    private static Image jpeg(BufferedImage img, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(width).setHeight(height)
                    .setData(com.google.protobuf.ByteString.copyFrom(out.toByteArray())).build();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A number plate as a camera crops it: Belgian white with red letters, Dutch yellow with black. */
    private static BufferedImage plateImage(String plate, String country) {
        BufferedImage img = new BufferedImage(240, 52, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawPlate(g, plate, country, 0, 0, 240, 52);
        g.dispose();
        return img;
    }

    private static void drawPlate(Graphics2D g, String plate, String country, int x, int y, int w, int h) {
        boolean be = "BE".equals(country);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(x, y, w, h);
        g.setColor(be ? new Color(246, 246, 242) : new Color(247, 200, 20));
        g.fillRoundRect(x + 2, y + 2, w - 4, h - 4, h / 6, h / 6);
        int band = w / 11;
        g.setColor(new Color(0, 51, 153));
        g.fillRect(x + 2, y + 2, band, h - 4);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, h / 3)));
        FontMetrics cm = g.getFontMetrics();
        g.drawString(be ? "B" : "NL", x + 2 + (band - cm.stringWidth(be ? "B" : "NL")) / 2, y + h - h / 5);
        String text = be && plate.length() == 7 ? plate.charAt(0) + "-" + plate.substring(1, 4) + "-" + plate.substring(4)
                : plate.length() == 6 ? plate.substring(0, 2) + "-" + plate.substring(2, 5) + "-" + plate.substring(5) : plate;
        g.setColor(be ? new Color(160, 16, 30) : new Color(20, 20, 20));
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, (int) (h * 0.62)));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, x + band + (w - band - fm.stringWidth(text)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
        if (be) {
            g.setStroke(new BasicStroke(Math.max(1, h / 26f)));
            g.drawRoundRect(x + band + 4, y + 4, w - band - 8, h - 8, h / 6, h / 6);
        }
    }

    /** An overview frame: the road seen from the gantry, a car, its plate, and the camera's caption. */
    private static BufferedImage overviewImage(String plate, String country, String gantry, int lane) {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 74, 80), 0, 360, new Color(40, 42, 46)));
        g.fillRect(0, 0, 640, 360);
        g.setColor(new Color(230, 230, 230));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {30, 26}, 0));
        g.drawLine(213, 0, 150, 360);
        g.drawLine(426, 0, 490, 360);
        g.setStroke(new BasicStroke(5));
        g.drawLine(20, 0, -60, 360);
        g.drawLine(620, 0, 700, 360);
        int cx = 110 + (lane - 1) * 210;
        g.setColor(new Color(24, 24, 28));
        g.fillRoundRect(cx + 8, 100, 204, 210, 40, 40);
        g.setColor(new Color(120, 128, 140));
        g.fillRoundRect(cx, 90, 220, 200, 46, 46);
        g.setColor(new Color(50, 62, 80));
        g.fillRoundRect(cx + 24, 104, 172, 70, 20, 20);
        g.setColor(new Color(200, 40, 30));
        g.fillRect(cx + 10, 200, 36, 16);
        g.fillRect(cx + 174, 200, 36, 16);
        drawPlate(g, plate, country, cx + 62, 230, 96, 22);
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(0, 330, 640, 30);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 15));
        g.drawString(gantry + "  cam-" + lane + "  lane " + lane, 10, 350);
        g.dispose();
        return img;
    }

    private static String id(SectionViolation v) {
        return Uuid7.fromBytes(v.getViolationId().toByteArray()).toString();
    }

    // ------------------------------------------------------------------ browser helpers

    private static List<JsonNode> audited(String action) throws Exception {
        ApiClient.Reply r = auditor.get("/api/v1/audit?action=" + action + "&limit=1000");
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        return out;
    }

    private void go(String hash) {
        browser.js("window.location.hash = arguments[0]", hash);
    }

    /** Answers the purpose dialog. */
    private void givePurpose(String reason, String caseRef) {
        browser.type("dialog.purpose input[name=reason]", reason);
        browser.type("dialog.purpose input[name=case]", caseRef);
        browser.click("dialog.purpose button[type=submit]");
        browser.waitFor(d -> d.findElements(By.cssSelector("dialog.purpose")).isEmpty());
    }

    private void cancelPurpose() {
        browser.click("dialog.purpose .actions button[type=button]");
        browser.waitFor(d -> d.findElements(By.cssSelector("dialog.purpose")).isEmpty());
    }

    /** Waits until an element matching {@code css} says {@code text} (read in the page: it may be redrawn meanwhile). */
    private void waitText(String css, String text) {
        browser.waitFor(d -> (Boolean) browser.js("return [...document.querySelectorAll(arguments[0])]"
                + ".some((e) => e.textContent.includes(arguments[1]))", css, text));
    }

    private boolean imageLoaded(String css) {
        return (Boolean) browser.js("const i = document.querySelector(arguments[0]);"
                + " return i !== null && i.complete && i.naturalWidth > 0;", css);
    }

    private boolean allImagesLoaded(String css) {
        return (Boolean) browser.js("const a = [...document.querySelectorAll(arguments[0])];"
                + " return a.length > 0 && a.every((i) => i.complete && i.naturalWidth > 0);", css);
    }

    private List<WebElement> rows(String table, int count) {
        return browser.waitFor(d -> {
            List<WebElement> r = d.findElements(By.cssSelector(table + " tbody tr"));
            return r.size() == count ? r : null;
        });
    }

    private List<String> ids(String table, String attribute) {
        return browser.all(table + " tbody tr").stream().map(e -> e.getAttribute(attribute)).toList();
    }

    /** Fills the form's plate, mode and gantry. */
    private void searchFor(String plate, String mode, String gantry) {
        browser.type("form.filters input[name=plate]", plate);
        new Select(browser.find("form.filters select[name=mode]")).selectByValue(mode);
        browser.type("form.filters input[name=gantry]", gantry);
    }

    // ------------------------------------------------------------------ search

    @Test
    void aSearchAsksThePurposeFirstThenPagesOpensAReadAndExports() throws Exception {
        browser.signIn("investigator1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=search]");
        browser.find("form.filters input[name=plate]");
        int searchesBefore = audited("reads.search").size();

        // Cancelled: nothing is sent.
        searchFor(PLATE, "exact", "");
        browser.click("form.filters button[type=submit]");
        cancelPurpose();
        waitText(".status .notice", "nothing was sent");
        Thread.sleep(300);
        assertEquals(searchesBefore, audited("reads.search").size(), "a cancelled search sends nothing");
        assertTrue(browser.all("table.results-table").isEmpty());

        // With a reason: the exact plate, audited with that reason.
        browser.click("form.filters button[type=submit]");
        givePurpose("tracing a stolen Audi A4", "PV-2026-0815");
        List<WebElement> exact = rows("table.results-table", 5);
        assertTrue(exact.stream().allMatch(r -> r.getText().contains(PLATE)), "only the exact plate");
        List<JsonNode> searches = audited("reads.search");
        assertEquals(searchesBefore + 1, searches.size());
        JsonNode entry = searches.get(0);
        assertEquals("investigator1", entry.get("actor").asText());
        assertEquals("tracing a stolen Audi A4", entry.get("reason").asText());
        assertEquals("PV-2026-0815", entry.get("case").asText());
        assertTrue(browser.find(".results .purpose").getText().contains("PV-2026-0815"), "the purpose recorded is shown");

        // Tolerant: the look-alike 1A8C234 too.
        new Select(browser.find("form.filters select[name=mode]")).selectByValue("tolerant");
        browser.click("form.filters button[type=submit]");
        givePurpose("tracing a stolen Audi A4", "PV-2026-0815");
        List<WebElement> tolerant = rows("table.results-table", 6);
        assertTrue(tolerant.stream().anyMatch(r -> r.getText().contains(LOOK_ALIKE)), "the look-alike is found");
        browser.waitFor(d -> allImagesLoaded("table.results-table img.crop"));
        browser.screenshot("search");

        // An error names the field.
        browser.type("form.filters input[name=plate]", "12@BC");
        browser.click("form.filters button[type=submit]");
        givePurpose("tracing a stolen Audi A4", "PV-2026-0815");
        waitText(".status .notice.error", "Plate:");
        assertEquals("true", browser.find("form.filters input[name=plate]").getAttribute("aria-invalid"));

        // Paging by gantry, 10 a page: 10, 10, then the rest of the 26 reads at the entry gantry.
        searchFor("", "exact", ENTRY);
        new Select(browser.find("form.filters select[name=limit]")).selectByValue("10");
        browser.click("form.filters button[type=submit]");
        givePurpose("tracing a stolen Audi A4", "PV-2026-0815");
        rows("table.results-table", 10);
        assertTrue(browser.find("form.filters input[name=plate]").getAttribute("aria-invalid") == null, "the error is gone");
        List<String> page1 = ids("table.results-table", "data-read-id");
        assertTrue(browser.find(".results .count").getText().contains("page 1"));
        assertFalse(browser.find(".pager button.first").isEnabled());
        browser.click(".pager button.next");
        waitText(".results .count", "page 2");
        List<String> page2 = ids("table.results-table", "data-read-id");
        assertEquals(10, page2.size());
        assertTrue(page2.stream().noneMatch(page1::contains), "no repeats across pages");
        browser.click(".pager button.next");
        waitText(".results .count", "page 3");
        assertEquals(FILLER_AT_ENTRY + 2 - 20, rows("table.results-table", FILLER_AT_ENTRY + 2 - 20).size());
        assertFalse(browser.find(".pager button.next").isEnabled(), "the last page");
        browser.click(".pager button.first");
        waitText(".results .count", "page 1");
        assertEquals(page1, ids("table.results-table", "data-read-id"));

        // Export: the same filters and purpose, as CSV.
        String href = browser.find(".results a.export").getAttribute("href");
        assertTrue(href.contains("/api/v1/reads/export?") && href.contains("gantry=" + ENTRY) && href.contains("case=PV-2026-0815"), href);
        assertEquals("reads.csv", browser.find(".results a.export").getAttribute("download"));
        String csv = (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then((r) => r.text()).then(done, (e) => done('failed ' + e));", href);
        assertTrue(csv.startsWith("read_id,captured,gantry_id"), csv);
        assertEquals(FILLER_AT_ENTRY + 2 + 1, csv.strip().split("\r?\n").length, "a header and every read at the gantry");

        // A read opens from the keyboard: metadata, both images, the way to its trajectory.
        searchFor(PLATE, "exact", "");
        browser.click("form.filters button[type=submit]");
        givePurpose("tracing a stolen Audi A4", "PV-2026-0815");
        List<WebElement> hits = rows("table.results-table", 5);
        String readId = hits.get(0).getAttribute("data-read-id");
        WebElement open = hits.get(0).findElement(By.cssSelector("button.open"));
        open.sendKeys(Keys.ENTER);
        WebElement view = browser.find("section.read-view");
        browser.waitFor(d -> imageLoaded("section.read-view img.crop") && imageLoaded("section.read-view img.overview"));
        String text = view.getText();
        assertTrue(text.contains(PLATE) && text.contains(readId) && text.contains(ENTRY) && text.contains("A2 northbound km 40"), text);
        assertTrue(text.contains("synchronised") && text.contains("anpr-ocr/0.1.0"), text);
        assertEquals("read-title", browser.js("return document.activeElement.id"), "focus moves to the read");
        String trajectory = view.findElement(By.cssSelector("a.trajectory-link")).getAttribute("href");
        assertTrue(trajectory.contains("#/trajectory?plate=" + PLATE), trajectory);
        assertTrue(audited("read.view").stream().anyMatch(a -> a.get("target").asText().equals(readId)
                && a.get("case").asText().equals("PV-2026-0815")));
        browser.screenshot("read");
        browser.click("section.read-view button.back");
        browser.find("table.results-table");
        assertEquals(readId, browser.js("return document.activeElement.closest('tr').dataset.readId"), "focus returns to the row");
    }

    // ------------------------------------------------------------------ trajectory

    @Test
    void aTrajectoryFromTheSearchPageShowsTheSightingsInOrderOnTheMap() throws Exception {
        browser.signIn("investigator1", ApiFixture.PASSWORD);
        int before = audited("reads.trajectory").size();
        go("#/trajectory?plate=" + PLATE);
        browser.waitFor(d -> PLATE.equals(browser.find("form.filters input[name=plate]").getAttribute("value")));
        assertFalse(browser.find("form.filters input[name=from]").getAttribute("value").isEmpty(), "last 24 h by default");
        browser.click("form.filters button[type=submit]");
        cancelPurpose();
        waitText(".status .notice", "nothing was sent");
        assertEquals(before, audited("reads.trajectory").size());

        browser.click("form.filters button[type=submit]");
        givePurpose("following a stolen car", "PV-2026-0815");
        List<WebElement> sightings = rows("table.timeline", ROUTE.size());
        List<String> gantryOrder = sightings.stream().map(r -> r.findElements(By.tagName("td")).get(2).getText()).toList();
        for (int i = 0; i < ROUTE.size(); i++) {
            assertTrue(gantryOrder.get(i).contains((String) ROUTE.get(i)[0]), i + ": " + gantryOrder);
        }
        List<Instant> times = browser.all("table.timeline tbody time").stream().map(e -> Instant.parse(e.getAttribute("datetime"))).toList();
        assertEquals(times.stream().sorted().toList(), times, "in time order");
        assertEquals("false", sightings.get(3).getAttribute("data-mapped"), "no position for " + UNMAPPED);
        assertTrue(sightings.get(3).getText().contains("not on the map"));
        assertTrue(browser.find(".trajectory .unmapped-note").getText().contains("(1)"));

        // Four circle markers (filled) and one line through them (unfilled), over the country outlines.
        browser.waitFor(d -> ((Number) browser.js("return document.querySelectorAll('.map path.leaflet-interactive:not([fill=none])').length"))
                .intValue() == ROUTE.size() - 1);
        assertEquals(1L, browser.js("return document.querySelectorAll('.map path.leaflet-interactive[fill=none]').length"));
        browser.waitFor(d -> (Boolean) browser.js("return document.querySelectorAll('.map path:not(.leaflet-interactive)').length > 10"),
                Duration.ofSeconds(15));
        browser.waitFor(d -> allImagesLoaded("table.timeline img.crop"));
        JsonNode audit = audited("reads.trajectory").get(0);
        assertEquals(PLATE, audit.get("target").asText());
        assertEquals("following a stolen car", audit.get("reason").asText());
        browser.screenshot("trajectory");

        // Each sighting opens its read (after the purpose, given again for this enquiry).
        sightings.get(1).findElement(By.cssSelector("a")).click();
        givePurpose("following a stolen car", "PV-2026-0815");
        browser.find("section.read-view");
        assertTrue(browser.find("section.read-view").getText().contains(EXIT));
    }

    // ------------------------------------------------------------------ violations

    @Test
    void anInvestigatorSeesBothImagesTheCalculationAndTheChainIntactOrBroken() throws Exception {
        browser.signIn("investigator1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=violations]");
        rows("table.violations-table", 5);
        assertEquals(List.of(id(notEnforceable), id(tampered), id(v3), id(v2), id(v1)), ids("table.violations-table", "data-violation-id"),
                "newest first");
        new Select(browser.find("form.filters select[name=outcome]")).selectByValue("not-enforceable");
        browser.click("form.filters button[type=submit]");
        rows("table.violations-table", 1);
        browser.type("form.filters input[name=section]", SECTION);
        new Select(browser.find("form.filters select[name=outcome]")).selectByValue("");
        browser.click("form.filters button[type=submit]");
        rows("table.violations-table", 3);
        browser.screenshot("violations");

        browser.find("tr[data-violation-id='" + id(v2) + "'] button.open").click();
        WebElement view = browser.find("section.violation-view");
        assertTrue(browser.all("section.violation-view img").isEmpty(), "no image before the purpose");
        browser.click("section.violation-view button.show-images");
        givePurpose("speeding case review", "SV-2026-0042");
        browser.waitFor(d -> allImagesLoaded("section.violation-view .read-entry img") && allImagesLoaded("section.violation-view .read-exit img"));
        assertEquals(4, browser.all("section.violation-view img").size(), "crop and overview of entry and exit");
        String text = view.getText();
        for (String expected : List.of("1GHK567", SECTION, ENTRY, EXIT, "synchronised", "holdover", "12,000 m \u00b1 3.0 m",
                "330.000 s", "330.0025 s", "130.90 km/h", "130.87 km/h", "4.0 km/h", "BE-3pct-min3", "118.20 km/h", "100 km/h")) {
            assertTrue(text.contains(expected), expected + " in: " + text);
        }
        WebElement chain = browser.find("section.violation-view section.chain");
        assertEquals("true", chain.getAttribute("data-intact"));
        assertTrue(chain.getText().contains("OK") && !chain.getText().contains("BROKEN"), chain.getText());
        assertTrue(chain.getText().contains("valid") && chain.getText().contains("linked"), chain.getText());
        assertEquals(4, audited("violation.image").stream().filter(a -> a.get("case").asText().equals("SV-2026-0042")
                && a.get("target").asText().equals(id(v2))).count());
        browser.screenshot("violation");

        // The altered one: its digest no longer matches.
        browser.click("section.violation-view button.back");
        browser.type("form.filters input[name=section]", "");
        browser.click("form.filters button[type=submit]");
        rows("table.violations-table", 5);
        browser.find("tr[data-violation-id='" + id(tampered) + "'] button.open").click();
        WebElement broken = browser.waitFor(d -> d.findElements(By.cssSelector("section.chain[data-intact=false]")).stream().findFirst().orElse(null));
        assertTrue(broken.getText().contains("BROKEN") && broken.getText().contains("INVALID"), broken.getText());
        assertTrue(browser.find("section.violation-view").getText().contains("151.00 km/h"), "shown as received");
        browser.screenshot("violation-broken");
    }

    @Test
    void aViewerListsAndOpensViolationsWithoutImages() throws Exception {
        browser.signIn("viewer1", ApiFixture.PASSWORD);
        assertTrue(browser.all("nav a[data-page=search]").isEmpty() && browser.all("nav a[data-page=trajectory]").isEmpty(),
                "no search for a viewer");
        browser.click("nav a[data-page=violations]");
        rows("table.violations-table", 5);
        browser.find("tr[data-violation-id='" + id(v1) + "'] button.open").click();
        WebElement view = browser.find("section.violation-view");
        assertTrue(browser.find(".images-restricted").getText().contains("investigators only"));
        assertTrue(browser.all("section.violation-view button.show-images").isEmpty(), "no images offered");
        assertTrue(browser.all("section.violation-view img").isEmpty());
        assertTrue(view.getText().contains("2DEF345") && view.getText().contains("131.50 km/h"), view.getText());
        assertEquals("true", browser.find("section.chain").getAttribute("data-intact"));
        assertEquals(0, audited("violation.image").stream().filter(a -> a.get("actor").asText().equals("viewer1")).count());
        assertNotEquals(0, browser.all("section.violation-view .calculation dd").size());
    }
}
