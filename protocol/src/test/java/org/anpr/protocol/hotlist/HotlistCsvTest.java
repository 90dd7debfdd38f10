package org.anpr.protocol.hotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.protocol.hotlist.HotlistCsv.LineError;
import org.anpr.protocol.hotlist.HotlistCsv.Result;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistEntry;
import org.junit.jupiter.api.Test;

class HotlistCsvTest {
    private static final String HEAD = "entry_id,plate,category,priority";

    private static Result parse(String csv) throws IOException {
        return new HotlistCsv().parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static long micros(String instant) {
        Instant t = Instant.parse(instant);
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Test
    void validFileWithQuotingBomAndCrlf() throws IOException {
        String csv = "\uFEFF Entry_ID , PLATE,country,category,priority,valid_from,valid_until,reference,instructions\r\n"
                + "e1, ab-12 cd ,de,stolen-vehicle,1,2026-12-07T10:00:00Z,2027-01-01T00:00:00+01:00,\"CASE, 42\","
                + "\"Stop \"\"safely\"\",\r\nthen call HQ\"\r\n"
                + "\r\n"
                + "e2,XY99,,HOTLIST_CATEGORY_WANTED_PERSON,9,,,,\r\n";
        Result r = parse(csv);
        assertEquals(List.of(), r.errors());
        assertTrue(r.valid());
        assertEquals(2, r.upserts().size());
        HotlistEntry e1 = r.upserts().get(0);
        assertEquals("e1", e1.getEntryId());
        assertEquals("AB12CD", e1.getPlateText());
        assertEquals("DE", e1.getCountry());
        assertEquals(HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE, e1.getCategory());
        assertEquals(1, e1.getPriority());
        assertEquals(micros("2026-12-07T10:00:00Z"), e1.getValidFromMicros());
        assertEquals(micros("2026-12-31T23:00:00Z"), e1.getValidUntilMicros());
        assertEquals("CASE, 42", e1.getReferenceId());
        assertEquals("Stop \"safely\",\r\nthen call HQ", e1.getInstructions());
        HotlistEntry e2 = r.upserts().get(1);
        assertEquals("XY99", e2.getPlateText());
        assertEquals(HotlistCategory.HOTLIST_CATEGORY_WANTED_PERSON, e2.getCategory());
        assertEquals(0, e2.getValidFromMicros());
        assertEquals("", e2.getCountry());
    }

    @Test
    void lineNumbersCountPhysicalLinesInsideQuotes() throws IOException {
        String csv = HEAD + ",instructions\n"
                + "a,AB1,other,1,\"multi\nline\n text\"\n"
                + "b,AB2,other,x,\n";
        Result r = parse(csv);
        assertEquals(List.of(new LineError(5, "priority", "priority 'x' is not an integer")), r.errors());
    }

    @Test
    void removeLines() throws IOException {
        String csv = HEAD + ",action\n"
                + "keep,AB1,uninsured,5,upsert\n"
                + "gone,,,,remove\n"
                + "gone2,IGNORED,nonsense,zz,REMOVE\n"
                + "plain,AB2,other,3,\n";
        Result r = parse(csv);
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("gone", "gone2"), r.removals());
        assertEquals(List.of("keep", "plain"), r.upserts().stream().map(HotlistEntry::getEntryId).toList());

        Result bad = parse(HEAD + ",action\n,,,,remove\nx,AB1,other,1,delete\n");
        assertFalse(bad.valid());
        assertEquals(2, bad.errors().size());
        assertEquals(2, bad.errors().get(0).line());
        assertEquals("entry_id", bad.errors().get(0).column());
        assertEquals(new LineError(3, "action", "action 'delete' is not upsert or remove"), bad.errors().get(1));
    }

    @Test
    void threeBadLinesAreAllReported() throws IOException {
        String csv = HEAD + "\n"
                + "e1,AB1,stolen-vehicle,1\n"
                + "e2,AB2,stolen-vehicle,high\n"
                + "e3,AB3,uninsured,2\n"
                + "e4,AB4,parking,2\n"
                + "e5,,other,2\n"
                + "e6,AB6,other,2\n";
        Result r = parse(csv);
        assertFalse(r.valid());
        assertEquals(List.of(3, 5, 6), r.errors().stream().map(LineError::line).toList());
        assertEquals(List.of("priority", "category", "plate"), r.errors().stream().map(LineError::column).toList());
        for (LineError e : r.errors()) {
            assertTrue(e.reason().contains(e.column()), e.toString());
        }
        assertTrue(r.errors().get(1).reason().contains("parking"));
    }

    @Test
    void validatorErrorsNameTheColumn() throws IOException {
        Result r = parse(HEAD + ",country,valid_from,valid_until\n"
                + "e1,AB1,other,10,,,\n"
                + "e2,AB1,other,1,DEU,,\n"
                + "e3,AB1,other,1,,2027-01-01T00:00:00Z,2026-01-01T00:00:00Z\n"
                + "e4,AB1,other,1,,yesterday,\n"
                + "e5,AB\u00c41,other,1,,,\n");
        assertEquals(List.of("priority", "country", "valid_until", "valid_from", "plate"),
                r.errors().stream().map(LineError::column).toList());
        assertEquals(List.of(2, 3, 4, 5, 6), r.errors().stream().map(LineError::line).toList());
    }

    @Test
    void headerErrors() throws IOException {
        Result missing = parse("entry_id,category,priority\ne1,other,1\n");
        assertEquals(List.of(new LineError(1, "plate", "required column 'plate' is missing")), missing.errors());

        Result unknown = parse(HEAD + ",colour\ne1,AB1,other,1,red\n");
        assertEquals(1, unknown.errors().size());
        assertEquals(1, unknown.errors().get(0).line());
        assertEquals("colour", unknown.errors().get(0).column());
        assertTrue(unknown.errors().get(0).reason().contains("unknown column"));

        Result dup = parse(HEAD + ",PLATE\ne1,AB1,other,1,AB1\n");
        assertEquals(List.of(new LineError(1, "plate", "duplicate column 'plate'")), dup.errors());

        Result empty = parse("");
        assertFalse(empty.valid());
        assertEquals(1, empty.errors().get(0).line());

        Result headerOnly = parse(HEAD + "\r\n");
        assertTrue(headerOnly.valid());
        assertTrue(headerOnly.upserts().isEmpty());
    }

    @Test
    void duplicateEntryIdNamesEarlierLine() throws IOException {
        Result r = parse(HEAD + "\ne1,AB1,other,1\ne2,AB2,other,1\ne1,AB3,other,1\n");
        assertEquals(List.of(new LineError(4, "entry_id", "entry_id 'e1' already appears on line 2")), r.errors());
    }

    @Test
    void wrongFieldCount() throws IOException {
        Result r = parse(HEAD + "\ne1,AB1,other\ne2,AB2,other,1,extra\ne3,AB3,other,1\n");
        assertEquals(List.of(new LineError(2, null, "expected 4 fields, found 3"),
                new LineError(3, null, "expected 4 fields, found 5")), r.errors());
        assertEquals(1, r.upserts().size());
    }

    @Test
    void unterminatedQuote() throws IOException {
        Result r = parse(HEAD + "\ne1,AB1,other,1\ne2,\"AB2,other,1\ne3,AB3,other,1\n");
        assertFalse(r.valid());
        assertEquals(1, r.errors().size());
        assertEquals(3, r.errors().get(0).line());
        assertTrue(r.errors().get(0).reason().contains("not closed"));
    }

    @Test
    void strayQuotesAreErrors() throws IOException {
        Result r = parse(HEAD + "\ne1,A\"B1,other,1\ne2,\"AB2\"x,other,1\n");
        assertEquals(List.of(2, 3), r.errors().stream().map(LineError::line).toList());
    }

    @Test
    void tooManyRowsStopsParsing() throws IOException {
        StringBuilder csv = new StringBuilder(HEAD).append('\n');
        for (int i = 1; i <= 6; i++) {
            csv.append("e").append(i).append(",AB").append(i).append(",other,1\n");
        }
        Result r = new HotlistCsv(5, 1024).parse(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertFalse(r.valid());
        assertEquals(1, r.errors().size());
        assertEquals(7, r.errors().get(0).line());
        assertTrue(r.errors().get(0).reason().contains("more than 5 rows"));
    }

    @Test
    void overLongRecordStopsWithoutReadingUnboundedly() throws IOException {
        AtomicLong served = new AtomicLong();
        byte[] head = (HEAD + "\ne1,AB1,other,1\ne2,AB2,other,\"").getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                long n = served.getAndIncrement();
                return n < head.length ? head[(int) n] & 0xff : 'x';
            }
        };
        Result r = new HotlistCsv().parse(endless);
        assertFalse(r.valid());
        assertEquals(1, r.errors().size());
        assertEquals(3, r.errors().get(0).line());
        assertTrue(r.errors().get(0).reason().contains("longer than 8192 bytes"));
        assertTrue(served.get() < 200_000, "read " + served.get() + " bytes");

        // exactly at the limit is fine
        String row = "e1,AB1,other,1,";
        String ok = row + "x".repeat(50 - row.length());
        Result atLimit = new HotlistCsv(10, 50).parse(new ByteArrayInputStream(
                (HEAD + ",instructions\n" + ok + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), atLimit.errors());
    }

    @Test
    void errorCapReportsHowManyWereOmitted() throws IOException {
        StringBuilder csv = new StringBuilder(HEAD).append('\n');
        for (int i = 0; i < 1_005; i++) {
            csv.append("e").append(i).append(",AB1,other,bad\n");
        }
        Result r = parse(csv.toString());
        assertEquals(1_001, r.errors().size());
        LineError last = r.errors().get(1_000);
        assertNull(last.column());
        assertTrue(last.reason().startsWith("5 more errors omitted"), last.reason());
    }

    @Test
    void roundTrip() throws IOException {
        List<HotlistEntry> entries = List.of(
                HotlistEntry.newBuilder().setEntryId("r1").setPlateText("AB12CD").setCountry("NL")
                        .setCategory(HotlistCategory.HOTLIST_CATEGORY_LOW_EMISSION_ZONE).setPriority(4)
                        .setValidFromMicros(micros("2026-12-07T10:00:00.123456Z"))
                        .setValidUntilMicros(micros("2027-12-07T10:00:00Z"))
                        .setReferenceId("ref \"7\", b").setInstructions("  line one,\nline \"two\"\r\n ").build(),
                HotlistEntry.newBuilder().setEntryId("r2").setPlateText("Z9")
                        .setCategory(HotlistCategory.HOTLIST_CATEGORY_OTHER).setPriority(9).build());
        String csv = HotlistCsv.toCsv(entries);
        assertTrue(csv.startsWith(HotlistCsv.header() + "\r\n"));
        Result r = parse(csv);
        assertEquals(List.of(), r.errors());
        assertEquals(entries, r.upserts());
        assertEquals(List.of(), r.removals());
    }

    @Test
    void categoryNamesForEveryEnumValue() {
        for (HotlistCategory c : HotlistCategory.values()) {
            if (c == HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED || c == HotlistCategory.UNRECOGNIZED) {
                assertThrows(IllegalArgumentException.class, () -> HotlistCsv.categoryName(c));
                assertEquals(Optional.empty(), HotlistCsv.category(c.name()));
                continue;
            }
            String name = HotlistCsv.categoryName(c);
            assertTrue(name.matches("[a-z]+(-[a-z]+)*"), name);
            assertEquals(Optional.of(c), HotlistCsv.category(name));
            assertEquals(Optional.of(c), HotlistCsv.category(c.name()));
        }
        assertEquals("stolen-vehicle", HotlistCsv.categoryName(HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE));
        assertEquals("low-emission-zone", HotlistCsv.categoryName(HotlistCategory.HOTLIST_CATEGORY_LOW_EMISSION_ZONE));
        assertEquals(Optional.empty(), HotlistCsv.category("unspecified"));
        assertEquals(Optional.empty(), HotlistCsv.category("stolen_vehicle"));
        assertEquals(Optional.empty(), HotlistCsv.category(""));
        assertEquals(Optional.empty(), HotlistCsv.category(null));
    }
}
