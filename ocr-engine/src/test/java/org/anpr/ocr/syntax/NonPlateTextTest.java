package org.anpr.ocr.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.Quad;
import org.junit.jupiter.api.Test;

/** Issue 15, item 2: a road sign's or a badge's text beside a real plate is not reported as a plate. */
class NonPlateTextTest {
    private static PlateCandidate candidate(String text, double confidence, String country, String format) {
        return new PlateCandidate(text, confidence, country, format, List.of(new Alternative(text, confidence, country, format)),
                Quad.of(new double[] {0, 100, 100, 0}, new double[] {0, 0, 20, 20}), 0.9);
    }

    private static List<String> texts(List<PlateCandidate> cs) {
        return cs.stream().map(PlateCandidate::text).toList();
    }

    @Test
    void lowScoringGenericTextBesideANationalPlateIsDroppedAndAVanityPlateAloneIsKept() {
        PlateCandidate plate = candidate("WA56660", 0.42, "PL", "PL-2L-5D");
        PlateCandidate sign = candidate("EXIT", 0.36, "EU", "EU-generic");
        PlateCandidate confidentGeneric = candidate("AB12345", 0.62, "EU", "EU-generic");
        assertEquals(List.of("WA56660"), texts(NonPlateText.drop(List.of(plate, sign), "eu")));
        assertEquals(List.of("WA56660", "AB12345"), texts(NonPlateText.drop(List.of(plate, confidentGeneric), "eu")),
                "a generic reading with a good score stays");
        PlateCandidate vanity = candidate("BIMMIAN", 0.18, "EU", "EU-generic");
        assertEquals(List.of("BIMMIAN"), texts(NonPlateText.drop(List.of(vanity), "eu")), "alone in its frame it is kept");
        assertEquals(List.of(), texts(NonPlateText.drop(List.of(), "eu")));
    }
}
