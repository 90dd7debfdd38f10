package org.anpr.ocr.syntax;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anpr.ocr.Region;
import org.junit.jupiter.api.Test;

class PlatePatternTest {

    @Test
    void classesAndLiterals() {
        PlatePattern p = PlatePattern.expand("NL-sidecode-7", "NL", "##@@@#", 1).get(0);
        assertTrue(p.matches("99XXX9"));
        assertFalse(p.matches("9XXXX9"));
        PlatePattern es = PlatePattern.expand("ES-2000", "ES", "####[BCDF-H]{3}", 1).get(0);
        assertTrue(es.matches("1234BGH"));
        assertFalse(es.matches("1234BAE"), "vowels are not in the class");
        assertTrue(PlatePattern.expand("X-test", "X", "CD#", 1).get(0).matches("CD7"));
    }

    @Test
    void quantifiersExpandToFixedLengths() {
        List<PlatePattern> ps = PlatePattern.expand("DE-test", "DE", "@{1,3}#{1,2}", 1);
        assertEquals(6, ps.size());
        assertTrue(ps.stream().anyMatch(p -> p.matches("M5")));
        assertTrue(ps.stream().anyMatch(p -> p.matches("ABC12")));
        assertTrue(ps.stream().allMatch(p -> p.name().equals("DE-test")), "every form keeps the line's name");
    }

    @Test
    void badPatternsAndFilesNameTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> PlatePattern.expand("X-test", "X", "[AB", 1));
        assertThrows(IllegalArgumentException.class, () -> PlatePattern.expand("X-test", "X", "@{3,1}", 1));
        assertThrows(IllegalArgumentException.class, () -> PlatePattern.expand("X-test", "X", "@-#", 1));
        var e = assertThrows(IllegalArgumentException.class, () -> SyntaxProfile.parse("t",
                new ByteArrayInputStream("NL NL-7 ##@@@#\nXX XX-1 ## 7\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void syntaxNamesAreRequiredValidAndUniqueInAFile() {
        // The old two-column form (no name) is refused with the expected layout in the message.
        var noName = assertThrows(IllegalArgumentException.class, () -> parse("NL ##@@@# 0.9\n"));
        assertTrue(noName.getMessage().contains("line 1") && noName.getMessage().contains("NAME"), noName.getMessage());
        var dup = assertThrows(IllegalArgumentException.class, () -> parse("NL NL-7 ##@@@#\n; c\nNL NL-7 #@@@##\n"));
        assertTrue(dup.getMessage().contains("line 3") && dup.getMessage().contains("line 1"), dup.getMessage());
        for (String bad : new String[] {"-NL", "NL\u00e9", "N" + "x".repeat(64), "NL/7"}) {
            assertThrows(IllegalArgumentException.class, () -> parse("NL " + bad + " ##@@@#\n"), bad);
        }
        SyntaxProfile ok = assertDoesNotThrow(() -> parse("NL NL-sidecode-7 ##@@@#\nEU EU_generic.v2 ?{4,5} 0.5\n"));
        assertEquals(List.of("NL-sidecode-7", "EU_generic.v2"), ok.syntaxNames());
        assertEquals("EU_generic.v2", ok.match("ABCDE").orElseThrow().name());
    }

    /** Every syntax line of every region has a name, and no two lines anywhere share one. */
    @Test
    void everyPatternOfEveryRegionHasAUniqueName() throws Exception {
        Map<String, String> owner = new HashMap<>();
        for (Region region : Region.values()) {
            SyntaxProfile profile = SyntaxProfile.load(region);
            List<String> names = profile.syntaxNames();
            // one name per non-comment line of the file
            String file;
            try (var in = getClass().getClassLoader().getResourceAsStream(region.patternsResource())) {
                file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long lines = file.lines().map(l -> l.replaceFirst(";.*", "").trim()).filter(l -> !l.isEmpty()).count();
            assertEquals(lines, names.size(), region + ": a name per pattern line");
            for (String name : names) {
                assertTrue(SyntaxName.isValid(name), region + ": " + name);
                assertTrue(name.length() <= 128 && name.chars().allMatch(c -> c > 0x20 && c < 0x7f),
                        "wire contract: printable, at most 128: " + name);
                String previous = owner.put(name, region.code());
                assertNull(previous, name + " used in " + previous + " and " + region.code());
            }
            // every fixed-length form carries one of the file's names, and every name survives expansion
            Set<String> used = new HashSet<>();
            for (PlatePattern p : profile.patterns()) {
                assertTrue(names.contains(p.name()), p.toString());
                used.add(p.name());
                // a name stands for one line: one country and one source pattern
                assertEquals(1, profile.patterns().stream().filter(q -> q.name().equals(p.name()))
                        .map(q -> q.country() + " " + q.source()).distinct().count(), p.name());
            }
            assertEquals(new HashSet<>(names), used, region + ": a line whose forms were all shadowed");
        }
    }

    private static SyntaxProfile parse(String text) throws java.io.IOException {
        return SyntaxProfile.parse("t", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyRegionLoadsAndKnowsItsNationalFormats() {
        SyntaxProfile eu = SyntaxProfile.load(Region.EU);
        for (String[] sample : new String[][] {
            {"1ABC123", "BE"}, {"99XXX9", "NL"}, {"AB123CD", "FR"}, {"MAB1234", "DE"}, {"AB1234", "LU"},
            {"AB12CDE", "GB"}, {"1234BCD", "ES"}, {"WA12345", "PL"}}) {
            assertTrue(eu.patterns().stream().anyMatch(p -> p.country().equals(sample[1]) && p.matches(sample[0])),
                    sample[0] + " as " + sample[1]);
        }
        assertTrue(eu.patterns().stream().anyMatch(p -> p.country().equals("IT") && p.matches("AB123CD")));
        assertTrue(eu.match("Z9Z9").isPresent(), "generic European fallback");
        SyntaxProfile br = SyntaxProfile.load(Region.BR);
        assertEquals("BR", br.match("ABC1234").orElseThrow().country());
        assertEquals("@@@#@##", br.match("ABC1D23").orElseThrow().source());
        assertEquals("BR-mercosur", br.match("ABC1D23").orElseThrow().name());
        assertEquals("BR-1990", br.match("ABC1234").orElseThrow().name());
        assertEquals("ES-2000", eu.match("1234BCD").orElseThrow().name());
        assertEquals("NL-sidecode-8", eu.patterns().stream().filter(p -> p.country().equals("NL") && p.matches("1XXX99"))
                .findFirst().orElseThrow().name());
        assertEquals("EU-generic", eu.match("Z9Z9").orElseThrow().name());
        SyntaxProfile us = SyntaxProfile.load(Region.US);
        assertEquals("US-generic", us.match("7AB").orElseThrow().name());
        assertFalse(us.match("ABCDEFGHI").isPresent(), "more than 8");
    }

    @Test
    void editDistance() {
        assertEquals(0, EditDistance.between("AB123", "AB123"));
        assertEquals(1, EditDistance.between("AB123", "AB128"));
        assertEquals(1, EditDistance.between("AB123", "B123"));
        assertEquals(3, EditDistance.between("", "ABC"));
    }
}
