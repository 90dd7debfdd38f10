package org.anpr.edge.hotlist;

import java.util.Arrays;

/**
 * Immutable in-memory index of the hotlist's plates: exact and tolerant (confusion-class) lookup,
 * each ONE probe sequence in an open-addressing table, no allocation per lookup.
 *
 * <p>Per entry: two adjacent longs (same cache line): characters 0–9 of the packed plate, then
 * characters 10–11 (12 bits) with the validity window in minutes since 2020 (26 bits each, until
 * the year 2147). Plus one long slot in each of the two tables (load factor 0.375 to 0.75,
 * capacities powers of two): 16 + 2 * 8 / load bytes, 37 to 59, about 43 at 10 million. A slot
 * holds the key's 32-bit hash next to the ordinal, so a probe reads an entry only when the hashes
 * agree: a miss usually costs one cache miss, a hit two. Entry details (ids, category,
 * reference) stay in SQLite and are fetched on a hit. Validity here is rounded outwards to
 * minutes (never wrongly excludes); the exact window is checked again on the fetched entry.
 */
public final class HotlistIndex {
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    /** 2020-01-01T00:00:00Z in minutes since the epoch: the zero of the packed validity. */
    private static final long EPOCH_MINUTE = 26_297_280L;
    private static final long MINUTE_MASK = (1L << 26) - 1;
    /** Packed lower bound 0 and upper bound MINUTE_MASK mean "no bound". */
    private static final long NO_UNTIL = MINUTE_MASK;

    /** [2o] = plate characters 0–9; [2o+1] = characters 10–11 | from << 12 | until << 38. */
    private final long[] entries;
    private final int size;
    /** (hash << 32) | (ordinal + 1), 0 when empty; keyed by the exact plate. */
    private final long[] exactSlots;
    /** The same, keyed by the plate's confusion-class form. */
    private final long[] tolerantSlots;

    private HotlistIndex(Builder b) {
        this.size = b.size;
        this.entries = Arrays.copyOf(b.entries, 2 * size);
        int capacity = Integer.highestOneBit(Math.max(4, size * 4 / 3 + 1) - 1) << 1;
        this.exactSlots = new long[capacity];
        this.tolerantSlots = new long[capacity];
        for (int i = 0; i < size; i++) {
            long h = entries[2 * i];
            short l = low(entries[2 * i + 1]);
            insert(exactSlots, PlateKey.hash(h, l), i);
            insert(tolerantSlots, PlateKey.hash(PlateKey.canonicalHigh(h), PlateKey.canonicalLow(l)), i);
        }
    }

    private static void insert(long[] slots, int hash, int ordinal) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = (long) hash << 32 | (ordinal + 1);
    }

    private static short low(long packed) {
        return (short) (packed & 0xFFF);
    }

    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    public static HotlistIndex empty() {
        return new Builder(0).build();
    }

    public int size() {
        return size;
    }

    /** Bytes of the index's arrays (array headers ignored): its own memory accounting. */
    public long memoryBytes() {
        return (long) entries.length * 8 + (long) exactSlots.length * 8 + (long) tolerantSlots.length * 8;
    }

    /**
     * Finds entries for {@code plate} valid at {@code atMicros}: exact ones, and with
     * {@code tolerant} also those equal after confusion-class mapping (which include the exact ones).
     *
     * @param out receives entry ordinals; at most {@code out.length} are written
     * @return how many were written
     */
    public int lookup(CharSequence plate, long atMicros, boolean tolerant, int[] out) {
        int len = plate.length();
        if (len == 0 || len > PlateKey.MAX_LENGTH) {
            return 0;
        }
        // One pass: validate, pack and (for a tolerant lookup) map to confusion classes.
        byte[] symbols = PlateKey.SYMBOL_OF;
        byte[] canonical = PlateKey.CANONICAL;
        long h = 0;
        int l = 0;
        for (int i = 0; i < len; i++) {
            char c = plate.charAt(i);
            int sym = c < 128 ? symbols[c] : 0;
            if (sym == 0) {
                return 0;
            }
            if (tolerant) {
                sym = canonical[sym];
            }
            if (i < 10) {
                h |= (long) sym << (6 * i);
            } else {
                l |= sym << (6 * (i - 10));
            }
        }
        short low = (short) l;
        return probe(tolerant ? tolerantSlots : exactSlots, PlateKey.hash(h, low), h, low, tolerant, packedMinute(atMicros), out);
    }

    /** Whether some entry matches exactly and is valid at {@code atMicros}. */
    public boolean containsExact(CharSequence plate, long atMicros) {
        return lookup(plate, atMicros, false, new int[1]) > 0;
    }

    private int probe(long[] slots, int hash, long h, short l, boolean canonical, long minute, int[] out) {
        int mask = slots.length - 1;
        int n = 0;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long ref = slots[slot];
            if (ref == 0 || n == out.length) {
                return n;
            }
            if ((int) (ref >>> 32) != hash) {
                continue;
            }
            int o = (int) ref - 1;
            long eh = entries[2 * o];
            long rest = entries[2 * o + 1];
            boolean same = canonical
                    ? PlateKey.canonicalHigh(eh) == h && PlateKey.canonicalLow(low(rest)) == l
                    : eh == h && low(rest) == l;
            if (same && ((rest >>> 12) & MINUTE_MASK) <= minute && minute <= ((rest >>> 38) & MINUTE_MASK)) {
                out[n++] = o;
            }
        }
    }

    /** The plate text of an entry ordinal. */
    public String plate(int ordinal) {
        return PlateKey.text(entries[2 * ordinal], low(entries[2 * ordinal + 1]));
    }

    /** Minutes since 2020, clamped into the packed range (a bound outside it becomes "no bound"). */
    private static long packedMinute(long micros) {
        long m = Math.floorDiv(micros, MICROS_PER_MINUTE) - EPOCH_MINUTE;
        return Math.max(0, Math.min(NO_UNTIL, m));
    }

    /** Collects entries, then builds the tables once. */
    public static final class Builder {
        private long[] entries;
        private int size;

        private Builder(int expected) {
            entries = new long[2 * Math.max(16, expected)];
        }

        /**
         * @param validFromMicros  0 for no lower bound
         * @param validUntilMicros 0 for no upper bound (exclusive otherwise)
         */
        public Builder add(String plate, long validFromMicros, long validUntilMicros) {
            if (!PlateKey.fits(plate)) {
                throw new IllegalArgumentException("not a normalised plate: '" + plate + "'");
            }
            if (2 * size == entries.length) {
                entries = Arrays.copyOf(entries, entries.length + (entries.length >> 1));
            }
            long from = validFromMicros == 0 ? 0 : packedMinute(validFromMicros);
            long until = validUntilMicros == 0 ? NO_UNTIL : packedMinute(validUntilMicros + MICROS_PER_MINUTE - 1);
            entries[2 * size] = PlateKey.high(plate);
            entries[2 * size + 1] = (PlateKey.low(plate) & 0xFFFL) | from << 12 | until << 38;
            size++;
            return this;
        }

        public HotlistIndex build() {
            return new HotlistIndex(this);
        }
    }
}
