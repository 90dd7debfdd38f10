package org.anpr.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The day partitions of PostgreSQL's {@code reads}: {@code reads_YYYYMMDD}, each
 * {@code FOR VALUES FROM (day) TO (day + 1)}, created the first time a read of that day arrives;
 * retention drops whole partitions.
 */
final class DayPartitions {
    private static final String PREFIX = "reads_";
    private static final DateTimeFormatter NAME = DateTimeFormatter.BASIC_ISO_DATE;

    private final Connection c;
    private final Set<LocalDate> known = new HashSet<>();

    DayPartitions(Connection c) throws SQLException {
        this.c = c;
        known.addAll(days());
    }

    /** Creates the partition of {@code day} unless it exists (another receiver may have made it meanwhile: IF NOT EXISTS). */
    void ensure(LocalDate day) throws SQLException {
        if (known.contains(day)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + name(day) + " PARTITION OF reads FOR VALUES FROM ('" + day + "') TO ('"
                    + day.plusDays(1) + "')");
        }
        known.add(day);
    }

    List<LocalDate> days() throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT child.relname FROM pg_inherits i "
                + "JOIN pg_class child ON child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent "
                + "WHERE parent.relname = 'reads' AND parent.relnamespace = to_regnamespace(current_schema())::oid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String n = rs.getString(1);
                if (n.startsWith(PREFIX) && n.length() == PREFIX.length() + 8) {
                    out.add(LocalDate.parse(n.substring(PREFIX.length()), NAME));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Drops every partition whose whole day ends before {@code cutoff}. */
    int dropBefore(Instant cutoff) throws SQLException {
        int dropped = 0;
        for (LocalDate day : days()) {
            if (!day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + name(day));
                }
                known.remove(day);
                dropped++;
            }
        }
        return dropped;
    }

    private static String name(LocalDate day) {
        return PREFIX + day.format(NAME);
    }
}
