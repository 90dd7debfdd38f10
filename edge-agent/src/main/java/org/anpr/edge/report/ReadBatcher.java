package org.anpr.edge.report;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxItem;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateReadBatch;

/**
 * Turns outbox items into MQTT messages: consecutive read items (the outbox hands them over in
 * order, after alerts, violations and passages) are merged into one {@link PlateReadBatch} of up
 * to {@code maxReads} reads and {@link #MAX_BATCH_BYTES}; every other item goes alone. A message
 * carries the sequence numbers of all its items, which are deleted together on its PUBACK.
 */
final class ReadBatcher {
    /** Well under the centre's default 4 MiB packet limit, so a batch of reads with crops always fits. */
    static final int MAX_BATCH_BYTES = 1 << 20;

    /** One MQTT message to publish. */
    record Outgoing(Topic topic, byte[] payload, long[] seqs) {
    }

    private final WireCodec codec;
    private final int maxReads;

    ReadBatcher(WireCodec codec, int maxReads) {
        this.codec = codec;
        this.maxReads = maxReads;
    }

    /**
     * The next messages to publish, at most {@code room}, skipping items in {@code inflight}. Only
     * the first {@code room} items are read at first: if they end in reads (which come last in the
     * outbox's priority order), more reads are read to fill batches in the remaining room. So a
     * backlog of passages or violations, which go one per message, never makes this load fifty
     * times the payloads it can send.
     */
    List<Outgoing> next(Outbox outbox, int room, Set<Long> inflight) throws SQLException {
        List<OutboxItem> items = outbox.next(room, inflight);
        boolean moreReads = maxReads > 1 && items.size() == room
                && items.get(items.size() - 1).topic().kind() == TopicKind.READS;
        if (moreReads) {
            long singles = items.stream().filter(i -> i.topic().kind() != TopicKind.READS).count();
            int wanted = (int) ((room - singles) * maxReads - (room - singles));
            Set<Long> skip = new HashSet<>(inflight);
            items.forEach(i -> skip.add(i.seq()));
            items = new ArrayList<>(items);
            items.addAll(outbox.next(wanted, skip));
        }
        return messages(items, room);
    }

    /** At most {@code maxMessages} messages from {@code items}, in order. */
    List<Outgoing> messages(List<OutboxItem> items, int maxMessages) {
        List<Outgoing> out = new ArrayList<>();
        int i = 0;
        while (i < items.size() && out.size() < maxMessages) {
            OutboxItem first = items.get(i);
            int end = i + 1;
            if (first.topic().kind() == TopicKind.READS && maxReads > 1) {
                long bytes = first.payload().length;
                while (end < items.size() && end - i < maxReads && items.get(end).topic().equals(first.topic())
                        && bytes + items.get(end).payload().length <= MAX_BATCH_BYTES) {
                    bytes += items.get(end).payload().length;
                    end++;
                }
            }
            out.add(end - i == 1 ? single(first) : merged(items.subList(i, end)));
            i = end;
        }
        return out;
    }

    private static Outgoing single(OutboxItem item) {
        return new Outgoing(item.topic(), item.payload(), new long[] {item.seq()});
    }

    private Outgoing merged(List<OutboxItem> reads) {
        PlateReadBatch.Builder batch = PlateReadBatch.newBuilder();
        long[] seqs = new long[reads.size()];
        try {
            for (int k = 0; k < reads.size(); k++) {
                OutboxItem item = reads.get(k);
                Envelope e = codec.decode(item.topic(), item.payload());
                batch.addAllReads(e.getReads().getReadsList());
                seqs[k] = item.seq();
            }
            byte[] payload = codec.encode(WireCodec.wrap(batch.build(), System.currentTimeMillis() * 1000));
            return new Outgoing(reads.get(0).topic(), payload, seqs);
        } catch (ProtocolException e) {
            // stored items were validated on append; should one not merge, it goes alone (and the
            // centre's answer decides), rather than holding up the whole backlog
            return single(reads.get(0));
        }
    }
}
