package org.anpr.central.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.anpr.central.http.QueryParam;
import org.anpr.central.http.Route;
import org.anpr.central.operator.Role;
import org.anpr.central.support.ApiClient;
import org.anpr.central.support.ApiFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document, fetched over HTTP, describes exactly the routes the server dispatches. */
class OpenApiTest {
    @TempDir
    static Path dir;
    static ApiFixture api;
    static JsonNode doc;
    static List<Route> routes;

    @BeforeAll
    static void start() throws Exception {
        api = ApiFixture.start(dir);
        ApiClient.Reply r = new ApiClient(api.port()).get("/api/v1/openapi.json");
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        doc = r.json();
        routes = api.receiver.api().router().routes();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theDocumentIsOpenApi3AndServedWithoutSigningIn() {
        assertTrue(doc.get("openapi").asText().startsWith("3."), doc.get("openapi").toString());
        assertEquals(OperatorApi.VERSION, doc.at("/info/version").asText());
        assertFalse(doc.at("/info/title").asText().isBlank());
        assertTrue(doc.at("/components/securitySchemes").has("session"));
        assertTrue(doc.at("/components/securitySchemes").has("token"));
        assertTrue(routes.size() >= 10, "the API has its routes: " + routes.size());
    }

    @Test
    void everyRouteIsDocumentedWithItsRolesAndParameters() {
        JsonNode paths = doc.get("paths");
        for (Route route : routes) {
            String where = route.method() + " " + route.template();
            JsonNode op = paths.path(route.template()).get(route.method().name().toLowerCase(Locale.ROOT));
            assertNotNull(op, where + " is missing from the document");
            if (route.authenticated()) {
                Set<String> expected = new TreeSet<>();
                route.roles().stream().map(Role::wireName).forEach(expected::add);
                assertTrue(op.has("x-roles"), where + " has no x-roles");
                Set<String> documented = new TreeSet<>();
                op.get("x-roles").forEach(n -> documented.add(n.asText()));
                assertEquals(expected, documented, where);
                assertEquals(op.get("x-roles").size(), documented.size(), where + ": no role listed twice");
                assertFalse(op.get("security").isEmpty(), where + " names its security schemes");
            } else {
                assertFalse(op.has("x-roles"), where + " is open, yet lists roles");
                assertTrue(op.get("security").isEmpty(), where + " is open: an empty security list");
            }
            Map<String, JsonNode> query = new HashMap<>();
            Set<String> pathParams = new HashSet<>();
            for (JsonNode p : op.get("parameters")) {
                String in = p.get("in").asText();
                if (in.equals("query")) {
                    assertTrue(query.put(p.get("name").asText(), p) == null, where + ": query parameter listed twice");
                } else {
                    assertEquals("path", in, where);
                    pathParams.add(p.get("name").asText());
                    assertTrue(p.get("required").asBoolean(), where + ": path parameters are required");
                }
            }
            assertEquals(new HashSet<>(route.variables()), pathParams, where + ": path variables");
            assertEquals(route.params().size(), query.size(), where + ": only declared query parameters, got " + query.keySet());
            for (QueryParam q : route.params()) {
                JsonNode p = query.get(q.name());
                assertNotNull(p, where + " lacks query parameter " + q.name());
                assertEquals(q.required(), p.get("required").asBoolean(), where + " " + q.name());
                assertEquals(q.type(), p.at("/schema/type").asText(), where + " " + q.name());
                if (q.format() != null) {
                    assertEquals(q.format(), p.at("/schema/format").asText(), where + " " + q.name());
                }
            }
            assertEquals(route.body() != Route.Body.NONE, op.has("requestBody"), where + ": request body");
            assertTrue(op.has("responses"), where);
        }
    }

    @Test
    void theDocumentListsNothingThatIsNotARoute() {
        Set<String> declared = new HashSet<>();
        for (Route r : routes) {
            declared.add(r.method().name().toLowerCase(Locale.ROOT) + " " + r.template());
        }
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            assertTrue(path.getKey().startsWith("/api/v1/"), path.getKey());
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                String key = method + " " + path.getKey();
                assertTrue(declared.contains(key), key + " is documented but not served");
                assertTrue(documented.add(key), key + " twice");
            }
        }
        assertEquals(declared, documented);
        assertTrue(documented.contains("get /api/v1/openapi.json"), "the document describes itself");
        assertTrue(documented.contains("get /api/v1/audit"));
    }

    @Test
    void everyOperationIdIsUnique() {
        List<String> ids = new ArrayList<>();
        doc.get("paths").forEach(path -> path.forEach(op -> {
            assertTrue(op.hasNonNull("operationId"), op.toString());
            ids.add(op.get("operationId").asText());
        }));
        assertEquals(routes.size(), ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate operationIds in " + ids);
        ids.forEach(id -> assertTrue(id.matches("[a-z]+[A-Za-z0-9._]*"), id));
    }

    @Test
    void documentedRoutesAnswerAsDocumented() throws Exception {
        // Spot check against the live server: an open route answers without credentials, a protected one asks for them.
        ApiClient anonymous = new ApiClient(api.port());
        for (Route r : routes) {
            if (r.method().name().equals("GET") && r.variables().isEmpty()) {
                int status = anonymous.get(r.template()).status();
                assertEquals(r.authenticated() ? 401 : 200, status, "GET " + r.template());
            }
        }
    }
}
