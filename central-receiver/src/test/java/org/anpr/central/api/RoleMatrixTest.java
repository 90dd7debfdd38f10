package org.anpr.central.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the running API against every role: a role the route does not name gets 403,
 * nobody signed in gets 401, and a state-changing call without the CSRF token gets 403, before
 * any handler runs. Walks the router itself, so a route added later is covered without a new test.
 */
class RoleMatrixTest {
    @TempDir
    static Path dir;
    static ApiFixture api;
    static final Map<Role, ApiClient> clients = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
        for (Role r : Role.values()) {
            clients.put(r, api.as(r.wireName()));
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The route's template with its variables filled by values of the right shape. */
    static String path(Route r) {
        return r.template().replace("{id}", "0190f1e2-7c3a-7abc-8def-0123456789ab").replace("{name}", "nobody")
                .replace("{gantry}", "A2-N-km40");
    }

    static ApiClient.Reply call(ApiClient c, Route r, boolean csrf) throws Exception {
        String body = r.body() == Route.Body.JSON ? "{}" : r.body() == Route.Body.CSV ? "entry_id\n" : null;
        String type = r.body() == Route.Body.JSON ? "application/json" : r.body() == Route.Body.CSV ? "text/csv" : null;
        return c.send(r.method().name(), path(r), body, type, csrf);
    }

    @Test
    void everyRouteRefusesTheRolesItDoesNotName() throws Exception {
        int checked = 0;
        for (Route r : api.receiver.api().router().routes()) {
            if (!r.authenticated()) {
                continue;
            }
            for (Role role : Role.values()) {
                if (r.roles().contains(role)) {
                    continue;
                }
                ApiClient.Reply reply = call(clients.get(role), r, true);
                assertEquals(403, reply.status(), role.wireName() + " on " + r.method() + " " + r.template() + ": " + reply);
                assertTrue(reply.json().get("detail").asText().contains("needs the role"), reply.body());
                checked++;
            }
        }
        assertTrue(checked > 100, "the matrix covered " + checked + " refusals");
    }

    @Test
    void everyProtectedRouteAnswers401WithoutSigningIn() throws Exception {
        ApiClient anonymous = new ApiClient(api.port());
        for (Route r : api.receiver.api().router().routes()) {
            ApiClient.Reply reply = call(anonymous, r, false);
            if (r.authenticated()) {
                assertEquals(401, reply.status(), r.method() + " " + r.template() + ": " + reply);
            } else {
                assertNotEquals(401, reply.status(), r.method() + " " + r.template() + " is open");
            }
        }
    }

    @Test
    void everyStateChangingRouteNeedsTheCsrfTokenWithACookie() throws Exception {
        for (Route r : api.receiver.api().router().routes()) {
            if (!r.authenticated() || !r.changesState() || r.roles().isEmpty()) {
                continue;
            }
            Role allowed = r.roles().iterator().next();
            ApiClient.Reply reply = call(clients.get(allowed), r, false);
            assertEquals(403, reply.status(), r.method() + " " + r.template() + " without CSRF: " + reply);
            assertTrue(reply.json().get("detail").asText().contains("X-CSRF-Token"), reply.body());
        }
    }

    @Test
    void theAllowedRoleGetsPastTheGate() throws Exception {
        for (Route r : api.receiver.api().router().routes()) {
            if (!r.authenticated() || r.template().equals("/api/v1/events") || r.template().equals("/api/v1/session")
                    && r.method().name().equals("DELETE")) {
                continue;
            }
            for (Role role : r.roles()) {
                ApiClient.Reply reply = call(clients.get(role), r, true);
                assertNotEquals(401, reply.status(), role + " on " + r.template());
                assertTrue(reply.status() != 403 || !reply.body().contains("needs the role"),
                        role.wireName() + " is allowed on " + r.method() + " " + r.template() + ": " + reply);
            }
        }
    }
}
