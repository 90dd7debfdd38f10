package org.anpr.central.http;

/** A CSV document (RFC 4180, CRLF): fields with a comma, quote or line break are quoted. */
public final class Csv {
    private final StringBuilder out = new StringBuilder();
    private final int columns;

    public Csv(String... header) {
        columns = header.length;
        row((Object[]) header);
    }

    public Csv row(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("row has " + fields.length + " fields, the header " + columns);
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields[i] == null ? "" : fields[i].toString();
            // A leading = + - @ would be a formula in a spreadsheet (CSV injection): prefix a quote.
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?\\d+(\\.\\d+)?")) {
                f = "'" + f;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
