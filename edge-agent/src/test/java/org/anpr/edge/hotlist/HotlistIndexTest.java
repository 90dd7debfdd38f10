package org.anpr.edge.hotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HotlistIndexTest {
    private static final String SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    @Test
    void packsAndUnpacksEveryLength() {
        for (String plate : new String[] {"A", "0", "AB12CD", "ZZZZZZZZZZ", "ABCDEFGHIJK9", "999999999999"}) {
            assertEquals(plate, PlateKey.text(PlateKey.high(plate), PlateKey.low(plate)));
        }
        assertFalse(PlateKey.fits("AB-12"));
        assertFalse(PlateKey.fits("ABCDEFGHIJKLM"));
        assertEquals(PlateKey.canonicalHigh(PlateKey.high("0O1I8B5S2Z6G")), PlateKey.canonicalHigh(PlateKey.high("DQLL88SS22GG")));
        assertEquals(PlateKey.canonicalLow(PlateKey.low("0O1I8B5S2Z6G")), PlateKey.canonicalLow(PlateKey.low("DQLL88SS22GG")));
    }

    @Test
    void millionEntriesFitUnder64BytesEachAndAllAreFound() {
        int n = 1_000_000;
        Random r = new Random(11);
        String[] plates = new String[n];
        HotlistIndex.Builder b = HotlistIndex.builder(n);
        for (int i = 0; i < n; i++) {
            int len = 4 + r.nextInt(9);
            StringBuilder s = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                s.append(SYMBOLS.charAt(r.nextInt(SYMBOLS.length())));
            }
            plates[i] = s.toString();
            b.add(plates[i], 0, 0);
        }
        HotlistIndex index = b.build();
        double perEntry = index.memoryBytes() / (double) n;
        assertTrue(perEntry < 64, "bytes per entry: " + perEntry);
        int[] out = new int[8];
        for (int i = 0; i < n; i += 997) {
            assertTrue(index.lookup(plates[i], 0, false, out) >= 1, plates[i]);
            boolean found = false;
            int k = index.lookup(plates[i], 0, false, out);
            for (int j = 0; j < k; j++) {
                found |= index.plate(out[j]).equals(plates[i]);
            }
            assertTrue(found);
        }
        // a confusable variant of a stored plate is found tolerantly but not exactly (when it differs)
        String variant = plates[5].replace('0', 'O').replace('1', 'I').replace('8', 'B');
        assertTrue(index.lookup(variant, 0, true, out) >= 1);
        if (!variant.equals(plates[5]) && !contains(plates, variant)) {
            assertEquals(0, index.lookup(variant, 0, false, out));
        }
    }

    private static boolean contains(String[] plates, String p) {
        for (String s : plates) {
            if (s.equals(p)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void validityIsFilteredInTheIndexRoundedOutwards() {
        long minute = 60_000_000L;
        long t = org.anpr.protocol.sample.SampleMessages.BASE_MICROS;
        HotlistIndex index = HotlistIndex.builder(2).add("AB12", t + 10 * minute + 5, t + 20 * minute + 5).build();
        assertFalse(index.containsExact("AB12", t + 9 * minute));
        assertTrue(index.containsExact("AB12", t + 10 * minute), "rounded outwards: the exact check is done on the SQLite entry");
        assertTrue(index.containsExact("AB12", t + 15 * minute));
        assertTrue(index.containsExact("AB12", t + 20 * minute + 30_000_000L));
        assertFalse(index.containsExact("AB12", t + 22 * minute));
        assertTrue(HotlistIndex.builder(1).add("AB12", 0, 0).build().containsExact("AB12", t), "no bounds");
        assertEquals(0, HotlistIndex.empty().lookup("AB12", 0, true, new int[4]));
    }
}
