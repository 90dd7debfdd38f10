package org.anpr.ocr.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.Region;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;
import org.anpr.ocr.ocr.OcrSymbol.Choice;
import org.junit.jupiter.api.Test;

class SyntaxRankerTest {
    private final SyntaxRanker eu = new SyntaxRanker(SyntaxProfile.load(Region.EU));
    private final SyntaxRanker br = new SyntaxRanker(SyntaxProfile.load(Region.BR));
    private final SyntaxRanker us = new SyntaxRanker(SyntaxProfile.load(Region.US));

    /** Every character read with probability 0.9 and no alternatives. */
    static OcrLine line(String text) {
        List<OcrSymbol> s = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            s.add(new OcrSymbol(List.of(new Choice(text.charAt(i), 0.9)), i * 10));
        }
        return new OcrLine(s);
    }

    @Test
    void confusablesAreResolvedByPosition() {
        // Mercosur ABC1D23 read with 8/B, 0/O, 5/S and 2/Z confusions.
        Alternative merc = br.rank(line("A8C1DZ3"), 5).get(0);
        assertEquals("ABC1D23", merc.text());
        assertEquals("BR-mercosur", merc.format());
        assertEquals("BRA0S12", br.rank(line("8RAOS12"), 5).get(0).text());
        // E has no digit look-alike, so no Brazilian syntax fits: the generic fallback keeps the raw text.
        Alternative raw = br.rank(line("A8C12E4"), 5).get(0);
        assertEquals("A8C12E4", raw.text());
        assertEquals("BR-generic", raw.format());
        // Under NL sidecode 99-XXX-9 the S and the O must be digits.
        Alternative nl = eu.rank(line("S5XXXO"), 10).stream().filter(a -> a.format().equals("NL-sidecode-7")).findFirst().orElseThrow();
        assertEquals("55XXX0", nl.text());
        assertEquals("NL", nl.country());
    }

    @Test
    void nationalSyntaxBeatsGenericButNeedsFewSwaps() {
        Alternative top = eu.rank(line("AB123CD"), 5).get(0);
        assertEquals("AB123CD", top.text());
        assertTrue(List.of("FR", "IT", "HR").contains(top.country()), top.toString());
        // Each look-alike swap costs, more so when the OCR was sure of what it read.
        Alternative swapped = eu.rank(line("AB1Z3CD"), 5).get(0);
        assertEquals("AB123CD", swapped.text());
        assertEquals(top.score() * SyntaxRanker.swapPenalty(0.9), swapped.score(), 1e-9);
        assertTrue(SyntaxRanker.swapPenalty(0.99) < SyntaxRanker.swapPenalty(0.4));
        // No national syntax fits: the raw reading under the generic European syntax.
        Alternative generic = eu.rank(line("WXYWXYW"), 5).get(0);
        assertEquals("WXYWXYW", generic.text());
        assertEquals("EU", generic.country());
        assertEquals("EU-generic", generic.format());
    }

    @Test
    void tesseractAlternativesAreUsed() {
        List<OcrSymbol> s = new ArrayList<>(line("AB12CD").symbols());
        // Third symbol: Tesseract says 'Q' first but offers '0' too; the syntax needs a digit there.
        s.add(2, new OcrSymbol(List.of(new Choice('Q', 0.6), new Choice('0', 0.4)), 25));
        List<Alternative> alts = eu.rank(new OcrLine(s), 5);
        assertEquals("AB012CD", alts.get(0).text());
    }

    @Test
    void spuriousSymbolIsDroppedAndTopNIsRespected() {
        List<Alternative> alts = eu.rank(line("AB123CD1"), 3);
        assertEquals(3, alts.size());
        assertTrue(alts.stream().anyMatch(a -> a.text().equals("AB123CD")), alts.toString());
        for (int i = 1; i < alts.size(); i++) {
            assertTrue(alts.get(i - 1).score() >= alts.get(i).score());
        }
        assertEquals("ABC123", us.rank(line("ABC123"), 5).get(0).text());
        assertTrue(us.rank(line("A"), 5).isEmpty(), "below the shortest syntax");
    }
}
