package org.anpr.ocr.syntax;

import java.util.regex.Pattern;

/**
 * Rules for a syntax name ({@code ES-2000}, {@code NL-sidecode-8}, {@code EU-generic}). The name is
 * what {@code PlateRead.plate_format} carries on the wire (at most 128 printable characters), so it
 * is kept well inside that: 1-64 ASCII letters, digits, {@code -}, {@code _} or {@code .}, starting
 * with a letter or digit.
 */
public final class SyntaxName {
    static final String RULE = "1-64 of A-Z a-z 0-9 - _ . starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private SyntaxName() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
