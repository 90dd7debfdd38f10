package org.anpr.ocr.synth;

import org.anpr.ocr.Region;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlateSyntaxSampleTest {

    @Test
    void everyCountryProducesTextsOfItsOwnSyntax() {
        Random rnd = new Random(3);
        for (Region region : Region.values()) {
            for (String country : PlateSyntaxSample.countries(region)) {
                assertEquals(region, PlateSyntaxSample.regionOf(country));
                for (int i = 0; i < 200; i++) {
                    PlateText p = PlateSyntaxSample.next(country, rnd);
                    assertTrue(p.text().matches("[A-Z0-9]{2,8}"), p.toString());
                    assertEquals(p.text(), p.display().replaceAll("[^A-Z0-9]", ""), "display keeps the characters");
                    assertNotNull(PlateSyntaxSample.templateOf(country, p.text()), p + " matches no template");
                    assertEquals(country, p.country());
                }
            }
        }
    }

    @Test
    void nationalFormatsLookRight() {
        Random rnd = new Random(11);
        assertTrue(PlateSyntaxSample.next("BE", rnd).display().matches("\\d-[A-Z]{3}-\\d{3}"));
        assertTrue(PlateSyntaxSample.next("FR", rnd).display().matches("[A-Z]{2}-\\d{3}-[A-Z]{2}"));
        assertTrue(PlateSyntaxSample.next("GB", rnd).display().matches("[A-Z]{2}\\d{2} [A-Z]{3}"));
        assertTrue(PlateSyntaxSample.next("ES", rnd).display().matches("\\d{4} [B-DF-HJ-NP-TV-Z]{3}"));
        assertTrue(PlateSyntaxSample.next("IT", rnd).display().matches("[A-Z]{2} \\d{3} [A-Z]{2}"));
        Set<Boolean> mercosur = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String br = PlateSyntaxSample.next("BR", rnd).text();
            assertTrue(br.matches("[A-Z]{3}\\d{4}|[A-Z]{3}\\d[A-Z]\\d{2}"), br);
            mercosur.add(Character.isLetter(br.charAt(4)));
        }
        assertEquals(2, mercosur.size(), "both the old and the Mercosur format occur");
    }

    @Test
    void sameSeedSameTexts() {
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 50; i++) {
            assertEquals(PlateSyntaxSample.next(Region.EU, a), PlateSyntaxSample.next(Region.EU, b));
        }
    }

    @Test
    void confusableBiasStaysWithinTheSyntax() {
        Random rnd = new Random(5);
        int confusable = 0;
        for (int i = 0; i < 300; i++) {
            PlateText p = PlateSyntaxSample.next("NL", rnd, 1.0);
            assertNotNull(PlateSyntaxSample.templateOf("NL", p.text()), p.toString());
            confusable += p.text().replaceAll("[^0185264BDGHNSZ]", "").length();
        }
        assertTrue(confusable > 1000, "a full bias draws mostly confusable characters: " + confusable);
    }

    @Test
    void unknownCountryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PlateSyntaxSample.next("XX", new Random(1)));
    }
}
