package org.anpr.central.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.anpr.protocol.ids.Uuid7;
import org.junit.jupiter.api.Test;

/** The search's values without a store: plate patterns, cursors, queries, and the shared SQL's parts. */
class SearchQueryTest {
    static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void platePatternsAreNormalisedAndValidated() {
        assertEquals(new PlatePattern(PlatePattern.Kind.EXACT, "AB12CD"), PlatePattern.parse(" ab-12 cd ", null));
        assertEquals(new PlatePattern(PlatePattern.Kind.EXACT, "AB12CD"), PlatePattern.parse("AB12CD", ""));
        assertEquals(new PlatePattern(PlatePattern.Kind.TOLERANT, "AB0123"), PlatePattern.parse("ab0123", "Tolerant"));
        assertEquals(new PlatePattern(PlatePattern.Kind.WILDCARD, "A?C12*"), PlatePattern.parse("a?c-12*", "wildcard"));
        assertEquals("A80123", PlatePattern.parse("ABO123", "tolerant").confusionKey());
        assertEquals("A", PlatePattern.parse("A?C12*", "wildcard").literalPrefix());
        assertEquals("AB", PlatePattern.parse("AB*", "wildcard").literalPrefix());
        assertEquals("", PlatePattern.parse("*123", "wildcard").literalPrefix());
        assertEquals("AB12", PlatePattern.parse("AB12", "wildcard").literalPrefix());
        assertEquals("AB12", PlatePattern.parse("AB12", "exact").literalPrefix());
        assertEquals("wildcard", PlatePattern.parse("AB*", "wildcard").mode());
    }

    @Test
    void unusablePlatePatternsAreRefusedWithAReason() {
        assertEquals("plate: wildcard pattern needs at least one literal character", error(() -> PlatePattern.parse("*?*", "wildcard")));
        assertEquals("plate: 'A#B' has characters other than A-Z 0-9", error(() -> PlatePattern.parse("A#B", null)));
        assertEquals("plate: 'AB*' has characters other than A-Z 0-9 (? and * need mode wildcard)",
                error(() -> PlatePattern.parse("AB*", "exact")));
        assertTrue(error(() -> PlatePattern.parse("AB?", "tolerant")).startsWith("plate: "));
        assertEquals("plate: 'Ä1' has characters other than A-Z 0-9", error(() -> PlatePattern.parse("Ä1", "wildcard")));
        assertEquals("plate: is empty", error(() -> PlatePattern.parse("  ", null)));
        assertEquals("plate: is empty", error(() -> PlatePattern.parse(null, "exact")));
        assertEquals("plate: '--' has no characters A-Z 0-9", error(() -> PlatePattern.parse("--", null)));
        assertTrue(error(() -> PlatePattern.parse("ABCDEFGHIJKLM", null)).contains("longer than 12"));
        assertEquals("mode: 'fuzzy' is not one of exact, wildcard, tolerant", error(() -> PlatePattern.parse("AB1", "fuzzy")));
    }

    @Test
    void cursorsRoundTripAndGarbageIsRefused() {
        byte[] id = Uuid7.toBytes(Uuid7.next());
        Cursor c = new Cursor(1_795_000_000_123_456L, id);
        String text = c.encode();
        assertTrue(text.matches("[A-Za-z0-9_-]{32}"), text);
        assertEquals(c, Cursor.decode(text));
        assertArrayEquals(id, Cursor.decode(text).readId());
        assertEquals(new Cursor(-1, id), Cursor.decode(new Cursor(-1, id).encode()));
        assertNotEquals(c, new Cursor(c.captureMicros() + 1, id));
        for (String garbage : new String[] {"", "abc", "!!!!", text + "AAAA", text.substring(1), "not a cursor at all, really!"}) {
            assertTrue(error(() -> Cursor.decode(garbage)).startsWith("cursor: "), garbage);
        }
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode(null));
        assertThrows(IllegalArgumentException.class, () -> new Cursor(1, new byte[3]));
    }

    @Test
    void queriesNeedAPlateOrAGantryAndASaneLimit() {
        PlatePattern p = PlatePattern.parse("AB1", null);
        assertTrue(error(() -> new ReadQuery(null, null, "cam-1", 2, "NL", 1L, 2L, 0.5f, null, 10)).startsWith("plate:"));
        assertTrue(error(() -> new ReadQuery(null, "", null, null, null, null, null, null, null, 10)).startsWith("plate:"));
        assertTrue(error(() -> ReadQuery.ofPlate(p, 0)).startsWith("limit:"));
        assertTrue(error(() -> ReadQuery.ofPlate(p, 1001)).startsWith("limit:"));
        assertTrue(error(() -> ReadQuery.ofPlate(p, 10).withWindow(5L, 4L)).startsWith("from:"));
        assertEquals(1000, ReadQuery.ofGantry("G1", 1000).limit());
        assertNull(ReadQuery.ofPlate(p, 10).withCamera(" ").cameraId());
    }

    @Test
    void wildcardRangesStayInsideThePlateAlphabet() {
        assertEquals("AC", SearchSql.upperBound("AB"));
        assertEquals("AA", SearchSql.upperBound("A9"));
        assertEquals("B", SearchSql.upperBound("AZ"));
        assertEquals("1", SearchSql.upperBound("0ZZ"));
        assertNull(SearchSql.upperBound("ZZ"));
        assertEquals("A_C12%", SearchSql.Dialect.POSTGRESQL.pattern("A?C12*"));
        assertEquals("A?C12*", SearchSql.Dialect.SQLITE.pattern("A?C12*"));
    }

    @Test
    void theSqlUsesTheIndexedColumnsAndPrunesDays() {
        long day = 86_400_000_000L;
        LocalDate d = LocalDate.of(2026, 11, 19);
        long start = d.toEpochDay() * day;
        ReadQuery q = ReadQuery.ofPlate(PlatePattern.parse("AB*", "wildcard"), 50).withWindow(start, start + day);
        SearchSql.Statement s = SearchSql.hits(q, false, SearchSql.Dialect.POSTGRESQL);
        assertEquals("SELECT read_id, gantry_id, camera_id, lane, capture_micros, plate_text, country, confidence, received_micros, "
                + "coalesce(length(crop), 0) > 0, coalesce(length(overview), 0) > 0 FROM reads WHERE plate_text >= ? AND plate_text < ? "
                + "AND plate_text LIKE ? AND capture_micros >= ? AND capture_micros < ? AND id_day >= ? AND id_day <= ? "
                + "ORDER BY capture_micros DESC, read_id DESC LIMIT ?", s.sql());
        assertEquals(List.of("AB", "AC", "AB%", start, start + day, d.minusDays(1), d.plusDays(1), 50), s.params());
        assertEquals(new SearchSql.DayRange(d.minusDays(1), d.plusDays(1)), SearchSql.days(q, false));
        Cursor c = new Cursor(start + 5, Uuid7.toBytes(Uuid7.next()));
        assertEquals(new SearchSql.DayRange(null, d.plusDays(1)), SearchSql.days(ReadQuery.ofGantry("G1", 5).withAfter(c), false));
        assertEquals(new SearchSql.DayRange(d.minusDays(1), null), SearchSql.days(ReadQuery.ofGantry("G1", 5).withAfter(c), true));
        assertTrue(SearchSql.hits(ReadQuery.ofPlate(PlatePattern.parse("AB0123", "tolerant"), 5).withAfter(c), true,
                SearchSql.Dialect.SQLITE).sql().contains("WHERE plate_key = ? AND (capture_micros, read_id) > (?, ?) ORDER BY "
                + "capture_micros ASC, read_id ASC"));
    }
}
