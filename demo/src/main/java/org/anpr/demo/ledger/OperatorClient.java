package org.anpr.demo.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** An operator signed in to the centre's API, as the console is: a session cookie, JSON over HTTP. */
public final class OperatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    private OperatorClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** Signs in as {@code operator} at {@code base} (the console's origin). */
    public static OperatorClient signIn(String base, String operator, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = JSON.createObjectNode().put("name", operator).put("password", password).toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("sign-in as " + operator + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return new OperatorClient(http, base);
    }

    /** {@code GET path} (with its query), as JSON; an error status is an IOException naming it. */
    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * {@code POST path} with a JSON body, as the console sends it (with the session's CSRF token);
     * an error status is an IOException naming it.
     */
    public JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        String csrf = get("/api/v1/session").path("csrfToken").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Every item of a paged list ({@code items}, followed through {@code next}). */
    public List<JsonNode> all(String path, String query) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(path + "?" + query + (cursor != null ? "&cursor=" + cursor : ""));
            page.path("items").forEach(out::add);
            cursor = page.hasNonNull("next") ? java.net.URLEncoder.encode(page.get("next").asText(), java.nio.charset.StandardCharsets.UTF_8) : null;
        } while (cursor != null);
        return out;
    }

    HttpClient http() {
        return http;
    }

    String base() {
        return base;
    }
}
