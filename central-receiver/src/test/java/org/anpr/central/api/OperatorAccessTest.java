package org.anpr.central.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.operator.Totp;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, CSRF, roles, the sign-in throttle, API tokens and TOTP, over real HTTP. */
class OperatorAccessTest {
    @TempDir
    static Path dir;
    static ApiFixture api;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void withoutSigningInEveryProtectedEndpointAnswers401AsAProblem() throws Exception {
        ApiClient anonymous = new ApiClient(api.port());
        ApiClient.Reply r = anonymous.get("/api/v1/operators");
        assertEquals(401, r.status(), r.toString());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(401, r.json().get("status").asInt());
        assertTrue(r.json().get("detail").asText().contains("sign in"), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        ApiClient.Reply r = new ApiClient(api.port()).signIn("viewer1", ApiFixture.PASSWORD, null);
        assertEquals(201, r.status(), r.toString());
        String cookie = r.header("Set-Cookie");
        assertTrue(cookie.startsWith("anpr_session="), cookie);
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals("viewer", r.json().get("role").asText());
        assertNotNull(r.json().get("csrfToken").asText());
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSame401() throws Exception {
        ApiClient.Reply wrong = new ApiClient(api.port()).signIn("auditor1", "not the password!", null);
        ApiClient.Reply unknown = new ApiClient(api.port()).signIn("nobody-here", "not the password!", null);
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
    }

    @Test
    void eachRoleIsRefusedWhatIsNotItsJob() throws Exception {
        for (String role : new String[] {"viewer", "dispatcher", "investigator", "hotlist-manager", "auditor"}) {
            ApiClient c = api.as(role);
            ApiClient.Reply r = c.get("/api/v1/operators");
            assertEquals(403, r.status(), role + ": " + r);
            assertTrue(r.json().get("detail").asText().contains("admin"), r.body());
            assertEquals(403, c.get("/api/v1/tokens").status(), role);
            if (!role.equals("auditor")) {
                assertEquals(403, c.get("/api/v1/audit").status(), role);
            }
        }
        assertEquals(403, api.as("admin").get("/api/v1/audit/verify").status(), "admins do not audit themselves");
        assertEquals(200, api.as("auditor").get("/api/v1/audit/verify").status());
    }

    @Test
    void aStateChangingRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        ApiClient admin = api.as("admin");
        String body = ApiClient.JSON.writeValueAsString(Map.of("name", "csrf-victim", "role", "viewer", "password", ApiFixture.PASSWORD));
        ApiClient.Reply r = admin.send("POST", "/api/v1/operators", body, "application/json", false);
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.json().get("detail").asText().contains("X-CSRF-Token"), r.body());
        assertEquals(404, admin.patch("/api/v1/operators/csrf-victim", Map.of("disabled", true)).status(), "nothing was created");
    }

    @Test
    void anAdminCreatesChangesAndDisablesAccounts() throws Exception {
        ApiClient admin = api.as("admin");
        ApiClient.Reply created = admin.post("/api/v1/operators", Map.of("name", "jan.peeters", "role", "dispatcher",
                "password", "a long enough password"));
        assertEquals(201, created.status(), created.toString());
        assertFalse(created.body().contains("argon2"), "no hash in answers");
        assertEquals(409, admin.post("/api/v1/operators", Map.of("name", "jan.peeters", "role", "viewer",
                "password", "a long enough password")).status());
        ApiClient.Reply weak = admin.post("/api/v1/operators", Map.of("name", "weak", "role", "viewer", "password", "short"));
        assertEquals(400, weak.status());
        assertEquals("password", weak.json().get("field").asText());
        ApiClient.Reply badRole = admin.post("/api/v1/operators", Map.of("name", "x1", "role", "superuser", "password", ApiFixture.PASSWORD));
        assertEquals("role", badRole.json().get("field").asText());
        assertTrue(badRole.json().get("detail").asText().contains("hotlist-manager"), badRole.body());

        ApiClient jan = ApiClient.signedIn(api.port(), "jan.peeters", "a long enough password");
        assertEquals(200, jan.get("/api/v1/session").status());
        assertEquals(200, admin.patch("/api/v1/operators/jan.peeters", Map.of("disabled", true)).status());
        assertEquals(401, jan.get("/api/v1/session").status(), "disabling ends the sessions");
        assertEquals(401, new ApiClient(api.port()).signIn("jan.peeters", "a long enough password", null).status());
        JsonNode list = admin.get("/api/v1/operators").json().get("items");
        boolean found = false;
        for (JsonNode o : list) {
            if (o.get("name").asText().equals("jan.peeters")) {
                found = true;
                assertTrue(o.get("disabled").asBoolean());
                assertFalse(o.has("passwordHash"));
            }
        }
        assertTrue(found);
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        ApiClient c = api.as("viewer");
        assertEquals(204, c.delete("/api/v1/session").status());
        assertEquals(401, c.get("/api/v1/session").status());
    }

    @Test
    void repeatedFailuresAreThrottledWithAGrowingBackOff() throws Exception {
        ApiFixture.addOperator(api.config, "throttled", "viewer");
        ApiClient c = new ApiClient(api.port());
        for (int i = 0; i < OperatorApi.FREE_FAILURES_PER_ACCOUNT; i++) {
            assertEquals(401, c.signIn("throttled", "wrong password " + i, null).status());
        }
        assertEquals(401, c.signIn("throttled", "wrong password again", null).status(), "the first failure over the limit still counts");
        ApiClient.Reply limited = c.signIn("throttled", ApiFixture.PASSWORD, null);
        assertEquals(429, limited.status(), "even the right password waits: " + limited);
        assertTrue(Long.parseLong(limited.header("Retry-After")) >= 1);
        Thread.sleep(1_100);
        assertEquals(201, c.signIn("throttled", ApiFixture.PASSWORD, null).status(), "after the back-off the right password works");
    }

    @Test
    void apiTokensAreScopedShownOnceAndRevocable() throws Exception {
        ApiClient admin = api.as("admin");
        ApiClient.Reply issued = admin.post("/api/v1/tokens", Map.of("name", "records-system", "role", "viewer", "expiresInDays", 30));
        assertEquals(201, issued.status(), issued.toString());
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertTrue(token.startsWith("anpr_" + id + "_"), token);
        ApiClient machine = ApiClient.withToken(api.port(), token);
        assertEquals(200, machine.get("/api/v1/session").status());
        assertEquals(403, machine.get("/api/v1/operators").status(), "scoped to viewer");
        assertFalse(admin.get("/api/v1/tokens").body().contains(token.substring(20)), "the secret is never listed");
        assertEquals(204, admin.delete("/api/v1/tokens/" + id).status());
        assertEquals(401, machine.get("/api/v1/session").status());
        assertEquals(401, ApiClient.withToken(api.port(), "anpr_000000000000_" + "A".repeat(43)).get("/api/v1/session").status());
    }

    @Test
    void totpBecomesASecondFactorAndACodeWorksOnce() throws Exception {
        ApiFixture.addOperator(api.config, "two-factor", "investigator");
        ApiClient c = ApiClient.signedIn(api.port(), "two-factor", ApiFixture.PASSWORD);
        ApiClient.Reply started = c.post("/api/v1/session/totp", Map.of());
        assertEquals(200, started.status(), started.toString());
        byte[] secret = Totp.fromBase32(started.json().get("secret").asText());
        long step = Totp.step(System.currentTimeMillis());
        assertEquals(400, c.post("/api/v1/session/totp/confirm", Map.of("code", wrong(Totp.code(secret, step)))).status());
        assertEquals(204, c.post("/api/v1/session/totp/confirm", Map.of("code", Totp.code(secret, step))).status());

        assertEquals(401, new ApiClient(api.port()).signIn("two-factor", ApiFixture.PASSWORD, null).status(), "a code is needed now");
        String next = Totp.code(secret, step + 1);
        assertEquals(201, new ApiClient(api.port()).signIn("two-factor", ApiFixture.PASSWORD, next).status());
        assertEquals(401, new ApiClient(api.port()).signIn("two-factor", ApiFixture.PASSWORD, next).status(), "a replayed code is refused");
    }

    @Test
    void anAdminRemovesALostSecondFactor() throws Exception {
        ApiFixture.addOperator(api.config, "lost-phone", "viewer");
        ApiClient c = ApiClient.signedIn(api.port(), "lost-phone", ApiFixture.PASSWORD);
        byte[] secret = Totp.fromBase32(c.post("/api/v1/session/totp", Map.of()).json().get("secret").asText());
        long step = Totp.step(System.currentTimeMillis());
        assertEquals(204, c.post("/api/v1/session/totp/confirm", Map.of("code", Totp.code(secret, step))).status());
        assertEquals(401, new ApiClient(api.port()).signIn("lost-phone", ApiFixture.PASSWORD, null).status());
        assertEquals(204, api.as("admin").delete("/api/v1/operators/lost-phone/totp").status());
        assertEquals(201, new ApiClient(api.port()).signIn("lost-phone", ApiFixture.PASSWORD, null).status(), "no code needed any more");
        assertEquals(404, api.as("admin").delete("/api/v1/operators/nobody-at-all/totp").status());
    }

    @Test
    void anOperatorChangesTheirOwnPasswordAndOtherSessionsEnd() throws Exception {
        ApiFixture.addOperator(api.config, "changer", "dispatcher");
        ApiClient first = ApiClient.signedIn(api.port(), "changer", ApiFixture.PASSWORD);
        ApiClient second = ApiClient.signedIn(api.port(), "changer", ApiFixture.PASSWORD);
        assertEquals(403, first.post("/api/v1/session/password", Map.of("current", "not it at all", "new", "a brand new password")).status());
        ApiClient.Reply weak = first.post("/api/v1/session/password", Map.of("current", ApiFixture.PASSWORD, "new", "short"));
        assertEquals(400, weak.status());
        assertEquals("new", weak.json().get("field").asText());
        assertEquals(204, first.post("/api/v1/session/password", Map.of("current", ApiFixture.PASSWORD, "new", "a brand new password")).status());
        assertEquals(401, second.get("/api/v1/session").status(), "every session of the account ends");
        assertEquals(401, new ApiClient(api.port()).signIn("changer", ApiFixture.PASSWORD, null).status());
        assertEquals(201, new ApiClient(api.port()).signIn("changer", "a brand new password", null).status());
    }

    private static String wrong(String code) {
        return code.charAt(0) == '0' ? "1" + code.substring(1) : "0" + code.substring(1);
    }

    @Test
    void sessionsExpireWhenIdle() throws Exception {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("short-sessions"));
        ReceiverConfig c = TestGantries.config(other);
        c = c.withHttp(c.http().withSessions(Duration.ofMillis(800), Duration.ofHours(1)));
        try (ApiFixture shortLived = ApiFixture.start(c)) {
            ApiClient v = shortLived.as("viewer");
            assertEquals(200, v.get("/api/v1/session").status());
            Thread.sleep(1_200);
            ApiClient.Reply r = v.get("/api/v1/session");
            assertEquals(401, r.status());
            assertTrue(r.json().get("detail").asText().contains("expired"), r.body());
        }
    }

    @Test
    void sessionsEndAtTheirMaximumAgeEvenWhenUsed() throws Exception {
        Path other = java.nio.file.Files.createDirectories(dir.resolve("short-max-age"));
        ReceiverConfig c = TestGantries.config(other);
        c = c.withHttp(c.http().withSessions(Duration.ofMinutes(10), Duration.ofMillis(1_500)));
        try (ApiFixture shortLived = ApiFixture.start(c)) {
            ApiClient v = shortLived.as("viewer");
            for (int i = 0; i < 3; i++) {
                assertEquals(200, v.get("/api/v1/session").status());
                Thread.sleep(300);
            }
            Thread.sleep(800);
            assertEquals(401, v.get("/api/v1/session").status());
        }
    }
}
