package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 6: what the centre keeps of one gantry's rejected payloads is bounded per day, in
 * rows and in bytes; past it they are still acknowledged (the outbox drains) and counted, and other
 * gantries' rejects are unaffected.
 */
class RejectQuotaTest {
    @TempDir
    Path dir;

    private static byte[] garbage(int size, int seed) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) (0xF0 + seed % 8)); // never a valid envelope
        return b;
    }

    @Test
    void rejectsBeyondTheDailyQuotaAreAcknowledgedCountedAndNotKept() throws Exception {
        var c = TestGantries.config(dir);
        try (Receiver receiver = new Receiver(c.withRetention(c.retention().withRejectedQuota(3, 10_000)))) {
            receiver.start();
            String reads = Topic.of(ENTRY, TopicKind.READS).name();
            MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
            try {
                gantry.publish(reads, garbage(9_000, 1), 1, false);
                gantry.publish(reads, garbage(2_000, 2), 1, false); // would pass 10,000 bytes: not kept
                gantry.publish(reads, garbage(500, 3), 1, false);
                gantry.publish(reads, garbage(100, 4), 1, false);   // the third kept: the row quota is full
                for (int i = 0; i < 5; i++) {
                    gantry.publish(reads, garbage(10, 5 + i), 1, false); // each returns: acknowledged
                }
                gantry.publish(reads, encode(new SampleMessages(3).batch(ENTRY, 1)), 1, false);
            } finally {
                TestGantries.closeQuietly(gantry);
            }
            MqttClient other = TestGantries.connect(receiver.port(), EXIT, true);
            try {
                other.publish(Topic.of(EXIT, TopicKind.READS).name(), garbage(50, 1), 1, false);
            } finally {
                TestGantries.closeQuietly(other);
            }
            var kept = receiver.store().rejected();
            assertEquals(4, kept.size(), "three of ENTRY's and one of EXIT's");
            assertEquals(3, kept.stream().filter(r -> r.gantryId().equals(ENTRY)).count());
            assertEquals(9_600, kept.stream().filter(r -> r.gantryId().equals(ENTRY)).mapToInt(r -> r.payload().length).sum());
            assertEquals(1, kept.stream().map(RejectedPayload::gantryId).filter(EXIT::equals).count(), "another gantry's quota is its own");
            assertEquals(10, receiver.metrics().get(Counter.REJECTED_PAYLOADS), "every reject is counted");
            assertEquals(6, receiver.metrics().get(Counter.REJECTED_NOT_KEPT));
            assertEquals(1, receiver.store().countReads(), "the good message behind the rejects is stored");
        }
    }
}
