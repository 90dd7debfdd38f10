package org.anpr.protocol;

import java.util.List;
import java.util.Locale;

/**
 * Normalised plate text, the form every message carries: upper-case A–Z and 0–9 only, no
 * separators, 1 to {@value #MAX_LENGTH} characters.
 */
public final class PlateText {
    public static final int MAX_LENGTH = 12;
    /**
     * Characters an OCR engine confuses, in classes; the first of each is its representative. The
     * gantry's tolerant hotlist match and the centre's tolerant search use the same classes.
     */
    public static final List<String> CONFUSION_CLASSES = List.of("0ODQ", "1IL", "8B", "5S", "2Z", "6G");
    private static final char[] REPRESENTATIVE = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            REPRESENTATIVE[c] = c;
        }
        for (String group : CONFUSION_CLASSES) {
            for (int i = 1; i < group.length(); i++) {
                REPRESENTATIVE[group.charAt(i)] = group.charAt(0);
            }
        }
    }

    private PlateText() {
    }

    /**
     * Normalises what a person or an OCR engine wrote: drops spaces, dashes, dots and middle
     * dots, upper-cases Latin letters. Returns the result without validating it.
     */
    public static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '\u00B7' || c == '_' || c == '\t') {
                continue;
            }
            out.append(c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The plate with every character replaced by its confusion class's representative
     * ({@code "BO1AB"} and {@code "8D1A8"} both give {@code "801A8"}): two plates an OCR engine may
     * confuse have the same key. Characters outside ASCII are kept.
     */
    public static String confusionKey(CharSequence plate) {
        char[] out = new char[plate.length()];
        for (int i = 0; i < out.length; i++) {
            char c = plate.charAt(i);
            out[i] = c < 128 ? REPRESENTATIVE[c] : c;
        }
        return new String(out);
    }

    /** Whether {@code text} is already in normalised form. */
    public static boolean isValid(String text) {
        return problemWith(text) == null;
    }

    /** Why {@code text} is not a normalised plate, or null when it is. */
    public static String problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return "plate text is empty";
        }
        if (text.length() > MAX_LENGTH) {
            return "plate text has " + text.length() + " characters, at most " + MAX_LENGTH + " allowed";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ok) {
                return String.format("character %s at position %d is not A-Z or 0-9", printable(c), i);
            }
        }
        return null;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
