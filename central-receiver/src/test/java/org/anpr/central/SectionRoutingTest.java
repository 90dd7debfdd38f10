package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.anpr.central.support.TestGantries.unchecked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.store.PendingDelivery;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.support.Inbox;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 2, the centre's side: passages are routed only from a configured section's entry
 * to its exit, violations accepted only from its exit; anything else is quarantined, counted and
 * never reaches an exit gantry. What is held is bounded per exit and in time.
 */
class SectionRoutingTest {
    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(29);

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private void start(int maxHeldPerExit) throws Exception {
        var c = TestGantries.config(dir);
        receiver = new Receiver(c.withSections(c.sections().withMaxHeldPerExit(maxHeldPerExit)));
        receiver.start();
    }

    private SectionPassage passage(String section, String entry, String exit, long expiresMicros) {
        return samples.passage(entry, exit).toBuilder().setSectionId(section).setExpiresAtMicros(expiresMicros).build();
    }

    private static long inHours(long hours) {
        return System.currentTimeMillis() * 1000 + hours * 3600L * 1_000_000;
    }

    private void publish(String gantry, TopicKind kind, com.google.protobuf.Message m) throws Exception {
        MqttClient c = TestGantries.connect(receiver.port(), gantry, true);
        try {
            c.publish(Topic.of(gantry, kind).name(), encode(m), 1, false); // returns after PUBACK: committed
        } finally {
            TestGantries.closeQuietly(c);
        }
    }

    @Test
    void aGantryThatIsNotTheSectionsEntryCannotPlantAPassage() throws Exception {
        start(1_000);
        Inbox inbox = new Inbox();
        MqttClient exit = TestGantries.client(receiver.port(), EXIT);
        exit.setCallback(inbox);
        exit.connect(TestGantries.options(EXIT, true));
        try {
            exit.subscribe(Topic.of(EXIT, TopicKind.SECTION_ENTRIES).name(), 1);
            // OTHER claims to be the entry of the real section, addressed to the real exit
            publish(OTHER, TopicKind.PASSAGES, passage(TestGantries.SECTION, OTHER, EXIT, inHours(2)));
            // the real entry, but to a gantry that is not the section's exit, and of a section nobody configured
            publish(ENTRY, TopicKind.PASSAGES, passage(TestGantries.SECTION, ENTRY, OTHER, inHours(2)));
            publish(ENTRY, TopicKind.PASSAGES, passage("A2-km52-km60", ENTRY, EXIT, inHours(2)));
            assertNull(inbox.next(1), "a passage off the configured section reached the exit gantry");
            assertTrue(receiver.store().pendingDeliveries().isEmpty(), "a refused passage is held for delivery");
            assertEquals(3, receiver.metrics().get(Counter.SECTION_REFUSALS));
            List<RejectedPayload> rejected = receiver.store().rejected();
            assertEquals(3, rejected.size(), "each refused passage is quarantined, not dropped");
            assertTrue(rejected.get(0).reason().contains("whose entry is " + ENTRY), rejected.get(0).reason());
            assertTrue(rejected.get(1).reason().contains("its exit is " + EXIT), rejected.get(1).reason());
            assertTrue(rejected.get(2).reason().contains("not configured"), rejected.get(2).reason());

            publish(ENTRY, TopicKind.PASSAGES, passage(TestGantries.SECTION, ENTRY, EXIT, inHours(2)));
            assertNotNull(inbox.next(5), "the section's own passage is routed");
        } finally {
            TestGantries.closeQuietly(exit);
        }
    }

    @Test
    void violationsAreAcceptedOnlyFromTheSectionsExitOverItsEntrysRead() throws Exception {
        start(1_000);
        SectionViolation real = samples.violation(ENTRY, EXIT);
        publish(OTHER, TopicKind.VIOLATIONS, samples.violation(ENTRY, OTHER)); // OTHER as the exit of ENTRY's section
        publish(EXIT, TopicKind.VIOLATIONS, samples.violation(OTHER, EXIT));   // an entry read from the wrong gantry
        assertEquals(0, receiver.store().countViolations());
        assertEquals(2, receiver.metrics().get(Counter.SECTION_REFUSALS));
        publish(EXIT, TopicKind.VIOLATIONS, real);
        assertEquals(1, receiver.store().countViolations(), "the section's exit's violation is stored");
    }

    @Test
    void heldPassagesAreBoundedPerExitAndInTime() throws Exception {
        start(2);
        publish(ENTRY, TopicKind.PASSAGES, passage(TestGantries.SECTION, ENTRY, EXIT, inHours(10_000))); // a year ahead
        publish(ENTRY, TopicKind.PASSAGES, passage(TestGantries.SECTION, ENTRY, EXIT, inHours(2)));
        await("two passages held for the offline exit", Duration.ofSeconds(5), () -> receiver.router().held(EXIT).size() == 2);
        publish(ENTRY, TopicKind.PASSAGES, passage(TestGantries.SECTION, ENTRY, EXIT, inHours(2)));
        assertEquals(2, receiver.router().held(EXIT).size(), "a third passage held over sections.maxHeldPerExit = 2");
        assertEquals(1, receiver.metrics().get(Counter.SECTION_REFUSALS));
        assertEquals("HOLD_FULL", receiver.store().rejected().get(0).problem());
        long limit = inHours(48) + 60_000_000L;
        await("held passages stored", Duration.ofSeconds(5), unchecked(() -> receiver.store().pendingDeliveries().size() == 2));
        for (PendingDelivery d : receiver.store().pendingDeliveries()) {
            assertTrue(d.expiresMicros() <= limit, "held until " + d.expiresMicros() + ", past sections.maxHold (48 h)");
        }
        for (PendingDelivery d : receiver.router().held(EXIT)) {
            assertTrue(d.expiresMicros() <= limit, "held in memory past sections.maxHold (48 h)");
        }
    }
}
