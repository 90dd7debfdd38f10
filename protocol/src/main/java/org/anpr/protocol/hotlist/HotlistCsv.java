package org.anpr.protocol.hotlist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.anpr.protocol.CodecLimits;
import org.anpr.protocol.MessageValidator;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * Operators' bulk hotlist uploads as CSV (UTF-8, RFC 4180, optional BOM, CRLF or LF), and the
 * export in the same format.
 *
 * <p>The first line names the columns (case-insensitive, any order): {@code entry_id},
 * {@code plate}, {@code category}, {@code priority} are required; {@code country},
 * {@code valid_from}, {@code valid_until}, {@code reference}, {@code instructions} and
 * {@code action} are optional. {@code category} is {@link #categoryName the short name}
 * ({@code stolen-vehicle}) or the enum constant's name; validity bounds are empty or ISO-8601
 * date-times with offset ({@code 2026-12-07T10:00:00Z}); {@code action} is empty or
 * {@code upsert} (the default) or {@code remove}, and a remove line needs only {@code entry_id}.
 * Values other than {@code instructions} are trimmed; plates are {@link PlateText#normalise
 * normalised}. Every row must pass {@link MessageValidator}; an entry_id may appear once per file.
 *
 * <p>Content problems never throw: {@link #parse} collects every line's errors (up to
 * {@value #MAX_REPORTED_ERRORS}, then one error saying how many more were omitted). A header
 * error, a record longer than the byte limit, or more rows than allowed stop parsing.
 * <b>Callers must apply nothing from a {@link Result} unless {@link Result#valid()}</b>: an upload
 * is all or nothing, and the lists of an invalid result hold only the rows that happened to parse.
 */
public final class HotlistCsv {
    public static final int DEFAULT_MAX_ROWS = 100_000;
    public static final int DEFAULT_MAX_RECORD_BYTES = 8 * 1024;
    public static final int MAX_REPORTED_ERRORS = 1_000;

    private static final List<String> COLUMNS = List.of("entry_id", "plate", "country", "category", "priority",
            "valid_from", "valid_until", "reference", "instructions", "action");
    private static final Set<String> REQUIRED = Set.of("entry_id", "plate", "category", "priority");
    /** Validator field names (after the path prefix) to CSV columns. */
    private static final Map<String, String> FIELD_TO_COLUMN = Map.of(
            "entry_id", "entry_id", "plate_text", "plate", "country", "country", "category", "category",
            "priority", "priority", "valid_from_micros", "valid_from", "valid_until_micros", "valid_until",
            "reference_id", "reference", "instructions", "instructions");
    private static final String CATEGORY_PREFIX = "HOTLIST_CATEGORY_";
    private static final MessageValidator VALIDATOR = new MessageValidator(CodecLimits.DEFAULTS);

    /** One problem: {@code line} is the 1-based physical line the record starts on; {@code column} may be null. */
    public record LineError(int line, String column, String reason) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : " (" + column + ")") + ": " + reason;
        }
    }

    /** What a file holds. Apply nothing unless {@link #valid()}. */
    public record Result(List<HotlistEntry> upserts, List<String> removals, List<LineError> errors) {
        public Result {
            upserts = List.copyOf(upserts);
            removals = List.copyOf(removals);
            errors = List.copyOf(errors);
        }

        /** True when the file had no error at all; only then may upserts and removals be applied. */
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final int maxRows;
    private final int maxRecordBytes;

    /** With {@value #DEFAULT_MAX_ROWS} rows and {@value #DEFAULT_MAX_RECORD_BYTES} bytes per record. */
    public HotlistCsv() {
        this(DEFAULT_MAX_ROWS, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param maxRows        most data rows (header and blank lines not counted)
     * @param maxRecordBytes most bytes of one record, line terminator excluded
     */
    public HotlistCsv(int maxRows, int maxRecordBytes) {
        if (maxRows <= 0 || maxRecordBytes <= 0) {
            throw new IllegalArgumentException("limits must be > 0");
        }
        this.maxRows = maxRows;
        this.maxRecordBytes = maxRecordBytes;
    }

    // ------------------------------------------------------------------ names and export

    /** The canonical header line (without line terminator). */
    public static String header() {
        return String.join(",", COLUMNS);
    }

    /** {@code HOTLIST_CATEGORY_STOLEN_VEHICLE} → {@code stolen-vehicle}. */
    public static String categoryName(HotlistCategory category) {
        if (category == HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED || category == HotlistCategory.UNRECOGNIZED) {
            throw new IllegalArgumentException("no name for " + category);
        }
        return category.name().substring(CATEGORY_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category a short name ({@code stolen-vehicle}) or exact enum name denotes; never UNSPECIFIED/UNRECOGNIZED. */
    public static Optional<HotlistCategory> category(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (HotlistCategory c : HotlistCategory.values()) {
            if (c == HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED || c == HotlistCategory.UNRECOGNIZED) {
                continue;
            }
            if (t.equals(c.name()) || t.equalsIgnoreCase(categoryName(c))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The entries as a CSV file (header first, CRLF line ends) that {@link #parse} reads back unchanged. */
    public static String toCsv(List<HotlistEntry> entries) {
        StringBuilder out = new StringBuilder(header()).append("\r\n");
        for (HotlistEntry e : entries) {
            List<String> values = List.of(e.getEntryId(), e.getPlateText(), e.getCountry(), categoryName(e.getCategory()),
                    Integer.toString(e.getPriority()), instant(e.getValidFromMicros()), instant(e.getValidUntilMicros()),
                    e.getReferenceId(), e.getInstructions(), "");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(values.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String instant(long micros) {
        return micros == 0 ? "" : Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString();
    }

    private static String quote(String value) {
        boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    // ------------------------------------------------------------------ parsing

    /** Reads the whole upload; throws only on I/O failure, never for content. Does not close {@code in}. */
    public Result parse(InputStream in) throws IOException {
        return new Parse(new RecordReader(in, maxRecordBytes)).run();
    }

    private final class Parse {
        private final RecordReader reader;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final List<HotlistEntry> upserts = new ArrayList<>();
        private final List<String> removals = new ArrayList<>();
        private final List<LineError> errors = new ArrayList<>();
        private final Map<String, Integer> firstLineOfId = new HashMap<>();
        private final Map<String, Integer> columnIndex = new HashMap<>();
        private int omitted;
        private int firstOmittedLine;

        Parse(RecordReader reader) {
            this.reader = reader;
        }

        Result run() throws IOException {
            if (readHeader()) {
                int rows = 0;
                for (RawRecord r = nextNonBlank(); r != null; r = nextNonBlank()) {
                    if (!fatalProblem(r)) {
                        break;
                    }
                    if (++rows > maxRows) {
                        fatal(r.line, "more than " + maxRows + " rows; parsing stopped");
                        break;
                    }
                    row(r);
                }
            }
            if (omitted > 0) {
                errors.add(new LineError(firstOmittedLine, null,
                        omitted + " more errors omitted (only the first " + MAX_REPORTED_ERRORS + " are reported)"));
            }
            return new Result(upserts, removals, errors);
        }

        private RawRecord nextNonBlank() throws IOException {
            RawRecord r;
            do {
                r = reader.next();
            } while (r != null && r.blank());
            return r;
        }

        /** False (after reporting) when the record ends parsing. */
        private boolean fatalProblem(RawRecord r) {
            if (r.tooLong) {
                fatal(r.line, "record is longer than " + maxRecordBytes + " bytes; parsing stopped");
                return false;
            }
            if (r.unterminated) {
                fatal(r.line, "quoted field is not closed before the end of the file");
                return false;
            }
            return true;
        }

        /** False when the header is unusable (errors reported). */
        private boolean readHeader() throws IOException {
            RawRecord r = nextNonBlank();
            if (r == null) {
                fatal(1, "file is empty; expected a header line: " + header());
                return false;
            }
            if (!fatalProblem(r)) {
                return false;
            }
            if (r.malformed != null) {
                error(r.line, null, r.malformed);
                return false;
            }
            boolean ok = true;
            for (int i = 0; i < r.fields.size(); i++) {
                String name = decode(r.fields.get(i));
                name = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
                if (!COLUMNS.contains(name)) {
                    error(r.line, name, name.isEmpty() ? "empty column name in header"
                            : "unknown column '" + name + "'; known columns: " + header());
                    ok = false;
                } else if (columnIndex.putIfAbsent(name, i) != null) {
                    error(r.line, name, "duplicate column '" + name + "'");
                    ok = false;
                }
            }
            for (String required : COLUMNS) {
                if (REQUIRED.contains(required) && !columnIndex.containsKey(required)) {
                    error(r.line, required, "required column '" + required + "' is missing");
                    ok = false;
                }
            }
            return ok;
        }

        private void row(RawRecord r) {
            int line = r.line;
            if (r.malformed != null) {
                error(line, null, r.malformed);
                return;
            }
            if (r.fields.size() != columnIndex.size()) {
                error(line, null, "expected " + columnIndex.size() + " fields, found " + r.fields.size());
                return;
            }
            Map<String, String> v = new HashMap<>();
            boolean ok = true;
            for (Map.Entry<String, Integer> c : columnIndex.entrySet()) {
                String text = decode(r.fields.get(c.getValue()));
                if (text == null) {
                    error(line, c.getKey(), c.getKey() + " is not valid UTF-8");
                    ok = false;
                } else {
                    v.put(c.getKey(), c.getKey().equals("instructions") ? text : text.trim());
                }
            }
            if (!ok) {
                return;
            }
            String id = v.get("entry_id");
            if (!id.isEmpty()) {
                Integer earlier = firstLineOfId.putIfAbsent(id, line);
                if (earlier != null) {
                    error(line, "entry_id", "entry_id '" + id + "' already appears on line " + earlier);
                    return;
                }
            }
            String action = v.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            switch (action) {
                case "", "upsert" -> upsert(line, v);
                case "remove" -> remove(line, id);
                default -> error(line, "action", "action '" + action + "' is not upsert or remove");
            }
        }

        private void remove(int line, String id) {
            HotlistDelta probe = HotlistDelta.newBuilder().setToVersion(1).addRemovedEntryIds(id).build();
            try {
                VALIDATOR.validate(probe, "delta");
                removals.add(id);
            } catch (ProtocolException e) {
                error(line, "entry_id", "entry_id: " + detail(e));
            }
        }

        private void upsert(int line, Map<String, String> v) {
            HotlistEntry.Builder b = HotlistEntry.newBuilder()
                    .setEntryId(v.get("entry_id"))
                    .setPlateText(PlateText.normalise(v.get("plate")))
                    .setCountry(v.getOrDefault("country", "").toUpperCase(Locale.ROOT))
                    .setReferenceId(v.getOrDefault("reference", ""))
                    .setInstructions(v.getOrDefault("instructions", ""));
            int before = errors.size() + omitted;
            String category = v.get("category");
            if (category.isEmpty()) {
                error(line, "category", "category is required");
            } else {
                category(category).ifPresentOrElse(b::setCategory,
                        () -> error(line, "category", "unknown category '" + category + "'; known: " + knownCategories()));
            }
            String priority = v.get("priority");
            if (priority.isEmpty()) {
                error(line, "priority", "priority is required");
            } else {
                try {
                    b.setPriority(Integer.parseInt(priority));
                } catch (NumberFormatException e) {
                    error(line, "priority", "priority '" + priority + "' is not an integer");
                }
            }
            b.setValidFromMicros(micros(line, "valid_from", v.getOrDefault("valid_from", "")));
            b.setValidUntilMicros(micros(line, "valid_until", v.getOrDefault("valid_until", "")));
            if (errors.size() + omitted != before) {
                return;
            }
            HotlistEntry entry = b.build();
            try {
                VALIDATOR.validate(entry, "entry");
                upserts.add(entry);
            } catch (ProtocolException e) {
                String field = e.field().startsWith("entry.") ? e.field().substring("entry.".length()) : e.field();
                String column = FIELD_TO_COLUMN.getOrDefault(field, null);
                error(line, column, (column == null ? field : column) + ": " + detail(e));
            }
        }

        private long micros(int line, String column, String text) {
            if (text.isEmpty()) {
                return 0;
            }
            try {
                Instant t = OffsetDateTime.parse(text).toInstant();
                long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
                if (micros <= 0) {
                    error(line, column, column + " '" + text + "' must be after 1970-01-01T00:00:00Z");
                    return 0;
                }
                return micros;
            } catch (DateTimeParseException | ArithmeticException e) {
                error(line, column, column + " '" + text + "' is not an ISO-8601 date-time with offset, e.g. 2026-12-07T10:00:00Z");
                return 0;
            }
        }

        private String decode(byte[] bytes) {
            try {
                return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        private void error(int line, String column, String reason) {
            if (errors.size() < MAX_REPORTED_ERRORS) {
                errors.add(new LineError(line, column, reason));
            } else if (omitted++ == 0) {
                firstOmittedLine = line;
            }
        }

        /** Errors that stop parsing are always reported, cap or not. */
        private void fatal(int line, String reason) {
            errors.add(new LineError(line, null, reason));
        }
    }

    private static String knownCategories() {
        List<String> names = new ArrayList<>();
        for (HotlistCategory c : HotlistCategory.values()) {
            if (c != HotlistCategory.HOTLIST_CATEGORY_UNSPECIFIED && c != HotlistCategory.UNRECOGNIZED) {
                names.add(categoryName(c));
            }
        }
        return String.join(", ", names);
    }

    /** The validator's message without its "PROBLEM at field: " prefix. */
    private static String detail(ProtocolException e) {
        String prefix = e.problem() + " at " + e.field() + ": ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    // ------------------------------------------------------------------ RFC 4180 records

    /** One record's raw fields; {@code line} is where it starts. */
    private record RawRecord(int line, List<byte[]> fields, boolean tooLong, boolean unterminated, String malformed,
            boolean empty) {
        boolean blank() {
            return empty && !tooLong && !unterminated;
        }
    }

    /**
     * Splits bytes into records. Works on bytes: quote, comma, CR and LF never occur inside a UTF-8
     * multi-byte sequence, and the record limit is in bytes. Never buffers more than one record.
     */
    private static final class RecordReader {
        private final InputStream in;
        private final int maxBytes;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int len;
        private int line = 1;
        private boolean started;

        RecordReader(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        private int peek() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos] & 0xff;
        }

        private int read() throws IOException {
            int c = peek();
            if (c >= 0) {
                pos++;
            }
            return c;
        }

        /** Consumes a line break whose first byte {@code c} was just read. */
        private void lineBreak(int c) throws IOException {
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
        }

        /** The next record, or null at the end of the input. */
        RawRecord next() throws IOException {
            if (!started) {
                started = true;
                if (peek() == 0xEF) { // UTF-8 BOM, only at the very start
                    read();
                    if (peek() == 0xBB) {
                        read();
                        if (peek() == 0xBF) {
                            read();
                        }
                    }
                }
            }
            int start = line;
            int c = read();
            if (c < 0) {
                return null;
            }
            List<byte[]> fields = new ArrayList<>();
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            String malformed = null;
            boolean inQuotes = false;
            boolean quotedField = false;
            boolean closed = false;
            int size = 0;
            for (;; c = read()) {
                if (c < 0) {
                    if (inQuotes) {
                        return new RawRecord(start, fields, false, true, null, false);
                    }
                    break;
                }
                if (!inQuotes && (c == '\r' || c == '\n')) {
                    lineBreak(c);
                    break;
                }
                if (++size > maxBytes) {
                    return new RawRecord(start, fields, true, false, null, false);
                }
                if (inQuotes) {
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            size++;
                            field.write('"');
                        } else {
                            inQuotes = false;
                            closed = true;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            line++;
                        }
                        field.write(c);
                    }
                } else if (c == ',') {
                    fields.add(field.toByteArray());
                    field.reset();
                    quotedField = false;
                    closed = false;
                } else if (c == '"' && field.size() == 0 && !quotedField) {
                    inQuotes = true;
                    quotedField = true;
                } else {
                    if (malformed == null && (closed || c == '"')) {
                        malformed = "field " + (fields.size() + 1)
                                + (closed ? " has text after its closing quote" : " has a quote but does not start with one");
                    }
                    field.write(c);
                }
            }
            boolean empty = fields.isEmpty() && field.size() == 0 && !quotedField;
            fields.add(field.toByteArray());
            return new RawRecord(start, fields, false, false, malformed, empty);
        }
    }
}
