package org.anpr.edge.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anpr.edge.frames.metrics.PipelineMetrics;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.Quad;
import org.anpr.ocr.aggregate.AggregatorConfig;
import org.anpr.ocr.aggregate.FrameObservation;
import org.junit.jupiter.api.Test;

/** The reorder stage: frames finished out of capture order still make one passage per vehicle. */
class PassageAssemblerTest {
    private final List<PassageEvidence> out = new ArrayList<>();
    private final PassageAssembler assembler = new PassageAssembler(AggregatorConfig.defaults(), 8, out::add,
            new PipelineMetrics());

    private static PlateCandidate plate(String text, double conf) {
        Quad q = Quad.of(new double[] {100, 200, 200, 100}, new double[] {50, 50, 80, 80});
        return new PlateCandidate(text, conf, "NL", "@@###@", List.of(new Alternative(text, conf, "NL", "@@###@")), q, 0.9);
    }

    private void done(long millis, long order, PlateCandidate c) {
        EncodedImage crop = new EncodedImage(new byte[] {(byte) order}, 100, 30);
        assembler.done(new PassageAssembler.Key(millis * 1000, order),
                new FrameObservation("cam", millis, List.of(c)),
                Map.of(c, new EvidenceStore.Item("cam", millis * 1000, c.text(), crop, null)));
    }

    @Test
    void aLateFrameJoinsItsPassageInsteadOfOpeningASecondOne() {
        assembler.lane("cam", 2);
        PassageAssembler.Key a = new PassageAssembler.Key(0, 0);
        PassageAssembler.Key b = new PassageAssembler.Key(1_000_000, 1);
        PassageAssembler.Key c = new PassageAssembler.Key(2_000_000, 2);
        assembler.pending(a);
        assembler.pending(b);
        assembler.pending(c);
        PlateCandidate best = plate("AB123C", 0.9);
        done(0, 0, plate("AB123C", 0.6));
        done(2000, 2, plate("ZZ999Z", 0.8)); // a worker finished the newer frame first
        assertTrue(out.isEmpty(), "frame b is still pending: nothing may close yet");
        done(1000, 1, best);
        assembler.flush();
        assertEquals(2, out.size(), out.toString());
        PassageEvidence first = out.get(0);
        assertEquals("AB123C", first.text());
        assertEquals(2, first.frames(), "a and b in one passage");
        assertEquals(2, first.lane());
        assertEquals(1_000_000, first.captureMicros(), "capture time of the best frame");
        assertEquals(1, first.plateCrop().jpeg()[0], "crop of the best frame");
        assertEquals("NL", first.country());
        assertEquals("AB123C", first.alternatives().get(0).text());
    }

    @Test
    void abandonedFramesReleaseTheOnesBehindThemAndPollWaitsForPendingOnes() throws Exception {
        PassageAssembler.Key lost = new PassageAssembler.Key(500_000, 1);
        assembler.pending(new PassageAssembler.Key(0, 0));
        assembler.pending(lost);
        done(0, 0, plate("AB123C", 0.9));
        assembler.pending(new PassageAssembler.Key(3_000_000, 2));
        done(3000, 2, plate("XY456Z", 0.9));
        assertTrue(out.isEmpty(), "the dropped frame at 500 ms is still pending");
        assembler.abandon(lost); // dropped by the queue
        assertEquals(1, out.size(), "AB123C idle since 0 ms, released with the 3000 ms frame");
        assembler.pending(new PassageAssembler.Key(3_100_000, 3));
        Thread.sleep(20);
        assembler.poll();
        assertEquals(1, out.size(), "poll never looks past the oldest pending frame");
        assembler.flush();
        assertEquals(2, out.size());
        assertSame(null, out.get(1).overview().orElse(null));
    }

    @Test
    void genericSyntaxCountriesAreNotSentAsIsoCodes() {
        assertEquals("", PassageAssembler.isoCountry("EU"));
        assertEquals("", PassageAssembler.isoCountry("eu"));
        assertEquals("DE", PassageAssembler.isoCountry("DE"));
        assertEquals("", PassageAssembler.isoCountry(null));
    }
}
