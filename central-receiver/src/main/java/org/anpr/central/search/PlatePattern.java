package org.anpr.central.search;

import java.util.Locale;
import java.util.Objects;
import org.anpr.protocol.PlateText;

/**
 * What an operator searches plates by: the exact plate, a wildcard pattern ({@code ?} one
 * character, {@code *} any run, possibly empty) or the plate up to OCR confusions
 * ({@link PlateText#confusionKey}). Made by {@link #parse}, which normalises and validates, so a
 * pattern always holds A–Z, 0–9 and, for wildcards only, {@code ?} and {@code *}.
 *
 * @param kind how {@code text} matches
 * @param text the normalised plate or pattern
 */
public record PlatePattern(Kind kind, String text) {
    /** How a pattern matches; its lower-case name is the API's {@code mode}. */
    public enum Kind { EXACT, WILDCARD, TOLERANT }

    public PlatePattern {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The pattern of an operator's {@code text} in {@code mode} ({@code exact} when null or blank,
     * {@code wildcard}, {@code tolerant}, case-insensitive); spaces, dashes and dots are dropped,
     * letters upper-cased.
     *
     * @throws IllegalArgumentException with a message for the operator when either is not usable
     */
    public static PlatePattern parse(String text, String mode) {
        Kind kind = kind(mode);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("plate: is empty");
        }
        String normalised = PlateText.normalise(text.strip());
        int literals = 0;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                literals++;
            } else if (!(kind == Kind.WILDCARD && isWildcard(c))) {
                throw new IllegalArgumentException("plate: '" + text + "' has characters other than A-Z 0-9"
                        + (isWildcard(c) ? " (? and * need mode wildcard)" : ""));
            }
        }
        if (literals == 0) {
            throw new IllegalArgumentException(kind == Kind.WILDCARD ? "plate: wildcard pattern needs at least one literal character"
                    : "plate: '" + text + "' has no characters A-Z 0-9");
        }
        if (literals > PlateText.MAX_LENGTH) {
            throw new IllegalArgumentException("plate: '" + text + "' is longer than " + PlateText.MAX_LENGTH + " characters");
        }
        return new PlatePattern(kind, normalised);
    }

    private static Kind kind(String mode) {
        if (mode == null || mode.isBlank()) {
            return Kind.EXACT;
        }
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(mode.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("mode: '" + mode + "' is not one of exact, wildcard, tolerant");
    }

    private static boolean isWildcard(char c) {
        return c == '?' || c == '*';
    }

    /** The characters before the first wildcard: all of {@link #text} unless this is a wildcard pattern. */
    public String literalPrefix() {
        if (kind != Kind.WILDCARD) {
            return text;
        }
        int i = 0;
        while (i < text.length() && !isWildcard(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i);
    }

    /** The tolerant search's key ({@link PlateText#confusionKey}) of {@link #text}. */
    public String confusionKey() {
        return PlateText.confusionKey(text);
    }

    /** The mode's name as the API spells it. */
    public String mode() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
