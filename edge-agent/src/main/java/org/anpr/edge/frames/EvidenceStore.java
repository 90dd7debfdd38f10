package org.anpr.edge.frames;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.aggregate.PassageRead;
import org.anpr.ocr.syntax.EditDistance;

/**
 * Plate crops (and overviews) of the frame candidates that may still become a passage's best
 * frame: the frame itself is closed right after recognition, the passage is emitted up to
 * {@code idleGap} later. Keyed by candidate identity ({@link PassageRead#best()} is the very object
 * offered to the aggregator). Entries leave when their passage is emitted (same camera, within its
 * time span, text within the aggregator's edit distance) or when too old to belong to any open
 * passage. Not thread-safe: the {@link PassageAssembler} calls it under its lock.
 */
final class EvidenceStore {

    /** Evidence of one frame candidate. */
    record Item(String cameraId, long captureMicros, String text, EncodedImage crop, EncodedImage overview) {
        Item withoutOverview() {
            return new Item(cameraId, captureMicros, text, crop, null);
        }
    }

    /** Identity key: two equal candidates of different frames are different evidence. */
    private record Key(PlateCandidate candidate) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.candidate == candidate;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(candidate);
        }
    }

    private final Map<Key, Item> items = new LinkedHashMap<>(); // insertion = about capture order
    private final int maxOverviews;
    private final int maxTextDistance;
    private int overviews;

    EvidenceStore(int maxOverviews, int maxTextDistance) {
        this.maxOverviews = maxOverviews;
        this.maxTextDistance = maxTextDistance;
    }

    void put(PlateCandidate c, Item item) {
        items.put(new Key(c), item);
        if (item.overview() != null && ++overviews > maxOverviews) {
            for (Map.Entry<Key, Item> e : items.entrySet()) {
                if (e.getValue().overview() != null) {
                    e.setValue(e.getValue().withoutOverview());
                    overviews--;
                    break;
                }
            }
        }
    }

    /** The best frame's evidence of {@code p}, removing everything that belonged to the passage. */
    Item take(PassageRead p) {
        Item best = items.get(new Key(p.best()));
        long from = p.firstSeenMillis() * 1000;
        long to = p.lastSeenMillis() * 1000 + 999;
        for (Iterator<Item> it = items.values().iterator(); it.hasNext(); ) {
            Item i = it.next();
            if (i == best || i.cameraId().equals(p.lane()) && i.captureMicros() >= from && i.captureMicros() <= to
                    && EditDistance.between(i.text(), p.text()) <= maxTextDistance) {
                it.remove();
                overviews -= i.overview() != null ? 1 : 0;
            }
        }
        return best;
    }

    /** Drops evidence captured before {@code oldestMicros}. */
    void expire(long oldestMicros) {
        for (Iterator<Item> it = items.values().iterator(); it.hasNext(); ) {
            Item i = it.next();
            if (i.captureMicros() < oldestMicros) {
                it.remove();
                overviews -= i.overview() != null ? 1 : 0;
            }
        }
    }

    int size() {
        return items.size();
    }
}
