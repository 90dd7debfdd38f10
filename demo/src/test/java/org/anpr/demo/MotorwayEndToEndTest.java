package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.central.support.Browser;
import org.anpr.demo.ledger.DemoTally;
import org.anpr.demo.ledger.DemoTally.Matched;
import org.anpr.demo.ledger.DemoTally.SectionTrip;
import org.anpr.demo.network.DemoGantry;
import org.anpr.demo.traffic.TrafficMix;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.SectionViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 14, item 2: the demo's whole composition — the centre, the E40 section's entry and exit
 * gantries and the Leuven city entrance, provisioned from the example profiles — under synthetic
 * traffic for 45 s, then run until every vehicle on the section reached its exit (about three
 * minutes: the slowest drive the 4 km at 84 km/h). Every figure is checked against the traffic
 * model's ground truth, and then in the operators' console (headless Chromium): the alert board, the
 * violations, the fleet online on the map.
 *
 * <p>Recognition on the demo's synthetic frames, measured: every vehicle shown is read, 92 % exactly
 * in this test's traffic (83 of 90), 94.5 % in a 5-minute demo. The test allows 97 % read and 85 %
 * exact, and 1 % of the frames dropped should a slower machine fall behind; the
 * section and hotlist checks are made over the vehicles read exactly (a misread plate cannot match
 * its hotlist entry or its other sighting, and that is the recogniser's figure, not the system's).
 */
class MotorwayEndToEndTest {
    private static final TrafficMix MIX = new TrafficMix(15, 0.3, 0.15, 0.25, 0.2, 1414);

    @TempDir
    Path dir;

    @Test
    void everyVehicleIsReadEveryWantedPlateAlertsOnceAndEverySpeederGetsOneViolation() throws Exception {
        DemoOptions options = new DemoOptions(0, MIX, 5, null, 0, true);
        try (MotorwayDemo demo = MotorwayDemo.start(options, dir, step -> System.out.println("demo: " + step))) {
            Thread.sleep(45_000);
            DemoTally tally = demo.finish(Duration.ofMinutes(4), Duration.ofSeconds(30));
            new DemoSummary(demo).printFinal(System.out, tally, 0);
            SectionDefinition section = demo.network().section();

            // every vehicle that passed a gantry was read
            List<Matched> seen = tally.matched();
            assertTrue(seen.size() >= 60, "enough traffic to mean something: " + seen.size() + " passages");
            assertEquals(0, demo.leftOnSection(), "every vehicle on the section reached its exit");
            assertTrue(tally.read() >= 0.97 * seen.size(), tally.read() + " of " + seen.size() + " passages read");
            assertTrue(tally.exact() >= 0.85 * seen.size(), tally.exact() + " of " + seen.size() + " passages read exactly");
            assertTrue(tally.unmatched().size() <= 2, "spurious reads: " + tally.unmatched().stream().map(c -> c.read().getPlateText()).toList());
            long framesIn = demo.gantries().stream().mapToLong(g -> g.pipeline().framesIn()).sum();
            assertTrue(demo.framesDropped() <= framesIn / 100, "recognition kept up with the eight cameras: "
                    + demo.framesDropped() + " of " + framesIn + " frames dropped");
            assertEquals(0, demo.backlog(), "every outbox drained");

            // every wanted plate read raised exactly one alert on the board, live within 1 s of capture; nothing else did
            Map<String, Integer> board = new HashMap<>();
            for (JsonNode a : MotorwayDemo.dispatcher(demo.centre(), demo.operatorPassword()).all("/api/v1/alerts", "state=all&limit=500")) {
                board.merge(a.path("read").path("id").asText(), 1, Integer::sum);
            }
            int wantedRead = 0;
            List<String> late = new ArrayList<>();
            for (Matched m : seen) {
                String readId = m.read() == null ? null : Uuid7.fromBytes(m.read().read().getReadId().toByteArray()).toString();
                if (!m.sighting().vehicle().wanted()) {
                    assertEquals(null, readId == null ? null : board.get(readId), "alert for a vehicle not on the hotlist: " + m);
                    continue;
                }
                if (!m.exact()) {
                    continue;
                }
                wantedRead++;
                assertEquals(1, board.getOrDefault(readId, 0), "alerts on the board for " + m.sighting().plate() + " at " + m.sighting().gantryId());
                var first = tally.firstAlert(m.read().read());
                assertTrue(first.isPresent(), "no live alert for " + m.sighting().plate());
                long latency = first.get().arrivedMicros() - m.read().read().getCaptureTime().getEpochMicros();
                if (latency > 1_000_000) {
                    late.add(m.sighting().plate() + " " + latency / 1000 + " ms");
                }
            }
            assertTrue(wantedRead >= 5, "enough wanted vehicles: " + wantedRead);
            assertEquals(List.of(), late, "alerts that reached the live stream more than 1 s after capture");

            // every speeder read at both ends got exactly one violation with the right speed; no one else did
            DemoGantry exit = demo.gantries().stream().filter(g -> g.id().equals(section.exitGantryId())).findFirst().orElseThrow();
            double minConfidence = exit.agent().config().sectionSettings().minConfidence();
            int speedersChecked = 0;
            for (SectionTrip t : tally.trips()) {
                boolean speeder = t.vehicle().fasterThan(section.speedLimitKmh());
                boolean bothExact = exact(tally, t);
                if (!speeder) {
                    assertEquals(List.of(), t.violations(), "violation for " + t.entry().plate() + " at " + t.shownKmh() + " km/h");
                    continue;
                }
                if (!bothExact) {
                    continue;
                }
                speedersChecked++;
                assertEquals(1, t.violations().size(), "violations of " + t.entry().plate() + " at " + t.shownKmh() + " km/h");
                SectionViolation v = t.violations().get(0);
                // enforceable unless a read's confidence is under the section rules' minimum: then on record, not fined
                boolean confident = v.getEntryRead().getConfidence() >= minConfidence && v.getExitRead().getConfidence() >= minConfidence;
                assertEquals(confident, DemoTally.enforceable(v), v.getNotEnforceableReason());
                assertEquals(t.shownKmh(), v.getMeasuredSpeedKmh(), t.shownKmh() * 0.01, "measured speed of " + t.entry().plate());
                assertEquals(v.getConservativeSpeedKmh() - section.margin().marginKmh(v.getConservativeSpeedKmh()), v.getEnforcedSpeedKmh(),
                        1e-6, "the margin rule " + section.margin().name());
                assertTrue(v.getEnforcedSpeedKmh() < v.getMeasuredSpeedKmh() && v.getEnforcedSpeedKmh() > section.speedLimitKmh(),
                        "enforced " + v.getEnforcedSpeedKmh());
                assertEquals(64, v.getSignature().size(), "an Ed25519 signature by the exit gantry");
            }
            assertTrue(speedersChecked >= 3, "enough speeders: " + speedersChecked);
            assertEquals(List.of(), tally.strayViolations(), "violations that belong to no vehicle");

            // no passage of a non-speeder remains stored: not at the centre, not at the exit
            assertEquals(List.of(), demo.centre().receiver().store().pendingDeliveries(), "passages held at the centre");
            long misreadTrips = tally.trips().stream().filter(t -> !exact(tally, t)).count();
            int pending = exit.agent().sections().pendingCount();
            assertTrue(pending <= 2 * misreadTrips, pending + " passages wait at the exit, but only " + misreadTrips
                    + " trips had a misread plate (their halves cannot meet and wait for the TTL)");
            exit.agent().sections().expire(System.currentTimeMillis() * 1000 + Duration.ofHours(25).toNanos() / 1000);
            assertEquals(0, exit.agent().sections().pendingCount(), "after the passage TTL nothing is left");
            for (DemoGantry g : demo.gantries()) {
                assertEquals(0, g.agent().outbox().stats().items(), "outbox of " + g.id());
            }

            // and the operators see it in the console (headless Chromium): the alerts, the violations, the fleet on the map
            long violations = tally.trips().stream().mapToLong(t -> t.violations().size()).sum();
            int httpPort = demo.centre().receiver().httpPort();
            try (Browser browser = new Browser(httpPort, "en")) {
                browser.signIn("demo-dispatcher", demo.operatorPassword());
                browser.waitFor(d -> d.findElements(By.cssSelector("article.alert-card")).size() == board.size());
                browser.click("nav a[data-page=fleet]");
                browser.waitFor(d -> d.findElements(By.cssSelector("table.fleet tbody tr[data-gantry]")).size() == 3);
                assertEquals("Gantries online: 3 of 3", browser.find("p.summary").getText());
                browser.waitFor(d -> d.findElements(By.cssSelector(".map path.leaflet-interactive[data-state]")).size() == 3);
                browser.screenshot("demo-fleet");
                assertEquals(List.of(), browser.consoleErrors(), "no JavaScript errors");
            }
            try (Browser browser = new Browser(httpPort, "en")) {
                browser.signIn("demo-investigator", demo.operatorPassword());
                browser.click("nav a[data-page=violations]");
                browser.waitFor(d -> d.findElements(By.cssSelector("table.violations-table tbody tr[data-violation-id]")).size()
                        == Math.min(violations, 50));
                browser.screenshot("demo-violations");
                assertEquals(List.of(), browser.consoleErrors(), "no JavaScript errors");
            }
        }
    }

    private static boolean exact(DemoTally tally, SectionTrip t) {
        return tally.matched().stream().filter(m -> m.sighting() == t.entry() || m.sighting() == t.exit()).allMatch(Matched::exact);
    }
}
