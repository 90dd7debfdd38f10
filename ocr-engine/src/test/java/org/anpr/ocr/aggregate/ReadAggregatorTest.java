package org.anpr.ocr.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.Quad;
import org.junit.jupiter.api.Test;

class ReadAggregatorTest {
    private final AggregatorConfig config = new AggregatorConfig(1000, 10_000, 2, 0, 0.2);

    static PlateCandidate cand(String text, double conf, double x) {
        return new PlateCandidate(text, conf, "NL", "##@@@#", List.of(new Alternative(text, conf, "NL", "##@@@#")),
                Quad.of(new double[] {x, x + 100, x + 100, x}, new double[] {200, 200, 222, 222}), 0.9);
    }

    static FrameObservation frame(String lane, long t, PlateCandidate... c) {
        return new FrameObservation(lane, t, List.of(c));
    }

    @Test
    void tenFramesWithTwoMisreadsGiveOneCorrectRead() {
        ReadAggregator agg = new ReadAggregator(config);
        List<PassageRead> out = new ArrayList<>();
        String[] reads = {"12ABC3", "12ABC3", "I2ABC3", "12ABC3", "12ABC3", "12A8C3", "12ABC3", "12ABC3", "12ABC3", "12ABC3"};
        for (int i = 0; i < reads.length; i++) {
            // The misreads are the most confident frames: only voting, not "take the best", gets it right.
            double conf = reads[i].equals("12ABC3") ? 0.7 : 0.9;
            out.addAll(agg.offer(frame("1", 1000 + 40L * i, cand(reads[i], conf, 300 + 5 * i))));
        }
        assertTrue(out.isEmpty(), "nothing emitted while the car is still seen");
        out.addAll(agg.poll(1000 + 40 * 9 + 999));
        assertTrue(out.isEmpty(), "idle gap not reached yet");
        out.addAll(agg.poll(1000 + 40 * 9 + 1000));
        assertEquals(1, out.size());
        PassageRead r = out.get(0);
        assertEquals("12ABC3", r.text());
        assertEquals(10, r.frames());
        assertEquals(1000, r.firstSeenMillis());
        assertEquals(1360, r.lastSeenMillis());
        assertTrue(r.confidence() > 0.7 && r.confidence() <= 1, "combined confidence " + r.confidence());
        assertEquals(0, agg.openPassages());
    }

    @Test
    void twoCarsInAdjacentLanesGiveTwoReads() {
        ReadAggregator agg = new ReadAggregator(config);
        for (int i = 0; i < 5; i++) {
            agg.offer(frame("1", 40L * i, cand("AB123CD", 0.8, 100)));
            agg.offer(frame("2", 40L * i, cand("AB123CO", 0.8, 700))); // near-identical text, other lane
        }
        List<PassageRead> out = agg.flush();
        assertEquals(2, out.size());
        assertEquals(List.of("1", "2"), out.stream().map(PassageRead::lane).sorted().toList());
        assertTrue(out.stream().anyMatch(r -> r.text().equals("AB123CD") && r.frames() == 5));
        assertTrue(out.stream().anyMatch(r -> r.text().equals("AB123CO") && r.frames() == 5));
    }

    @Test
    void twoCarsInOneFrameOfOneLaneStaySeparateByText() {
        ReadAggregator agg = new ReadAggregator(config);
        for (int i = 0; i < 4; i++) {
            agg.offer(frame("1", 40L * i, cand("AB123CD", 0.8, 100), cand("XY987ZW", 0.8, 600)));
        }
        assertEquals(2, agg.flush().size());
    }

    @Test
    void samePlateAfterTheGapIsASecondPassage() {
        ReadAggregator agg = new ReadAggregator(config);
        List<PassageRead> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.addAll(agg.offer(frame("1", 40L * i, cand("AB123CD", 0.8, 100))));
        }
        for (int i = 0; i < 3; i++) {
            out.addAll(agg.offer(frame("1", 5000 + 40L * i, cand("AB123CD", 0.8, 100))));
        }
        assertEquals(1, out.size(), "first passage emitted when the later frame arrived");
        out.addAll(agg.flush());
        assertEquals(2, out.size());
        assertEquals(List.of("AB123CD", "AB123CD"), out.stream().map(PassageRead::text).toList());
        assertEquals(5000, out.get(1).firstSeenMillis());
    }

    @Test
    void aPassageLongerThanTheWindowIsSplitAndWeakCandidatesIgnored() {
        ReadAggregator agg = new ReadAggregator(new AggregatorConfig(1000, 2000, 2, 0, 0.5));
        List<PassageRead> out = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            out.addAll(agg.offer(frame("1", 500L * i, cand("AB123CD", 0.8, 100), cand("ZZZ", 0.3, 500))));
        }
        out.addAll(agg.flush());
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.stream().allMatch(r -> r.text().equals("AB123CD")));
    }

    @Test
    void positionCheckSeparatesDistantPlatesWithSimilarText() {
        ReadAggregator agg = new ReadAggregator(new AggregatorConfig(1000, 10_000, 2, 150, 0.2));
        agg.offer(frame("1", 0, cand("AB123CD", 0.8, 100)));
        agg.offer(frame("1", 40, cand("AB123CD", 0.8, 130)));
        agg.offer(frame("1", 40, cand("AB128CD", 0.8, 900)));
        assertEquals(2, agg.flush().size());
    }

    /** A cut to another scene ends the lane's open passage; the same scene lets it go on. */
    @Test
    void aSceneCutEndsThePassageOfItsLane() {
        ReadAggregator agg = new ReadAggregator(new AggregatorConfig(1000, 10_000, 2, 0, 0.2, 40));
        byte[] road = new byte[org.anpr.ocr.SceneThumbnail.SIDE * org.anpr.ocr.SceneThumbnail.SIDE];
        byte[] roadAgain = road.clone();
        roadAgain[0] = 30; // a vehicle moved: a small difference
        byte[] otherScene = road.clone();
        java.util.Arrays.fill(otherScene, (byte) 200);
        assertEquals(0, agg.offer(new FrameObservation("L1", 0, List.of(cand("12ABC3", 0.9, 100)), road)).size());
        assertEquals(0, agg.offer(new FrameObservation("L1", 100, List.of(cand("12ABC3", 0.9, 110)), roadAgain)).size(),
                "the same scene: the passage goes on");
        List<PassageRead> cut = agg.offer(new FrameObservation("L1", 200, List.of(cand("12ABC8", 0.9, 100)), otherScene));
        assertEquals(1, cut.size(), "the cut ends the first passage");
        assertEquals(2, cut.get(0).frames());
        assertEquals(1, agg.flush().size(), "the look-alike plate after the cut is a passage of its own");
    }

    @Test
    void aWantedPlateIsEmittedOnItsFirstFrameAndItsLaterFramesGiveNoSecondRead() {
        ReadAggregator agg = new ReadAggregator(config);
        agg.emitEarlyWhen("12ABC3"::equals);
        List<PassageRead> first = agg.offer(frame("1", 1000, cand("12ABC3", 0.8, 300)));
        assertEquals(1, first.size(), "emitted while the vehicle is still in view");
        assertEquals("12ABC3", first.get(0).text());
        assertEquals(1, first.get(0).frames());
        for (int i = 1; i < 5; i++) {
            assertTrue(agg.offer(frame("1", 1000 + 40L * i, cand("12ABC3", 0.8, 300 + 5 * i))).isEmpty());
        }
        assertEquals(1, agg.openPassages(), "the passage still absorbs the vehicle's frames");
        assertTrue(agg.poll(1000 + 160 + 1000).isEmpty(), "no second read of the same vehicle at its end");
        assertEquals(0, agg.openPassages());
        // a plate not on the list waits for the passage's end as before
        assertTrue(agg.offer(frame("1", 5000, cand("99XYZ9", 0.8, 300))).isEmpty());
        assertEquals(List.of("99XYZ9"), agg.flush().stream().map(PassageRead::text).toList());
    }

    @Test
    void anEarlyReadThatTheLaterFramesOutvoteIsCorrectedAtTheEnd() {
        ReadAggregator agg = new ReadAggregator(config);
        agg.emitEarlyWhen("12ABC8"::equals);
        assertEquals(List.of("12ABC8"), agg.offer(frame("1", 0, cand("12ABC8", 0.9, 300))).stream().map(PassageRead::text).toList());
        for (int i = 1; i < 6; i++) {
            agg.offer(frame("1", 40L * i, cand("12ABC3", 0.8, 300 + 5 * i)));
        }
        List<PassageRead> end = agg.flush();
        assertEquals(1, end.size());
        assertEquals("12ABC3", end.get(0).text(), "the vote over all frames, emitted as a second read");
        assertEquals(6, end.get(0).frames());
    }
}
