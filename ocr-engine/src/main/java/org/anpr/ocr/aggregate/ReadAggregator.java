package org.anpr.ocr.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.syntax.EditDistance;

/**
 * Turns the per-frame candidates of consecutive frames into ONE read per vehicle passage.
 * A candidate joins the open passage of its lane whose voted text is within
 * {@code maxTextDistance} edits (closest wins; optionally also near the last plate position);
 * otherwise it opens a new passage. A passage is emitted when idle for {@code idleGapMillis}, when
 * its lane's view cuts to another scene ({@code sceneCut}: the next of a folder of photographs), or
 * closed when it gets older than {@code maxPassageMillis}. A passage whose voted text is
 * {@linkplain #emitEarlyWhen urgent} (a wanted plate) is emitted as soon as it reads so, and
 * its later frames are absorbed without a second read, unless they change the vote: then the
 * passage is emitted again at its end with the corrected text. Thread-safe; time comes only from
 * the observations and {@link #poll(long)}, so it is deterministic under test.
 */
public final class ReadAggregator {
    private final AggregatorConfig config;
    private final List<Track> open = new ArrayList<>();
    /** Each lane's previous thumbnail; lanes are the cameras: few. */
    private final java.util.Map<String, byte[]> lastThumbnail = new java.util.HashMap<>();
    private volatile java.util.function.Predicate<String> urgent = text -> false;

    public ReadAggregator(AggregatorConfig config) {
        this.config = config;
    }

    /**
     * Which voted texts are emitted at once instead of at the passage's end: the gantry's hotlist,
     * so a wanted vehicle is reported while still in view, not a second and a half after it left.
     * Called on every frame that joins a passage: must be fast and thread-safe.
     */
    public void emitEarlyWhen(java.util.function.Predicate<String> urgentText) {
        this.urgent = java.util.Objects.requireNonNull(urgentText, "urgentText");
    }

    /** Adds a frame; returns the passages that became due at its time (usually none). */
    public synchronized List<PassageRead> offer(FrameObservation frame) {
        List<PassageRead> due = poll(frame.timeMillis());
        if (frame.thumbnail() != null) {
            byte[] before = lastThumbnail.put(frame.lane(), frame.thumbnail());
            if (config.sceneCut() > 0 && org.anpr.ocr.SceneThumbnail.difference(before, frame.thumbnail()) > config.sceneCut()) {
                due.addAll(endLane(frame.lane())); // a cut: what was open belongs to the scene before
            }
        }
        for (PlateCandidate c : frame.candidates()) {
            if (c.confidence() < config.minConfidence() || c.text().isEmpty()) {
                continue;
            }
            Track t = match(frame.lane(), frame.timeMillis(), c);
            if (t == null) {
                t = new Track(frame.lane(), frame.timeMillis(), c);
                open.add(t);
            } else {
                t.add(frame.timeMillis(), c);
            }
            if (t.emittedEarly == null && urgent.test(t.votedText())) {
                PassageRead early = emit(t);
                t.emittedEarly = early.text();
                due.add(early);
            }
        }
        return due;
    }

    /** Emits the passages idle for at least the gap (or past the window) at {@code nowMillis}. */
    public synchronized List<PassageRead> poll(long nowMillis) {
        List<PassageRead> out = new ArrayList<>();
        for (Iterator<Track> it = open.iterator(); it.hasNext(); ) {
            Track t = it.next();
            boolean idle = nowMillis - t.lastSeen >= config.idleGapMillis();
            boolean tooLong = nowMillis - t.firstSeen > config.maxPassageMillis();
            if (idle || tooLong) {
                it.remove();
                emitAtEnd(t, out);
            }
        }
        out.sort(Comparator.comparingLong(PassageRead::firstSeenMillis));
        return out;
    }

    private List<PassageRead> endLane(String lane) {
        List<PassageRead> out = new ArrayList<>();
        for (Iterator<Track> it = open.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (t.lane.equals(lane)) {
                it.remove();
                emitAtEnd(t, out);
            }
        }
        return out;
    }

    /** Emits every open passage (end of stream, shutdown). */
    public synchronized List<PassageRead> flush() {
        return poll(Long.MAX_VALUE);
    }

    /** Number of passages still being collected. */
    public synchronized int openPassages() {
        return open.size();
    }

    private Track match(String lane, long time, PlateCandidate c) {
        Track best = null;
        int bestDist = Integer.MAX_VALUE;
        for (Track t : open) {
            if (!t.lane.equals(lane) || time - t.firstSeen > config.maxPassageMillis()) {
                continue;
            }
            int d = EditDistance.between(t.votedText(), c.text());
            if (d > config.maxTextDistance() || d >= bestDist || !near(t, c)) {
                continue;
            }
            best = t;
            bestDist = d;
        }
        return best;
    }

    private boolean near(Track t, PlateCandidate c) {
        if (config.maxCenterJump() <= 0) {
            return true;
        }
        double dx = c.quad().boundingBox().centerX() - t.lastCenterX();
        double dy = c.quad().boundingBox().centerY() - t.lastCenterY();
        return Math.hypot(dx, dy) <= config.maxCenterJump();
    }

    /** A passage ends: emitted now, unless it already was with the same text. */
    private static void emitAtEnd(Track t, List<PassageRead> out) {
        if (t.emittedEarly == null || !t.emittedEarly.equals(t.votedText())) {
            out.add(emit(t));
        }
    }

    private static PassageRead emit(Track t) {
        TextVote.Result v = t.vote();
        PlateCandidate best = t.reads.stream().max(Comparator.comparingDouble(PlateCandidate::confidence)).orElseThrow();
        String country = t.reads.stream().filter(c -> c.text().equals(v.text()))
                .max(Comparator.comparingDouble(PlateCandidate::confidence)).map(PlateCandidate::country)
                .orElse(best.country());
        return new PassageRead(t.lane, v.text(), v.confidence(), country, t.firstSeen, t.lastSeen, t.reads.size(), best);
    }
}
