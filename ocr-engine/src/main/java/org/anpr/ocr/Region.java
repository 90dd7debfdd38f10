package org.anpr.ocr;

import java.util.Locale;

/** Region profile, like OpenALPR's {@code -c}: selects the plate syntax file. */
public enum Region {
    /** Europe: national syntaxes plus a generic European fallback (default). */
    EU,
    /** Brazil: old ABC1234 and Mercosur ABC1D23. */
    BR,
    /** United States: generic 2 to 8 alphanumerics. */
    US;

    /** Resource name of the syntax file, e.g. {@code org/anpr/ocr/syntax/eu.patterns}. */
    public String patternsResource() {
        return "org/anpr/ocr/syntax/" + code() + ".patterns";
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code eu}, {@code br} or {@code us} (case-insensitive). */
    public static Region parse(String code) {
        for (Region r : values()) {
            if (r.code().equalsIgnoreCase(code.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown region '" + code + "' (expected eu, br or us)");
    }
}
