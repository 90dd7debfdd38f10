package org.anpr.edge.hotlist;

import org.anpr.protocol.PlateText;

/**
 * Packs a normalised plate (A–Z, 0–9, at most 12 characters) into 72 bits: 6 bits per
 * character (0 = end, 1–10 = digits, 11–36 = letters), characters 0–9 in a long, 10–11 in a short.
 * The "confusion class" form maps every character to its class's representative, so a plate
 * misread as a confusable one (0/O/D/Q, 1/I/L, 8/B, 5/S, 2/Z, 6/G) gets the same key.
 */
public final class PlateKey {
    public static final int MAX_LENGTH = 12;
    private static final int BITS = 6;
    private static final int IN_HIGH = 10;
    /** Symbol -> symbol of its confusion class representative. */
    static final byte[] CANONICAL = new byte[64];
    /** ASCII character -> symbol, 0 for characters a plate cannot hold. */
    static final byte[] SYMBOL_OF = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            SYMBOL_OF[c] = (byte) Math.max(0, symbol(c));
        }
        for (int s = 0; s < 64; s++) {
            CANONICAL[s] = (byte) s;
        }
        for (String group : PlateText.CONFUSION_CLASSES) {
            int rep = symbol(group.charAt(0));
            for (int i = 1; i < group.length(); i++) {
                CANONICAL[symbol(group.charAt(i))] = (byte) rep;
            }
        }
    }

    private PlateKey() {
    }

    /** Whether {@code plate} can be packed (normalised and not too long). */
    public static boolean fits(CharSequence plate) {
        if (plate.length() == 0 || plate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < plate.length(); i++) {
            if (symbol(plate.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Characters 0–9. The caller has checked {@link #fits}. */
    public static long high(CharSequence plate) {
        long key = 0;
        int n = Math.min(plate.length(), IN_HIGH);
        for (int i = 0; i < n; i++) {
            key |= (long) symbol(plate.charAt(i)) << (i * BITS);
        }
        return key;
    }

    /** Characters 10–11 (12 bits, returned in a short). */
    public static short low(CharSequence plate) {
        int key = 0;
        for (int i = IN_HIGH; i < plate.length(); i++) {
            key |= symbol(plate.charAt(i)) << ((i - IN_HIGH) * BITS);
        }
        return (short) key;
    }

    public static long canonicalHigh(long high) {
        long out = 0;
        for (int shift = 0; shift < IN_HIGH * BITS; shift += BITS) {
            out |= (long) CANONICAL[(int) (high >>> shift) & 63] << shift;
        }
        return out;
    }

    public static short canonicalLow(short low) {
        return (short) (CANONICAL[low & 63] | CANONICAL[(low >>> BITS) & 63] << BITS);
    }

    /** Unpacks a key back into text. */
    public static String text(long high, short low) {
        StringBuilder s = new StringBuilder(MAX_LENGTH);
        for (int i = 0; i < IN_HIGH; i++) {
            int sym = (int) (high >>> (i * BITS)) & 63;
            if (sym == 0) {
                return s.toString();
            }
            s.append(character(sym));
        }
        for (int i = 0; i < 2; i++) {
            int sym = (low >>> (i * BITS)) & 63;
            if (sym == 0) {
                break;
            }
            s.append(character(sym));
        }
        return s.toString();
    }

    /** Hash of a 72-bit key (a 64-bit finaliser: neighbouring plates land far apart). */
    static int hash(long high, short low) {
        long h = high * 0x9E3779B97F4A7C15L ^ (low & 0xFFFL) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }

    private static int symbol(char c) {
        if (c >= '0' && c <= '9') {
            return 1 + (c - '0');
        }
        if (c >= 'A' && c <= 'Z') {
            return 11 + (c - 'A');
        }
        return -1;
    }

    private static char character(int symbol) {
        return symbol <= 10 ? (char) ('0' + symbol - 1) : (char) ('A' + symbol - 11);
    }
}
