package org.anpr.central.store;

/**
 * What differs between SQLite and PostgreSQL in the statements both stores share. The DML is
 * written once in the common subset ({@code INSERT ... ON CONFLICT DO NOTHING}, upserts with
 * {@code excluded}, {@code CASE} instead of {@code max}/{@code GREATEST}); only the DDL has
 * placeholders: <code>{BLOB}</code>, <code>{BIGINT}</code>, <code>{REAL}</code>,
 * <code>{AUTO_ID}</code> (an auto-numbered primary key column) and <code>{SEQ_COLUMN}</code> (an
 * insertion-order column where the database has no implicit one), and queries may order by
 * {@link #insertionOrder()}.
 */
public enum SqlDialect {
    SQLITE("BLOB", "INTEGER", "REAL", "INTEGER PRIMARY KEY AUTOINCREMENT", "", "rowid"),
    POSTGRESQL("BYTEA", "BIGINT", "DOUBLE PRECISION", "BIGSERIAL PRIMARY KEY", ", seq BIGSERIAL", "seq");

    private final String blob;
    private final String bigint;
    private final String real;
    private final String autoId;
    private final String seqColumn;
    private final String insertionOrder;

    SqlDialect(String blob, String bigint, String real, String autoId, String seqColumn, String insertionOrder) {
        this.blob = blob;
        this.bigint = bigint;
        this.real = real;
        this.autoId = autoId;
        this.seqColumn = seqColumn;
        this.insertionOrder = insertionOrder;
    }

    public String ddl(String template) {
        return template.replace("{BLOB}", blob).replace("{BIGINT}", bigint).replace("{REAL}", real)
                .replace("{AUTO_ID}", autoId).replace("{SEQ_COLUMN}", seqColumn);
    }

    public String[] ddl(String... templates) {
        String[] out = new String[templates.length];
        for (int i = 0; i < templates.length; i++) {
            out[i] = ddl(templates[i]);
        }
        return out;
    }

    /** A column expression that orders a table's rows by insertion. */
    String insertionOrder() {
        return insertionOrder;
    }
}
