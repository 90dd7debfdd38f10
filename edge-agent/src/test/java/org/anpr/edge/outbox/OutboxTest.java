package org.anpr.edge.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.anpr.edge.testing.Messages;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    private static final String G = "A2-N-km40";
    private final WireCodec codec = new WireCodec();
    private final SampleMessages samples = new SampleMessages(7);
    @TempDir
    Path dir;

    private Outbox open() throws Exception {
        return Outbox.open(dir.resolve("outbox.db"), OutboxLimits.DEFAULTS, codec);
    }

    private long appendRead(Outbox o, PlateRead read) throws Exception {
        return o.append(Topic.of(G, TopicKind.READS), PlateReadBatch.newBuilder().addReads(read).build());
    }

    @Test
    void sendsAlertsThenViolationsThenPassagesThenReadsFifoWithin() throws Exception {
        try (Outbox o = open()) {
            long r1 = appendRead(o, samples.read(G));
            long r2 = appendRead(o, samples.read(G));
            long p1 = o.append(Topic.of(G, TopicKind.PASSAGES), samples.passage(G, "A2-N-km52"));
            long a1 = o.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
            long v1 = o.append(Topic.of("A2-N-km52", TopicKind.VIOLATIONS), samples.violation(G, "A2-N-km52"));
            long a2 = o.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
            long r3 = appendRead(o, samples.read(G));
            List<Long> order = o.next(10, Set.of()).stream().map(OutboxItem::seq).toList();
            assertEquals(List.of(a1, a2, v1, p1, r1, r2, r3), order);
            assertEquals(List.of(a2, v1), o.next(2, Set.of(a1)).stream().map(OutboxItem::seq).toList(), "in-flight items are skipped");
        }
    }

    @Test
    void deletesOnlyAcknowledgedAndKeepsTheRestAcrossReopen() throws Exception {
        long[] seqs = new long[5];
        try (Outbox o = open()) {
            for (int i = 0; i < 5; i++) {
                seqs[i] = appendRead(o, samples.read(G));
            }
            o.ack(List.of(seqs[1], seqs[3], 999_999L));
            assertEquals(3, o.stats().items());
        }
        try (Outbox o = open()) {
            assertEquals(List.of(seqs[0], seqs[2], seqs[4]), o.next(10, Set.of()).stream().map(OutboxItem::seq).toList());
            assertEquals(3, o.stats().items());
        }
    }

    @Test
    void itemsInFlightButUnacknowledgedAreSentAgainAfterRestart() throws Exception {
        PlateRead read = samples.read(G);
        try (Outbox o = open()) {
            appendRead(o, read);
            assertEquals(1, o.next(10, Set.of()).size()); // "published", then the process dies: no ack
        }
        try (Outbox o = open()) {
            List<OutboxItem> again = o.next(10, Set.of());
            assertEquals(1, again.size());
            Envelope env = codec.decode(again.get(0).topic(), again.get(0).payload());
            assertEquals(read.getReadId(), env.getReads().getReads(0).getReadId());
        }
    }

    @Test
    void invalidMessageIsRejectedAndNothingIsStored() throws Exception {
        try (Outbox o = open()) {
            PlateRead bad = samples.read(G).toBuilder().setPlateText("ab-12").build();
            ProtocolException e = assertThrows(ProtocolException.class, () -> appendRead(o, bad));
            assertTrue(e.getMessage().contains("plate_text"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> o.append(Topic.of(G, TopicKind.STATUS), samples.status(G)));
            assertEquals(0, o.stats().items());
        }
    }

    @Test
    void overDiskBoundShedsOverviewsFirstThenOldestCropsButNeverAlerts() throws Exception {
        OutboxLimits limits = new OutboxLimits(1 << 20);
        long alertSeq;
        try (Outbox o = Outbox.open(dir.resolve("outbox.db"), limits, codec)) {
            var alert = samples.alert(G);
            alert = alert.toBuilder().setRead(Messages.withImages(alert.getRead(), 200_000, 50_000)).build();
            alertSeq = o.append(Topic.of(G, TopicKind.ALERTS), alert);
            for (int i = 0; i < 30; i++) {
                appendRead(o, Messages.withImages(samples.read(G), 100_000, 30_000));
            }
            OutboxStats s = o.stats();
            assertEquals(31, s.items(), "nothing is dropped whole");
            assertTrue(s.bytes() <= limits.maxBytes(), "under the bound: " + s.bytes());
            assertEquals(30, s.overviewsShed());
            assertTrue(s.cropsShed() >= 1 && s.cropsShed() < 30, "some crops shed: " + s.cropsShed());

            List<OutboxItem> items = o.next(100, Set.of());
            assertEquals(alertSeq, items.get(0).seq());
            PlateRead alertRead = Envelope.parseFrom(items.get(0).payload()).getAlert().getRead();
            assertTrue(alertRead.hasOverview() && alertRead.hasPlateCrop(), "alerts keep their images");
            PlateRead oldest = Envelope.parseFrom(items.get(1).payload()).getReads().getReads(0);
            PlateRead newest = Envelope.parseFrom(items.get(30).payload()).getReads().getReads(0);
            assertFalse(oldest.hasOverview() || oldest.hasPlateCrop(), "oldest read lost both images");
            assertFalse(newest.hasOverview());
            assertTrue(newest.hasPlateCrop(), "newest read keeps its crop");
            assertEquals(16, oldest.getReadId().size(), "the read itself is intact");
            assertTrue(oldest.getPlateCropDropped(), "the read says its crop was shed");
            codec.decode(items.get(1).payload()); // and is still a valid wire message (throws if not)
        }
        try (Outbox o = Outbox.open(dir.resolve("outbox.db"), limits, codec)) {
            assertEquals(30, o.stats().overviewsShed(), "counters survive a restart");
            assertTrue(o.stats().bytes() <= limits.maxBytes());
        }
    }

    @Test
    void storesExactlyTheEncodedEnvelope() throws Exception {
        try (Outbox o = open()) {
            PlateReadBatch batch = samples.batch(G, 3);
            o.append(Topic.of(G, TopicKind.READS), WireCodec.wrap(batch, 123_000_000L));
            OutboxItem item = o.next(1, Set.of()).get(0);
            assertEquals(Priority.READ, item.priority());
            assertArrayEquals(codec.encode(WireCodec.wrap(batch, 123_000_000L)), item.payload());
        }
    }
}
