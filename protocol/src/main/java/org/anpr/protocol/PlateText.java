package org.anpr.protocol;

import java.util.Locale;

/**
 * Normalised plate text, the form every message carries: upper-case A–Z and 0–9 only, no
 * separators, 1 to {@value #MAX_LENGTH} characters.
 */
public final class PlateText {
    public static final int MAX_LENGTH = 12;

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
