package org.anpr.central.console;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.Browser;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The management pages in headless Chromium against a real receiver: the hotlist (editor, field
 * errors, CSV upload all-or-nothing, readers without editor), the audit trail (filters, chain
 * verification, export) and accounts (operators, API tokens shown once, revocation, disabling).
 */
class ManagementPagesTest {
    private static final String CSV_HEADER = "entry_id,plate,country,category,priority,valid_from,valid_until,reference,instructions,action\n";

    @TempDir
    static Path dir;
    static ApiFixture api;
    Browser browser;

    @BeforeAll
    static void startReceiver() throws Exception {
        api = ApiFixture.start(dir);
    }

    @AfterAll
    static void stopReceiver() {
        api.close();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = new Browser(api.port(), "en");
    }

    @AfterEach
    void stopBrowser() {
        try {
            assertEquals(List.of(), browser.consoleErrors(), "no JavaScript errors in the browser console");
        } finally {
            browser.close();
        }
    }

    private static long version(ApiClient c) throws Exception {
        return c.get("/api/v1/hotlist").json().get("version").asLong();
    }

    private WebElement row(String tableCss, String text) {
        return shows(tableCss + " tbody tr", text);
    }

    /** The first element of {@code css} whose text contains {@code text}, once there (pages redraw, so stale ones are skipped). */
    private WebElement shows(String css, String text) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    private static String cell(WebElement row, int index) {
        return row.findElements(By.cssSelector("td")).get(index).getText();
    }

    /** Waits, trying again when a table was redrawn under the condition. */
    private <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks {@code button} in the first row of {@code table} that shows {@code text}. */
    private void clickIn(String table, String text, String button) {
        until(d -> {
            row(table, text).findElement(By.cssSelector(button)).click();
            return true;
        });
    }

    @Test
    void aHotlistManagerAddsChangesUploadsAndRemovesEntries() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        long v0 = version(manager);
        browser.signIn("hotlist-manager1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=hotlist]");
        shows("#hotlist-summary", "Version " + v0);

        // add through the form
        browser.type("#entry-entryId", "M-1");
        browser.type("#entry-plate", "1abc234");
        browser.type("#entry-country", "BE");
        new Select(browser.find("#entry-category")).selectByValue("stolen-vehicle");
        browser.type("#entry-priority", "2");
        browser.type("#entry-reference", "PV-2026-0001");
        browser.type("#entry-instructions", "Do not approach; call dispatch.");
        browser.click("#hotlist-editor button[type=submit]");
        until(d -> row("#hotlist-entries", "1ABC234").getText().contains("stolen vehicle"));
        shows("#hotlist-summary", "Version " + (v0 + 1));
        assertTrue(shows(".notice.ok", "M-1 added").isDisplayed());
        assertEquals(v0 + 1, version(manager));
        JsonNode added = manager.get("/api/v1/hotlist/entries/M-1").json();
        assertEquals("1ABC234", added.get("plate").asText());
        assertEquals(2, added.get("priority").asInt());
        assertEquals("PV-2026-0001", added.get("reference").asText());

        // a wrong field: the API's error shows next to that field, nothing changes
        browser.type("#entry-entryId", "M-2");
        browser.type("#entry-plate", "2DEF345");
        browser.type("#entry-priority", "12");
        browser.click("#hotlist-editor button[type=submit]");
        WebElement priorityError = shows("#entry-priority-error", "priority");
        assertTrue(priorityError.getText().contains("1..9"), priorityError.getText());
        assertEquals("true", browser.find("#entry-priority").getAttribute("aria-invalid"));
        assertEquals(v0 + 1, version(manager));
        assertEquals(404, manager.get("/api/v1/hotlist/entries/M-2").status());

        // an upload with one bad line: its number and reason are listed, nothing is applied
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, CSV_HEADER
                + "U-1,3GHI456,BE,uninsured,5,,,REF-1,,upsert\n"
                + "U-2,4JKL567,BE,flying-saucer,5,,,REF-2,,upsert\n"
                + "U-3,5MNO678,FR,wanted-person,1,,,REF-3,,upsert\n", StandardCharsets.UTF_8);
        browser.find("#hotlist-file").sendKeys(bad.toAbsolutePath().toString());
        browser.click("#hotlist-upload button[type=submit]");
        WebElement lineError = shows("#upload-errors li", "Line 3");
        assertTrue(lineError.getText().contains("category") && lineError.getText().contains("unknown category 'flying-saucer'"),
                lineError.getText());
        assertEquals(1, browser.all("#upload-errors li").size(), "only the bad line is listed");
        assertTrue(browser.find("#upload-status .notice.error").getText().contains("nothing was applied"));
        browser.screenshot("hotlist-upload-error");
        assertEquals(v0 + 1, version(manager), "the version is unchanged");
        assertEquals(404, manager.get("/api/v1/hotlist/entries/U-1").status(), "not even the valid lines");
        assertTrue(browser.find("#hotlist-summary").getText().contains("Version " + (v0 + 1)));

        // a valid upload applies as one version
        Path good = dir.resolve("good.csv");
        Files.writeString(good, CSV_HEADER
                + "U-1,3GHI456,BE,uninsured,5,,,REF-1,,upsert\n"
                + "U-2,4JKL567,BE,no-inspection,6,,,REF-2,,upsert\n"
                + "U-3,5MNO678,FR,wanted-person,1,2026-01-01T00:00:00Z,2099-01-01T00:00:00Z,REF-3,Armed,upsert\n", StandardCharsets.UTF_8);
        browser.find("#hotlist-file").sendKeys(good.toAbsolutePath().toString());
        browser.click("#hotlist-upload button[type=submit]");
        assertTrue(shows("#upload-status .notice.ok", "version " + (v0 + 2)).getText().contains("3 entries added or changed"));
        assertEquals(v0 + 2, version(manager));
        assertEquals("4JKL567", manager.get("/api/v1/hotlist/entries/U-2").json().get("plate").asText());
        row("#hotlist-entries", "5MNO678");
        shows("#hotlist-summary", "Version " + (v0 + 2));
        assertTrue(browser.find("#hotlist-versions tr[data-version='" + (v0 + 2) + "']").getText().contains("U-3"),
                "the version history lists the upload");

        // search by plate and filter by category
        browser.type("#hotlist-plate", "3ghi456");
        browser.click("form.filters button[type=submit]");
        until(d -> browser.all("#hotlist-entries tbody tr").size() == 1
                && browser.all("#hotlist-entries tbody tr").get(0).getText().contains("U-1"));
        browser.find("#hotlist-plate").clear();
        new Select(browser.find("#hotlist-category")).selectByValue("wanted-person");
        browser.click("form.filters button[type=submit]");
        until(d -> browser.all("#hotlist-entries tbody tr").size() == 1
                && browser.all("#hotlist-entries tbody tr").get(0).getText().contains("U-3"));
        new Select(browser.find("#hotlist-category")).selectByValue("");
        browser.click("form.filters button[type=submit]");
        browser.waitFor(d -> List.of("M-1", "U-1", "U-2", "U-3").stream().allMatch(id -> !browser.all(
                "#hotlist-entries tbody tr[data-entry-id='" + id + "']").isEmpty()));

        // change one
        clickIn("#hotlist-entries", "M-1", "button.edit");
        assertEquals("M-1", browser.find("#entry-entryId").getAttribute("value"));
        assertEquals("true", browser.find("#entry-entryId").getAttribute("readonly"));
        browser.type("#entry-priority", "4");
        browser.click("#hotlist-editor button[type=submit]");
        shows(".notice.ok", "M-1 changed");
        until(d -> cell(row("#hotlist-entries", "M-1"), 4).equals("4"));
        assertEquals(4, manager.get("/api/v1/hotlist/entries/M-1").json().get("priority").asInt());
        assertEquals(v0 + 3, version(manager));

        // remove one, after confirming
        clickIn("#hotlist-entries", "U-2", "button.remove");
        clickIn("#hotlist-entries", "U-2", "button.confirm-remove");
        until(d -> browser.all("#hotlist-entries tbody tr").stream().noneMatch(r -> r.getText().contains("U-2")));
        assertEquals(404, manager.get("/api/v1/hotlist/entries/U-2").status());
        assertEquals(v0 + 4, version(manager));
        shows("#hotlist-summary", "Version " + (v0 + 4));
        assertTrue(browser.find("#hotlist-export").getAttribute("href").endsWith("/api/v1/hotlist/export"));
        browser.js("document.getElementById('hotlist-entries').closest('section').scrollIntoView()");
        browser.screenshot("hotlist");
    }

    @Test
    void readersSeeTheListButNoEditorAndViewersNotEvenThePage() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "R-1", "plate", "9XYZ987", "category", "missing-person",
                "priority", 3, "reference", "MP-2026-9")).status());

        browser.signIn("viewer1", ApiFixture.PASSWORD);
        assertTrue(browser.all("nav a[data-page=hotlist]").isEmpty(), "no hotlist in a viewer's navigation");
        browser.open("/#/hotlist");
        shows("main .notice.error", "does not give access");
        assertTrue(browser.all("#hotlist-entries").isEmpty());
        browser.click("#sign-out");
        browser.find("form.login");

        // a gantry one version behind the centre
        long centre = version(manager);
        MqttClient gantry = TestGantries.connect(api.receiver.port(), ENTRY, true);
        try {
            gantry.publish(Topic.of(ENTRY, TopicKind.STATUS).name(), encode(new SampleMessages(5).status(ENTRY).toBuilder()
                    .setHotlistVersion(centre - 1).build()), 1, false);
            TestGantries.await("the status reaches the fleet", Duration.ofSeconds(10), TestGantries.unchecked(
                    () -> api.receiver.fleet().gantry(ENTRY).map(f -> f.hotlistVersion() == centre - 1).orElse(false)));
        } finally {
            TestGantries.closeQuietly(gantry);
        }

        browser.signIn("dispatcher1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=hotlist]");
        until(d -> row("#hotlist-entries", "9XYZ987").getText().contains("missing person"));
        browser.find("#hotlist-versions");
        WebElement behind = row("#hotlist-gantries", ENTRY);
        assertTrue(behind.getAttribute("class").contains("behind"), "a gantry behind the centre is marked");
        assertEquals(String.valueOf(centre - 1), cell(behind, 1));
        assertTrue(cell(behind, 2).contains("behind"), cell(behind, 2));
        for (String editorPart : new String[] {"#hotlist-editor", "#hotlist-upload", "input[type=file]", "button.remove", "button.edit",
            "#hotlist-export"}) {
            assertTrue(browser.all(editorPart).isEmpty(), "a dispatcher has no " + editorPart);
        }
        assertEquals(9, browser.all("#hotlist-entries thead th").size(), "no actions column");
    }

    @Test
    void anAuditorSeesTheHotlistChangesVerifiesTheChainAndExports() throws Exception {
        ApiClient manager = api.as("hotlist-manager");
        assertEquals(201, manager.post("/api/v1/hotlist/entries", Map.of("entryId", "A-1", "plate", "7AUD777", "category", "other",
                "priority", 7)).status());
        assertEquals(200, manager.delete("/api/v1/hotlist/entries/A-1").status());

        browser.signIn("auditor1", ApiFixture.PASSWORD);
        assertEquals(List.of("audit", "account"), browser.all("nav a").stream().map(a -> a.getAttribute("data-page")).toList());
        browser.find("#audit-entries tbody tr");
        browser.type("#audit-actor", "hotlist-manager1");
        browser.click("#audit-filters button[type=submit]");
        // only hotlist-manager1's entries, newest first: the removal of A-1, then its addition
        until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#audit-entries tbody tr"));
            return rows.size() >= 2 && rows.stream().allMatch(r -> cell(r, 1).equals("hotlist-manager1"))
                    && cell(rows.get(0), 4).equals("hotlist.remove") && cell(rows.get(0), 5).equals("A-1")
                    && cell(rows.get(1), 4).equals("hotlist.add") && cell(rows.get(1), 5).equals("A-1");
        });
        String exportHref = browser.find("#audit-export").getAttribute("href");
        assertTrue(exportHref.contains("/api/v1/audit/export?actor=hotlist-manager1"), exportHref);

        browser.click("#audit-verify");
        WebElement ok = shows("#verify-result", "OK");
        assertTrue(ok.getText().contains("entries checked"), ok.getText());
        String headHash = browser.find("#verify-result code.head-hash").getText();
        assertEquals(64, headHash.length(), headHash);
        browser.type("#audit-head", headHash);
        browser.click("#audit-verify");
        shows("#verify-result .notice.ok", "entries checked");
        browser.screenshot("audit");

        ApiClient auditor = api.as("auditor");
        ApiClient.Reply csv = auditor.get(exportHref.substring(exportHref.indexOf("/api/")));
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("hotlist.remove") && !csv.body().contains(",auditor1,"), "the export follows the filters");
    }

    @Test
    void anAdminCreatesAnOperatorIssuesATokenOnceRevokesItAndDisablesTheOperator() throws Exception {
        browser.signIn("admin1", ApiFixture.PASSWORD);
        browser.click("nav a[data-page=accounts]");
        row("#operators", "admin1");

        // a password too short: the API's reason under the field
        browser.type("#new-operator-name", "temp.op");
        new Select(browser.find("#new-operator-role")).selectByValue("investigator");
        browser.type("#new-operator-password", "short");
        browser.click("#create-operator button[type=submit]");
        assertTrue(shows("#new-operator-password-error", "at least").isDisplayed());
        browser.type("#new-operator-password", "a long enough password");
        browser.click("#create-operator button[type=submit]");
        until(d -> cell(row("#operators", "temp.op"), 1).equals("investigator"));
        assertEquals(201, new ApiClient(api.port()).signIn("temp.op", "a long enough password", null).status());

        // a token: shown once, works, then revoked
        browser.type("#token-name", "records-system");
        new Select(browser.find("#token-role")).selectByValue("viewer");
        browser.type("#token-days", "30");
        browser.click("#issue-token button[type=submit]");
        String token = browser.find("#new-token").getText();
        assertTrue(token.startsWith("anpr_"), token);
        assertTrue(browser.find(".token-once").getText().contains("only time the token is shown"));
        assertEquals(200, ApiClient.withToken(api.port(), token).get("/api/v1/fleet").status());
        until(d -> cell(row("#tokens", "records-system"), 7).equals("active"));
        // The secret is Base64url and may itself hold '_': it starts after the first '_' following the hex id.
        String secret = token.substring(token.indexOf('_', "anpr_".length()) + 1);
        assertFalse(browser.find("#tokens").getText().contains(secret), "the list never shows the secret");
        browser.screenshot("accounts");
        browser.click("button.hide-token");
        assertTrue(browser.all("#new-token").isEmpty());
        String stored = (String) browser.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie");
        assertFalse(stored.contains(token.substring(token.lastIndexOf('_') + 1)), "the token is kept nowhere in the browser");
        clickIn("#tokens", "records-system", "button.revoke");
        clickIn("#tokens", "records-system", "button.confirm-revoke");
        until(d -> cell(row("#tokens", "records-system"), 7).equals("revoked"));
        assertEquals(401, ApiClient.withToken(api.port(), token).get("/api/v1/fleet").status());

        // change the role, then disable: that operator can no longer sign in
        until(d -> {
            WebElement op = row("#operators", "temp.op");
            new Select(op.findElement(By.cssSelector("select[name=role]"))).selectByValue("viewer");
            op.findElement(By.cssSelector("button.change-role")).click();
            return true;
        });
        shows("#accounts-status .notice.ok", "temp.op now has the role viewer");
        until(d -> cell(row("#operators", "temp.op"), 1).equals("viewer"));
        clickIn("#operators", "temp.op", "button.disable");
        until(d -> cell(row("#operators", "temp.op"), 2).equals("disabled"));
        assertEquals(401, new ApiClient(api.port()).signIn("temp.op", "a long enough password", null).status());
        JsonNode listed = api.as("admin").get("/api/v1/operators").json().get("items");
        boolean disabled = false;
        for (JsonNode o : listed) {
            if (o.get("name").asText().equals("temp.op")) {
                disabled = o.get("disabled").asBoolean() && o.get("role").asText().equals("viewer");
            }
        }
        assertTrue(disabled, "disabled with the new role: " + listed);
        until(d -> row("#operators", "admin1").findElements(By.cssSelector("button.disable[disabled]")).size() == 1);
    }
}
