package org.anpr.edge.frames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.edge.frames.metrics.PipelineMetrics;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.aggregate.AggregatorConfig;
import org.anpr.ocr.aggregate.FrameObservation;
import org.anpr.ocr.aggregate.PassageRead;
import org.anpr.ocr.aggregate.ReadAggregator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From recognised frames to passage reads. Workers finish frames out of capture order (several
 * workers; triggered frames overtake), but the {@link ReadAggregator} closes a passage as soon as
 * a frame {@code idleGap} later arrives, so a late frame of the same vehicle would open a second
 * passage. Hence a reorder stage: every queued frame is registered as pending; results are handed
 * to the aggregator in capture-time order, only once no older frame is still pending (dropped,
 * stale and failed frames are released too), and the periodic poll never looks past the oldest
 * pending frame. All aggregator calls and listener calls happen under this object's lock.
 */
final class PassageAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(PassageAssembler.class);

    /** A frame's place in capture order. */
    record Key(long captureMicros, long order) {
        static final Comparator<Key> ORDER = Comparator.comparingLong(Key::captureMicros).thenComparingLong(Key::order);
    }

    private record Done(Key key, FrameObservation observation, Map<PlateCandidate, EvidenceStore.Item> evidence) {
    }

    private final AggregatorConfig config;
    private final ReadAggregator aggregator;
    private final EvidenceStore evidence;
    private final PassageListener listener;
    private final PipelineMetrics metrics;
    private final Map<String, Integer> lanes = new ConcurrentHashMap<>();
    private final TreeSet<Key> pending = new TreeSet<>(Key.ORDER);
    private final PriorityQueue<Done> ready = new PriorityQueue<>(Comparator.comparing(Done::key, Key.ORDER));
    private long releasedMillis = Long.MIN_VALUE; // newest capture time handed to the aggregator
    private long releasedAtNanos;

    PassageAssembler(AggregatorConfig config, int maxOverviews, PassageListener listener, PipelineMetrics metrics) {
        this.config = config;
        this.aggregator = new ReadAggregator(config);
        this.evidence = new EvidenceStore(maxOverviews, config.maxTextDistance());
        this.listener = listener;
        this.metrics = metrics;
    }

    /** See {@link ReadAggregator#emitEarlyWhen}. */
    void emitEarlyWhen(java.util.function.Predicate<String> urgentText) {
        aggregator.emitEarlyWhen(urgentText);
    }

    void lane(String cameraId, int lane) {
        lanes.put(cameraId, lane);
    }

    synchronized void pending(Key k) {
        pending.add(k);
    }

    /** The frame produced nothing (dropped, stale, rejected, failed). */
    synchronized void abandon(Key k) {
        pending.remove(k);
        release();
    }

    synchronized void done(Key k, FrameObservation observation, Map<PlateCandidate, EvidenceStore.Item> items) {
        pending.remove(k);
        ready.add(new Done(k, observation, items));
        release();
    }

    /** Emits passages idle for the gap; the clock is the newest released capture time plus the wall time since. */
    synchronized void poll() {
        if (releasedMillis == Long.MIN_VALUE) {
            return;
        }
        long now = releasedMillis + (System.nanoTime() - releasedAtNanos) / 1_000_000;
        if (!pending.isEmpty()) {
            now = Math.min(now, pending.first().captureMicros() / 1000);
        }
        emit(aggregator.poll(now));
        evidence.expire((now - config.maxPassageMillis() - config.idleGapMillis()) * 1000);
    }

    /** Emits every open passage (end of stream, shutdown): results still waiting are offered first. */
    synchronized void flush() {
        pending.clear();
        release();
        emit(aggregator.flush());
    }

    synchronized int openPassages() {
        return aggregator.openPassages();
    }

    private void release() {
        while (!ready.isEmpty() && (pending.isEmpty() || Key.ORDER.compare(ready.peek().key(), pending.first()) < 0)) {
            Done d = ready.poll();
            d.evidence().forEach(evidence::put);
            emit(aggregator.offer(d.observation()));
            if (d.observation().timeMillis() >= releasedMillis) {
                releasedMillis = d.observation().timeMillis();
                releasedAtNanos = System.nanoTime();
            }
        }
    }

    private void emit(List<PassageRead> reads) {
        for (PassageRead p : reads) {
            EvidenceStore.Item item = evidence.take(p);
            if (item == null || item.crop() == null) {
                LOG.warn("passage {} on {} has no plate crop", p.text(), p.lane());
            }
            PassageEvidence e = toEvidence(p, item);
            metrics.readsOut.increment();
            try {
                listener.onPassage(e);
            } catch (RuntimeException ex) {
                LOG.error("passage listener failed on {}: {}", p.text(), ex.toString());
            }
        }
    }

    private PassageEvidence toEvidence(PassageRead p, EvidenceStore.Item item) {
        PlateCandidate best = p.best();
        String format = best.text().equals(p.text()) ? best.format()
                : best.alternatives().stream().filter(a -> a.text().equals(p.text())).map(Alternative::format)
                        .findFirst().orElse("");
        List<Alternative> alternatives = new ArrayList<>();
        alternatives.add(new Alternative(p.text(), p.confidence(), p.country(), format));
        best.alternatives().stream().filter(a -> !a.text().equals(p.text())).forEach(alternatives::add);
        long capture = item != null ? item.captureMicros() : p.lastSeenMillis() * 1000;
        return new PassageEvidence(p.lane(), lanes.getOrDefault(p.lane(), 0), p.text(), p.confidence(),
                isoCountry(p.country()), format, alternatives, best.quad(), item != null ? item.crop() : null,
                java.util.Optional.ofNullable(item != null ? item.overview() : null), capture,
                p.firstSeenMillis() * 1000, p.lastSeenMillis() * 1000, p.frames());
    }

    /** The recognizer names generic syntaxes by region ("EU"); the wire wants ISO 3166-1 or nothing. */
    static String isoCountry(String c) {
        return c != null && c.matches("[A-Z]{2}") && !c.equals("EU") ? c : "";
    }
}
