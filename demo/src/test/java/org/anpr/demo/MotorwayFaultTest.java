package org.anpr.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.central.store.Stores;
import org.anpr.demo.ledger.OperatorClient;
import org.anpr.demo.network.DemoGantry;
import org.anpr.demo.network.DemoNetwork;
import org.anpr.demo.network.Roadside;
import org.anpr.demo.traffic.TrafficMix;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: the demo's network under traffic while things break. The centre runs as its
 * own JVM and is killed with SIGKILL and restarted; the city gantry's link is cut for 30 s at the
 * TCP level (a relay between it and the centre); the section's exit gantry is stopped and started
 * again. Afterwards the centre holds every read the gantries made exactly once, every alert they
 * raised once and every violation the exit issued once.
 *
 * <p>About five minutes: 90 s of traffic, then until the section is clear.
 */
class MotorwayFaultTest {
    private static final String PASSWORD = "fault-run-operators-1";
    private static final TrafficMix MIX = new TrafficMix(12, 0.3, 0.1, 0.25, 0.2, 777);

    @TempDir
    Path dir;

    private final Map<String, PlateRead> made = new ConcurrentHashMap<>();
    private final Set<String> alerted = ConcurrentHashMap.newKeySet();

    @Test
    void afterACentreCrashALinkCutAndAGantryRestartTheCentreHasEverythingExactlyOnce() throws Exception {
        List<char[]> secrets = DemoNetwork.newSecrets();
        int mqttPort = MotorwayDemo.freePort();
        int httpPort = MotorwayDemo.freePort();
        List<TcpProxy> links = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            links.add(new TcpProxy(mqttPort));
        }
        DemoNetwork network = DemoNetwork.render(DemoNetwork.examples(), dir.resolve("gantries"),
                links.stream().map(TcpProxy::port).toList(), secrets);
        Map<String, char[]> accounts = network.accounts(secrets);
        String exitId = network.section().exitGantryId();
        int city = -1;
        for (int i = 0; i < network.gantries().size(); i++) {
            if (network.gantries().get(i).config().sections().isEmpty()) {
                city = i;
            }
        }
        try (CentreProcess centre = CentreProcess.start(dir.resolve("centre"), network, accounts, mqttPort, httpPort, PASSWORD)) {
            String base = "http://127.0.0.1:" + httpPort;
            AtomicInteger entries = new AtomicInteger();
            DemoGantry.Witness witness = new DemoGantry.Witness() {
                @Override
                public void stored(PlateRead read) {
                    made.put(HexFormat.of().formatHex(read.getReadId().toByteArray()), read);
                }

                @Override
                public void alerted(HotlistAlert alert) {
                    alerted.add(HexFormat.of().formatHex(alert.getAlertId().toByteArray()));
                }
            };
            try (Roadside roadside = Roadside.start(network, MIX, 5, plates -> hotlist(base, plates, entries), r -> { }, witness,
                    step -> System.out.println("fault run: " + step))) {
                step(20, "kill -9 the centre");
                centre.kill();
                step(30, "start the centre again");
                centre.restart();
                step(40, "cut the link of " + network.gantries().get(city).id() + " for 30 s");
                links.get(city).cut();
                step(70, "restore the link");
                links.get(city).restore();
                step(75, "stop the exit gantry " + exitId + " and start it again");
                roadside.restart(exitId, Duration.ofSeconds(5));
                step(90, "no new vehicles; wait until the section is clear");
                roadside.traffic().stopArrivals();
                long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (roadside.traffic().underway() > 0 && System.nanoTime() < until) {
                    Thread.sleep(500);
                }
                roadside.stopCapture(Duration.ofSeconds(20));
                until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (roadside.backlog() > 0 && System.nanoTime() < until) {
                    Thread.sleep(200);
                }
                assertEquals(0, roadside.backlog(), "every outbox drained after the faults");
                long violationsIssued = roadside.gantry(exitId).agent().sections().chainSequence();
                centre.stop();

                try (Stores stores = Stores.open(centre.config().store())) {
                    ReadStore store = stores.reads();
                    assertTrue(made.size() >= 60, "enough reads to mean something: " + made.size());
                    List<String> missing = new ArrayList<>();
                    for (Map.Entry<String, PlateRead> e : made.entrySet()) {
                        if (store.findRead(HexFormat.of().parseHex(e.getKey())).isEmpty()) {
                            missing.add(e.getValue().getGantryId() + " " + e.getValue().getPlateText());
                        }
                    }
                    assertEquals(List.of(), missing, "reads the gantries made that the centre does not have");
                    assertEquals(made.size(), store.countReads(), "every read once, no copy");
                    assertTrue(alerted.size() >= 3, "enough alerts: " + alerted.size());
                    assertEquals(alerted.size(), store.countAlerts(AlertSource.EDGE), "every alert the gantries raised, once");
                    assertTrue(violationsIssued >= 3, "enough violations: " + violationsIssued);
                    assertEquals(violationsIssued, store.countViolations(), "every violation the exit issued, once");
                    System.out.printf("fault run: %d reads, %d alerts, %d violations at the centre, each once%n",
                            made.size(), alerted.size(), violationsIssued);
                }
            }
        } finally {
            for (TcpProxy p : links) {
                p.close();
            }
        }
    }

    private final long started = System.nanoTime();

    /** Waits until {@code second} of the run, then says what happens. */
    private void step(int second, String what) throws InterruptedException {
        long wait = started + second * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
        System.out.println("fault run: " + second + " s: " + what);
    }

    /** Puts plates on the hotlist through the API as the hotlist manager; waits out a centre that is down. */
    private static void hotlist(String base, List<PlateTruth> plates, AtomicInteger entries) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                OperatorClient manager = OperatorClient.signIn(base, "demo-hotlist", PASSWORD);
                for (PlateTruth p : plates) {
                    int n = entries.incrementAndGet();
                    manager.post("/api/v1/hotlist/entries", JsonNodeFactory.instance.objectNode().put("entryId", "fault-" + n)
                            .put("plate", p.text()).put("category", "stolen-vehicle").put("priority", 1));
                }
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

}
