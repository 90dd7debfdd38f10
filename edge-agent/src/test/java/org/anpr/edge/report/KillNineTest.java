package org.anpr.edge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.protocol.WireCodec;
import org.anpr.edge.testing.Subscriber;
import org.anpr.protocol.v1.GantryState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM writes reads through outbox -> reporter -> mosquitto and is killed with
 * SIGKILL mid-stream, then restarted on the same outbox file: every read it recorded as written
 * arrives, at least once, and exactly once after deduplication by read id.
 */
class KillNineTest {
    private static final String G = "A2-N-km40";
    @TempDir
    Path dir;

    private Process child(Path outbox, Path ids, String uri, int reads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ProducerChild.class.getName(),
                outbox.toString(), ids.toString(), uri, G, Integer.toString(reads), "3")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static Set<String> written(Path ids) throws IOException {
        Set<String> out = new HashSet<>();
        if (Files.exists(ids)) {
            for (String line : Files.readAllLines(ids)) {
                if (line.length() == 32) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void everyReadWrittenBeforeSigkillArrivesAfterRestart() throws Exception {
        Path outbox = dir.resolve("outbox.db");
        Path ids = dir.resolve("ids.txt");
        try (Mosquitto broker = Mosquitto.start(Files.createDirectories(dir.resolve("broker")));
             Subscriber centre = new Subscriber(broker.uri(), "centre-kill9", "anpr/v1/" + G + "/#")) {
            Process first = child(outbox, ids, broker.uri(), 100_000);
            assertTrue(Subscriber.await(() -> sizeOf(ids) >= 400 && centre.readIds().size() >= 100, 60, TimeUnit.SECONDS),
                    "child produced and published");
            first.destroyForcibly(); // SIGKILL: no shutdown hooks, no DISCONNECT, mid-stream
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            assertTrue(Subscriber.await(() -> centre.received().stream().anyMatch(m -> m.topic().endsWith("/status")
                    && m.envelope().getStatus().getState() == GantryState.GANTRY_STATE_OFFLINE), 10, TimeUnit.SECONDS),
                    "the broker published the OFFLINE last will");

            // Second life: killed again while the broker is down, so a backlog is surely unacknowledged.
            Process second = child(outbox, ids, broker.uri(), 100_000);
            long before = sizeOf(ids);
            assertTrue(Subscriber.await(() -> sizeOf(ids) >= before + 100, 60, TimeUnit.SECONDS));
            broker.stopProcess();
            long atOutage = sizeOf(ids);
            assertTrue(Subscriber.await(() -> sizeOf(ids) >= atOutage + 100, 60, TimeUnit.SECONDS), "keeps writing while the broker is down");
            second.destroyForcibly();
            assertTrue(second.waitFor(10, TimeUnit.SECONDS));
            Set<String> writtenIds = written(ids);
            try (Outbox o = Outbox.open(outbox, OutboxLimits.DEFAULTS, new WireCodec())) {
                assertTrue(o.stats().items() >= 100, "unacknowledged backlog survived SIGKILL: " + o.stats().items());
            }
            broker.startProcess();

            Process third = child(outbox, ids, broker.uri(), 0); // same outbox file: only drains
            try {
                assertTrue(Subscriber.await(() -> centre.distinctReadIds().containsAll(writtenIds), 60, TimeUnit.SECONDS),
                        "missing after restart: " + missing(writtenIds, centre.distinctReadIds()).size());
            } finally {
                third.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            List<String> all = centre.readIds();
            Set<String> distinct = new HashSet<>(all);
            Set<String> extra = new HashSet<>(distinct);
            extra.removeAll(writtenIds);
            // at most one read per kill: committed to the outbox, killed before its id reached the file
            assertTrue(extra.size() <= 2, "reads nobody wrote: " + extra);
            assertEquals(distinct.size(), writtenIds.size() + extra.size(), "exactly once after dedup by read id");
            System.out.printf("kill -9: %d reads written, %d deliveries, %d duplicates%n", writtenIds.size(), all.size(), all.size() - distinct.size());
        }
    }

    private static long sizeOf(Path ids) {
        File f = ids.toFile();
        return f.exists() ? f.length() / 33 : 0;
    }

    private static Set<String> missing(Set<String> expected, Set<String> got) {
        Set<String> m = new HashSet<>(expected);
        m.removeAll(got);
        return m;
    }
}
