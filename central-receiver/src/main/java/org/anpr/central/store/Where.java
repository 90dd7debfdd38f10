package org.anpr.central.store;

import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a filtered list: conditions added only for the filters given, values bound in order. */
public final class Where {
    private final StringBuilder sql = new StringBuilder(" WHERE 1=1");
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code clause} (one {@code ?}) with {@code value}, unless the value is null (no filter). */
    public Where and(String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
        return this;
    }

    /** Adds a condition without parameters. */
    public Where and(String clause) {
        sql.append(" AND ").append(clause);
        return this;
    }

    /** Rows strictly before (time, id) in newest-first order: the next page of a keyset list. */
    public Where before(String timeColumn, String idColumn, Long micros, byte[] id) {
        if (micros != null) {
            sql.append(" AND (").append(timeColumn).append(" < ? OR (").append(timeColumn).append(" = ? AND ")
                    .append(idColumn).append(" < ?))");
            args.add(micros);
            args.add(micros);
            args.add(id);
        }
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> args() {
        return args;
    }
}
