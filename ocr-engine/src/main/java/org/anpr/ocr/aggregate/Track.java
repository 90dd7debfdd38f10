package org.anpr.ocr.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.PlateCandidate;

/** The frames collected for one passage so far. */
final class Track {
    final String lane;
    final long firstSeen;
    long lastSeen;
    final List<PlateCandidate> reads = new ArrayList<>();
    private String voted;
    /** The text this passage was emitted with ahead of its end (a wanted plate), or null. */
    String emittedEarly;

    Track(String lane, long time, PlateCandidate first) {
        this.lane = lane;
        this.firstSeen = time;
        add(time, first);
    }

    void add(long time, PlateCandidate c) {
        lastSeen = Math.max(lastSeen, time);
        reads.add(c);
        voted = null;
    }

    /** Current vote, recomputed lazily after new frames. */
    TextVote.Result vote() {
        TextVote.Result r = TextVote.vote(reads);
        voted = r.text();
        return r;
    }

    String votedText() {
        return voted != null ? voted : vote().text();
    }

    double lastCenterX() {
        return reads.get(reads.size() - 1).quad().boundingBox().centerX();
    }

    double lastCenterY() {
        return reads.get(reads.size() - 1).quad().boundingBox().centerY();
    }
}
