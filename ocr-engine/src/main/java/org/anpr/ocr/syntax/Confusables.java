package org.anpr.ocr.syntax;

import java.util.Map;

/**
 * Characters an OCR model confuses on plate fonts. Syntax uses these to swap a character that
 * cannot stand at a position (a letter where the syntax says digit) for its look-alike.
 */
final class Confusables {
    private static final Map<Character, String> SIMILAR = Map.ofEntries(
            Map.entry('0', "ODQG"), Map.entry('O', "0DQ"), Map.entry('D', "0O"), Map.entry('Q', "0O"),
            Map.entry('1', "IJLT"), Map.entry('I', "1JL"), Map.entry('J', "1I"), Map.entry('L', "1I"),
            Map.entry('8', "B"), Map.entry('B', "83"), Map.entry('3', "B"),
            Map.entry('5', "S"), Map.entry('S', "5"),
            Map.entry('2', "Z"), Map.entry('Z', "27"),
            Map.entry('6', "G"), Map.entry('G', "60C"), Map.entry('C', "G"),
            Map.entry('4', "A"), Map.entry('A', "4"),
            Map.entry('7', "TZ"), Map.entry('T', "71"));

    private Confusables() {
    }

    /** Look-alikes of {@code c}, most likely first; empty if none. */
    static String of(char c) {
        return SIMILAR.getOrDefault(c, "");
    }
}
