package org.anpr.ocr.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anpr.ocr.Alternative;
import org.junit.jupiter.api.Test;

class OpinionPoolTest {

    private static Alternative a(String text, double score) {
        return new Alternative(text, score, "FR", "FR-SIV");
    }

    @Test
    void agreementOfTwoReadersOutranksTheSurestSingleReading() {
        List<Alternative> pooled = OpinionPool.pool(List.of(
                List.of(a("AB123CD", 0.95), a("AB123CO", 0.60)),
                List.of(a("AB123CO", 0.70), a("AB123CD", 0.10)),
                List.of(a("AB123CO", 0.65))), 5);
        assertEquals("AB123CO", pooled.get(0).text());
        assertEquals((0.60 + 0.70 + 0.65) / 3, pooled.get(0).score(), 1e-9);
        assertEquals((0.95 + 0.10) / 3, pooled.get(1).score(), 1e-9, "a silent reader counts as 0");
    }

    @Test
    void aReaderThatReadNothingStillCountsInTheMean() {
        List<Alternative> pooled = OpinionPool.pool(List.of(List.of(a("AB123CD", 0.9)), List.of()), 5);
        assertEquals(1, pooled.size());
        assertEquals(0.45, pooled.get(0).score(), 1e-9);
    }

    @Test
    void readersAgreeingOnTheLengthOutvoteAShorterReadingEveryOneOfThemAllows() {
        // Three readers read seven characters but disagree on the last; each also offers the six
        // characters without it (a dropped symbol). Text votes alone would pick the six.
        List<List<Alternative>> opinions = List.of(
                List.of(a("RK819AM", 0.74), a("RK819A", 0.46)),
                List.of(a("RK819AH", 0.59), a("RK819AM", 0.31)),
                List.of(a("RK819AY", 0.99), a("RK819A", 0.60)));
        double sixByText = (0.46 + 0.60) / 3, sevenByText = (0.74 + 0.31) / 3;
        assertTrue(sixByText > sevenByText, "the case the length vote is for");
        List<Alternative> pooled = OpinionPool.pool(opinions, 5);
        assertEquals(7, pooled.get(0).text().length(), pooled.toString());
        double sevenVote = (0.74 + 0.59 + 0.99) / 3, sixVote = (0.46 + 0.60) / 3;
        Alternative six = pooled.stream().filter(x -> x.text().equals("RK819A")).findFirst().orElseThrow();
        assertEquals(sixByText * sixVote / sevenVote, six.score(), 1e-9);
    }

    @Test
    void formatComesFromTheStrongestReaderAndEachReaderVotesOncePerText() {
        List<Alternative> pooled = OpinionPool.pool(List.of(
                List.of(new Alternative("AB123CD", 0.4, "IT", "IT-1994"), new Alternative("AB123CD", 0.3, "SK", "SK-district")),
                List.of(new Alternative("AB123CD", 0.8, "FR", "FR-SIV"))), 5);
        assertEquals(1, pooled.size());
        assertEquals("FR-SIV", pooled.get(0).format());
        assertEquals("FR", pooled.get(0).country());
        assertEquals((0.4 + 0.8) / 2, pooled.get(0).score(), 1e-9);
    }

    @Test
    void keepsTheTopNBestFirst() {
        List<Alternative> pooled = OpinionPool.pool(List.of(
                List.of(a("AAA111", 0.9), a("AAA112", 0.8), a("AAA113", 0.7), a("AAA114", 0.6))), 2);
        assertEquals(List.of("AAA111", "AAA112"), pooled.stream().map(Alternative::text).toList());
        assertTrue(OpinionPool.pool(List.of(), 3).isEmpty());
        assertTrue(OpinionPool.pool(List.of(List.of(), List.of()), 3).isEmpty());
    }
}
