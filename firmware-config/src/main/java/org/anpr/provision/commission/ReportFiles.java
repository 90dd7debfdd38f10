package org.anpr.provision.commission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.anpr.device.coap.api.TestCapture;

/**
 * Writes a commissioning report into a folder: {@code report.json} (for systems), {@code report.html}
 * (one self-contained page for people, the test shot embedded) and {@code test-shot.jpg}.
 */
public final class ReportFiles {
    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String SHOT = "test-shot.jpg";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes the files (replacing a report already in {@code folder}) and returns the JSON document. */
    public static ObjectNode write(CommissioningReport r, Path folder) throws IOException {
        Files.createDirectories(folder);
        if (r.testShot() != null) {
            Files.write(folder.resolve(SHOT), r.testShot().jpeg());
        }
        ObjectNode json = toJson(r);
        Files.writeString(folder.resolve(JSON), MAPPER.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(HTML), ReportPage.html(r), StandardCharsets.UTF_8);
        return json;
    }

    /**
     * {@code {"gantryId", "site", "device", "profile", "started", "finished", "passed",
     * "checks": [{"name", "title", "outcome": "pass|fail|skipped", "detail"}], "status", "clock",
     * "hotlist", "testShot": {"file", "bytes", "size", "capturedAt", "candidates": [{"text", "country", "confidence"}]}}}
     */
    public static ObjectNode toJson(CommissioningReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("gantryId", r.gantryId()).put("site", r.site()).put("device", r.device()).put("profile", r.profile())
                .put("started", r.started().toString()).put("finished", r.finished().toString()).put("passed", r.passed());
        ArrayNode checks = root.putArray("checks");
        for (Check c : r.checks()) {
            checks.addObject().put("name", c.name()).put("title", c.title())
                    .put("outcome", c.outcome().name().toLowerCase(Locale.ROOT)).put("detail", c.detail());
        }
        root.set("status", MAPPER.valueToTree(r.status()));
        root.set("clock", r.clock() == null ? null : MAPPER.valueToTree(r.clock()));
        root.set("hotlist", r.hotlist() == null ? null : MAPPER.valueToTree(r.hotlist()));
        TestCapture shot = r.testShot();
        if (shot == null) {
            root.putNull("testShot");
        } else {
            ObjectNode s = root.putObject("testShot");
            s.put("file", SHOT).put("bytes", shot.jpeg().length).put("size", r.shotSize())
                    .put("capturedAt", capturedAt(shot).toString());
            ArrayNode candidates = s.putArray("candidates");
            shot.candidates().forEach(c -> candidates.addObject().put("text", c.text()).put("country", c.country())
                    .put("confidence", c.confidence()));
        }
        return root;
    }

    static Instant capturedAt(TestCapture shot) {
        long micros = shot.capturedEpochMicros();
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}
