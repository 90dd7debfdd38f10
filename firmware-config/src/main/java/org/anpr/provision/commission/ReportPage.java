package org.anpr.provision.commission;

import java.util.Base64;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.TestCapture;

/** The commissioning report as one HTML page that needs nothing else (styles inline, test shot embedded). */
final class ReportPage {
    private ReportPage() {
    }

    static String html(CommissioningReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String verdict = r.passed() ? "PASSED" : "FAILED";
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Commissioning ")
                .append(esc(r.gantryId())).append(": ").append(verdict).append("</title>\n<style>\n")
                .append("body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#1b1f24}")
                .append("table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #c9d1d9;padding:.35em .6em;")
                .append("text-align:left;vertical-align:top}th{background:#f3f5f7}.pass{color:#116329;font-weight:600}")
                .append(".fail{color:#a40e26;font-weight:600}.skipped{color:#6e7781}.verdict{font-size:1.4em}")
                .append("img{max-width:100%;border:1px solid #c9d1d9}\n</style></head><body>\n");
        h.append("<h1>Commissioning report: ").append(esc(r.gantryId())).append("</h1>\n");
        h.append("<p class=\"verdict ").append(r.passed() ? "pass" : "fail").append("\" id=\"verdict\">").append(verdict)
                .append(": ").append(r.count(Check.Outcome.PASS)).append(" passed, ").append(r.count(Check.Outcome.FAIL))
                .append(" failed, ").append(r.count(Check.Outcome.SKIPPED)).append(" not applicable</p>\n");
        h.append("<table>\n");
        row(h, "Site", r.site());
        row(h, "Device", r.device());
        row(h, "Profile", r.profile());
        row(h, "Started", r.started().toString());
        row(h, "Finished", r.finished().toString());
        h.append("</table>\n<h2>Checks</h2>\n<table id=\"checks\"><tr><th>Check</th><th>Result</th><th>Found</th></tr>\n");
        for (Check c : r.checks()) {
            String cls = c.outcome().name().toLowerCase(java.util.Locale.ROOT);
            h.append("<tr data-check=\"").append(esc(c.name())).append("\"><td>").append(esc(c.title()))
                    .append("</td><td class=\"").append(cls).append("\">").append(cls.equals("skipped") ? "n/a" : cls.toUpperCase())
                    .append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Device state</h2>\n<table>\n");
        GantryStatus s = r.status();
        row(h, "Health", s.health() + (s.activeFaults().isEmpty() ? "" : " (" + String.join(", ", s.activeFaults()) + ")"));
        row(h, "Uptime", s.uptimeSeconds() + " s");
        row(h, "Cabinet", (s.doorOpen() ? "door OPEN" : "door closed")
                + (s.cabinetTemperatureC() == null ? ", no temperature reading" : ", " + s.cabinetTemperatureC() + " °C"));
        row(h, "Outbox backlog", s.outboxBacklog() + " reads not yet acknowledged by the centre");
        ClockInfo c = r.clock();
        row(h, "Clock", c == null ? "not read" : (c.synced() ? "synchronised" : "not synchronised") + " via " + c.source()
                + ", offset " + c.offsetMillis() + " ms, estimated error " + c.estimatedErrorMillis() + " ms");
        HotlistInfo hl = r.hotlist();
        row(h, "Hotlist", hl == null ? "not read" : "version " + hl.version() + ", " + hl.size() + " entries");
        h.append("</table>\n<h2>Test shot</h2>\n");
        TestCapture shot = r.testShot();
        if (shot == null) {
            h.append("<p>No test shot was taken.</p>\n");
        } else {
            h.append("<p>Captured ").append(ReportFiles.capturedAt(shot)).append(", ")
                    .append(r.shotSize() == null ? "not decodable" : esc(r.shotSize())).append(", ")
                    .append(shot.jpeg().length).append(" bytes (also in ").append(ReportFiles.SHOT).append("). ");
            h.append(shot.candidates().isEmpty() ? "No plate in view." : "Read: ");
            for (int i = 0; i < shot.candidates().size(); i++) {
                TestCapture.PlateCandidate p = shot.candidates().get(i);
                h.append(i == 0 ? "" : ", ").append("<b>").append(esc(p.text())).append("</b> (").append(esc(p.country()))
                        .append(", ").append(Math.round(p.confidence() * 100)).append("%)");
            }
            h.append("</p>\n<img id=\"test-shot\" alt=\"test shot of ").append(esc(r.gantryId()))
                    .append("\" src=\"data:image/jpeg;base64,").append(Base64.getEncoder().encodeToString(shot.jpeg()))
                    .append("\">\n");
        }
        h.append("<p><small>anpr provision commission</small></p>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
