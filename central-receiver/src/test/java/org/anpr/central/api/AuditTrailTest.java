package org.anpr.central.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail as an auditor sees it over HTTP: what is recorded, paging, CSV export (itself
 * audited), chain verification, and tampering with the SQLite file behind the API's back.
 */
class AuditTrailTest {
    @TempDir
    static Path dir;
    static ApiFixture api;
    static ApiClient auditor;
    static String token;
    /** The trail right after the actions above, before any test adds to it. */
    static List<JsonNode> initial;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
        ApiClient admin = api.as("admin");
        ApiClient.Reply created = admin.post("/api/v1/operators", Map.of("name", "new.colleague", "role", "dispatcher",
                "password", ApiFixture.PASSWORD));
        assertEquals(201, created.status(), created.toString());
        assertEquals(401, new ApiClient(api.port()).signIn("nobody.known", "a wrong password here", null).status());
        ApiClient.Reply issued = admin.post("/api/v1/tokens", Map.of("name", "records-system", "role", "viewer"));
        assertEquals(201, issued.status(), issued.toString());
        token = issued.json().get("token").asText();
        auditor = api.as("auditor");
        initial = page(auditor, "?limit=1000");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static List<JsonNode> page(ApiClient c, String query) throws Exception {
        ApiClient.Reply r = c.get("/api/v1/audit" + query);
        assertEquals(200, r.status(), r.toString());
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(items::add);
        return items;
    }

    static JsonNode first(List<JsonNode> items, String action) {
        return items.stream().filter(i -> i.get("action").asText().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + items));
    }

    @Test
    void actionsAreListedNewestFirstWithActorAddressAndAction() throws Exception {
        List<JsonNode> items = initial;
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).get("id").asLong() > items.get(i).get("id").asLong(), "newest first: " + items);
        }
        assertEquals("session.sign-in", items.get(0).get("action").asText(), "the auditor's own sign-in is newest");
        assertEquals("auditor1", items.get(0).get("actor").asText());

        JsonNode create = first(items, "operator.create");
        assertEquals("admin1", create.get("actor").asText());
        assertEquals("admin", create.get("role").asText());
        assertEquals("127.0.0.1", create.get("address").asText());
        assertEquals("new.colleague", create.get("target").asText());
        assertTrue(create.get("detail").asText().contains("dispatcher"), create.toString());
        assertFalse(create.toString().contains(ApiFixture.PASSWORD), "no password in the audit");

        JsonNode failed = first(items, "session.sign-in-failed");
        assertEquals("127.0.0.1", failed.get("address").asText());
        assertEquals("nobody.known", failed.get("target").asText());
        assertEquals("-", failed.get("actor").asText(), "nobody signed in");
        assertFalse(failed.toString().contains("a wrong password here"), "the tried password is not recorded");

        JsonNode issue = first(items, "token.issue");
        assertEquals("admin1", issue.get("actor").asText());
        assertEquals("127.0.0.1", issue.get("address").asText());
        String id = token.substring("anpr_".length(), token.indexOf('_', "anpr_".length()));
        assertEquals(id, issue.get("target").asText());

        long createId = create.get("id").asLong();
        long failedId = failed.get("id").asLong();
        long issueId = issue.get("id").asLong();
        assertTrue(createId < failedId && failedId < issueId, "in the order they happened");

        List<JsonNode> bootstrap = page(auditor, "?action=operator.create&actor=-");
        assertEquals(6, bootstrap.size(), "the six command-line accounts: " + bootstrap);
        bootstrap.forEach(b -> assertEquals("command-line", b.get("address").asText()));
        assertEquals(List.of(issueId), page(auditor, "?action=token.issue").stream().map(n -> n.get("id").asLong()).toList());
    }

    @Test
    void theTokenSecretAppearsNowhereInTheAudit() throws Exception {
        // anpr_<id>_<secret>: the secret is base64url and may itself contain '_'.
        String secret = token.substring(token.indexOf('_', "anpr_".length()) + 1);
        assertTrue(secret.length() >= 20, token);
        assertFalse(auditor.get("/api/v1/audit?limit=1000").body().contains(secret));
        assertFalse(auditor.get("/api/v1/audit/export").body().contains(secret));
        try (Connection c = DriverManager.getConnection(jdbc(dir));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM audit")) {
            ResultSetMetaData meta = rs.getMetaData();
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && (v.contains(secret) || v.contains(token)), "row " + rs.getLong("id") + " holds the secret");
                }
            }
            assertTrue(rows >= 10, "rows " + rows);
        }
    }

    @Test
    void pagesFollowBeforeAndNextWithoutGapsOrRepeats() throws Exception {
        List<Long> all = page(auditor, "?limit=1000").stream().map(n -> n.get("id").asLong()).toList();
        assertTrue(all.size() >= 10, all.toString());
        List<Long> walked = new ArrayList<>();
        String query = "?limit=3";
        int pages = 0;
        while (true) {
            ApiClient.Reply r = auditor.get("/api/v1/audit" + query);
            assertEquals(200, r.status(), r.toString());
            JsonNode items = r.json().get("items");
            if (items.isEmpty()) {
                assertFalse(r.json().has("next"), "no next after the last page");
                break;
            }
            assertTrue(items.size() <= 3);
            items.forEach(n -> walked.add(n.get("id").asLong()));
            long next = r.json().get("next").asLong();
            assertEquals(items.get(items.size() - 1).get("id").asLong(), next, "next is the last id of the page");
            query = "?limit=3&before=" + next;
            assertTrue(++pages < 100);
        }
        // Entries appended while paging are newer than the first page, so the walk equals the snapshot's tail.
        assertEquals(all, walked.subList(walked.size() - all.size(), walked.size()));
        assertEquals(1L, walked.get(walked.size() - 1));
        assertEquals(List.of(2L, 1L), page(auditor, "?before=3").stream().map(n -> n.get("id").asLong()).toList());
    }

    @Test
    void exportIsCsvWithOneLinePerEntryAndIsItselfAudited() throws Exception {
        long before = verify(auditor).get("checked").asLong();
        ApiClient.Reply r = auditor.get("/api/v1/audit/export");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        assertTrue(r.header("Content-Disposition").contains("attachment"), r.header("Content-Disposition"));
        assertEquals("no-store", r.header("Cache-Control"));
        String[] lines = r.body().split("\r\n");
        assertEquals("id,at,actor,role,address,action,target,reason,case,detail,prev_hash,hash", lines[0]);
        assertEquals(before + 1, lines.length, "a header and one line per entry");
        assertTrue(lines[1].startsWith(before + ","), "newest first: " + lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("1,"), lines[lines.length - 1]);
        assertTrue(r.body().contains(",operator.create,new.colleague,"), "the entries themselves");

        JsonNode newest = page(auditor, "?limit=1").get(0);
        assertEquals("audit.export", newest.get("action").asText());
        assertEquals("auditor1", newest.get("actor").asText());
        assertEquals("127.0.0.1", newest.get("address").asText());
        assertEquals(before + 1, newest.get("id").asLong());

        ApiClient.Reply filtered = auditor.get("/api/v1/audit/export?action=token.issue");
        String[] one = filtered.body().split("\r\n");
        assertEquals(2, one.length, filtered.body());
        assertTrue(one[1].contains(",token.issue,"), one[1]);
        assertTrue(page(auditor, "?limit=1").get(0).get("detail").asText().contains("token.issue"), "the filter is recorded");
    }

    @Test
    void verifyChecksEveryEntry() throws Exception {
        JsonNode v = verify(auditor);
        assertTrue(v.get("ok").asBoolean(), v.toString());
        long total = page(auditor, "?limit=1").get(0).get("id").asLong();
        assertEquals(total, v.get("checked").asLong());
        assertFalse(v.has("brokenAt"));
    }

    @Test
    void nothingCanChangeTheAuditOverHttp() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "POST"}) {
            ApiClient.Reply r = auditor.send(method, "/api/v1/audit", method.equals("DELETE") ? null : "{}", "application/json", true);
            assertEquals(405, r.status(), method + ": " + r);
            assertTrue(r.json().get("detail").asText().contains("accepts GET"), r.body());
        }
        assertEquals(404, auditor.delete("/api/v1/audit/1").status());
        assertEquals(405, api.as("admin").delete("/api/v1/audit").status(), "nor for an admin");
        assertTrue(verify(auditor).get("ok").asBoolean());
    }

    @Test
    void anEntryChangedInTheFileBreaksTheChainAtThatEntry() throws Exception {
        try (ApiFixture fresh = ApiFixture.start(Files.createDirectories(dir.resolve("changed")))) {
            ApiClient a = fresh.as("auditor");
            assertTrue(verify(a).get("ok").asBoolean());
            sql(dir.resolve("changed"), "UPDATE audit SET target='someone-else' WHERE id=3");
            JsonNode v = verify(a);
            assertFalse(v.get("ok").asBoolean(), v.toString());
            assertEquals(3, v.get("brokenAt").asLong(), v.toString());
            assertEquals(2, v.get("checked").asLong(), "the two before it are fine");
            assertTrue(v.get("problem").asText().contains("changed"), v.toString());
        }
    }

    @Test
    void anEntryDeletedFromTheFileBreaksTheChainAtTheGap() throws Exception {
        try (ApiFixture fresh = ApiFixture.start(Files.createDirectories(dir.resolve("deleted")))) {
            ApiClient a = fresh.as("auditor");
            assertTrue(verify(a).get("ok").asBoolean());
            sql(dir.resolve("deleted"), "DELETE FROM audit WHERE id=2");
            JsonNode v = verify(a);
            assertFalse(v.get("ok").asBoolean(), v.toString());
            assertEquals(2, v.get("brokenAt").asLong(), v.toString());
            assertTrue(v.get("problem").asText().contains("missing"), v.toString());
        }
    }

    @Test
    void entriesCutOffTheEndAreCaughtAgainstAHeadNotedEarlier() throws Exception {
        try (ApiFixture fresh = ApiFixture.start(Files.createDirectories(dir.resolve("truncated")))) {
            ApiClient a = fresh.as("auditor");
            JsonNode before = verify(a);
            String head = before.get("headHash").asText();
            assertEquals(64, head.length());
            assertTrue(a.get("/api/v1/audit/verify?head=" + head).json().get("ok").asBoolean(), "the noted head is in the chain");
            long last = before.get("checked").asLong();
            sql(dir.resolve("truncated"), "DELETE FROM audit WHERE id=" + last);
            assertTrue(verify(a).get("ok").asBoolean(), "without the noted head a cut end cannot be seen");
            JsonNode v = a.get("/api/v1/audit/verify?head=" + head).json();
            assertFalse(v.get("ok").asBoolean(), v.toString());
            assertTrue(v.get("problem").asText().contains("removed from its end"), v.toString());
        }
    }

    static JsonNode verify(ApiClient c) throws Exception {
        ApiClient.Reply r = c.get("/api/v1/audit/verify");
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    static String jdbc(Path fixtureDir) {
        return "jdbc:sqlite:" + fixtureDir.resolve("data").resolve("central.db").toAbsolutePath();
    }

    static void sql(Path fixtureDir, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(fixtureDir)); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            assertEquals(1, s.executeUpdate(statement), statement);
        }
    }
}
