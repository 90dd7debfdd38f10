package org.anpr.central.store;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.SectionViolation;

/**
 * Alerts, violations, quarantine, fleet and held deliveries: the tables that are the same in both
 * stores ({@code central.db} in SQLite, plain tables in PostgreSQL). DDL through {@link SqlDialect},
 * DML in the subset both databases speak.
 */
final class CentralTables {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS alerts(
          alert_id {BLOB} PRIMARY KEY, read_id {BLOB} NOT NULL, entry_id TEXT NOT NULL, source TEXT NOT NULL,
          gantry_id TEXT NOT NULL, plate_text TEXT NOT NULL, hotlist_version {BIGINT} NOT NULL,
          received_micros {BIGINT} NOT NULL, alert {BLOB} NOT NULL, UNIQUE(read_id, entry_id, source))""",
        "CREATE INDEX IF NOT EXISTS alerts_received ON alerts(received_micros)",
        """
        CREATE TABLE IF NOT EXISTS violations(
          violation_id {BLOB} PRIMARY KEY, section_id TEXT NOT NULL, gantry_id TEXT NOT NULL, plate_text TEXT NOT NULL,
          outcome TEXT NOT NULL, enforced_speed_kmh {REAL} NOT NULL, received_micros {BIGINT} NOT NULL, violation {BLOB} NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS violations_received ON violations(received_micros)",
        """
        CREATE TABLE IF NOT EXISTS rejected(
          id {AUTO_ID}, gantry_id TEXT NOT NULL, topic TEXT NOT NULL, problem TEXT NOT NULL,
          reason TEXT NOT NULL, payload {BLOB} NOT NULL, received_micros {BIGINT} NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS fleet(
          gantry_id TEXT PRIMARY KEY, online INTEGER NOT NULL DEFAULT 0, last_seen_micros {BIGINT} NOT NULL DEFAULT 0,
          state TEXT NOT NULL DEFAULT '', hotlist_version {BIGINT} NOT NULL DEFAULT 0,
          outbox_backlog {BIGINT} NOT NULL DEFAULT 0, status {BLOB})""",
        """
        CREATE TABLE IF NOT EXISTS deliveries(
          gantry_id TEXT NOT NULL, message_id {BLOB} NOT NULL, topic TEXT NOT NULL, payload {BLOB} NOT NULL,
          enqueued_micros {BIGINT} NOT NULL, expires_micros {BIGINT} NOT NULL{SEQ_COLUMN}, PRIMARY KEY(gantry_id, message_id))""",
        EventRows.SCHEMA,
        """
        CREATE TABLE IF NOT EXISTS alert_acks(
          alert_id {BLOB} PRIMARY KEY, outcome TEXT NOT NULL, note TEXT NOT NULL, operator TEXT NOT NULL,
          acked_micros {BIGINT} NOT NULL)""",
    };
    /** last_seen_micros only moves forward ({@code max} in SQLite, {@code GREATEST} in PostgreSQL: neither in both). */
    private static final String LATER_SEEN = "last_seen_micros = CASE WHEN excluded.last_seen_micros > fleet.last_seen_micros "
            + "THEN excluded.last_seen_micros ELSE fleet.last_seen_micros END";

    private CentralTables() {
    }

    static String[] schema(SqlDialect dialect) {
        return dialect.ddl(SCHEMA);
    }

    static void write(Connection c, List<StoreWrite> writes) throws SQLException {
        Map<String, Long> seen = new HashMap<>();
        List<EventRows.Pending> events = new ArrayList<>();
        for (StoreWrite w : writes) {
            // Java 17: no pattern switch over the sealed type yet.
            if (w instanceof StoreWrite.Alert a) {
                if (alert(c, a)) {
                    events.add(EventRows.alert(a.alert(), a.source().name(), a.receivedMicros()));
                }
            } else if (w instanceof StoreWrite.Violation v) {
                if (violation(c, v)) {
                    events.add(EventRows.violation(v.violation(), v.receivedMicros()));
                }
            } else if (w instanceof StoreWrite.Rejected r) {
                rejected(c, r.payload());
            } else if (w instanceof StoreWrite.Status s) {
                status(c, s);
            } else if (w instanceof StoreWrite.Presence p) {
                presence(c, p);
                events.add(EventRows.presence(p.gantryId(), p.online(), p.atMicros()));
            } else if (w instanceof StoreWrite.Seen s) {
                seen.merge(s.gantryId(), s.atMicros(), Math::max);
            } else if (w instanceof StoreWrite.Enqueue e) {
                enqueue(c, e.delivery());
            } else if (w instanceof StoreWrite.Delivered d) {
                delivered(c, d);
            } // StoreWrite.Read goes to the read tables
        }
        // One upsert per gantry per batch, not one per message.
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            Jdbc.update(c, "INSERT INTO fleet(gantry_id, last_seen_micros) VALUES (?,?) ON CONFLICT(gantry_id) DO UPDATE SET "
                    + LATER_SEEN, e.getKey(), e.getValue());
        }
        EventRows.insert(c, events);
    }

    /** @return whether it is new (a redelivered alert is not announced again) */
    private static boolean alert(Connection c, StoreWrite.Alert w) throws SQLException {
        HotlistAlert a = w.alert();
        return 1 == Jdbc.update(c, "INSERT INTO alerts VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", a.getAlertId().toByteArray(),
                a.getRead().getReadId().toByteArray(), a.getEntry().getEntryId(), w.source().name(), a.getRead().getGantryId(),
                a.getRead().getPlateText(), a.getHotlistVersion(), w.receivedMicros(), a.toByteArray());
    }

    private static boolean violation(Connection c, StoreWrite.Violation w) throws SQLException {
        SectionViolation v = w.violation();
        return 1 == Jdbc.update(c, "INSERT INTO violations VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", v.getViolationId().toByteArray(),
                v.getSectionId(), w.gantryId(), v.getExitRead().getPlateText(), v.getOutcome().name(), v.getEnforcedSpeedKmh(),
                w.receivedMicros(), v.toByteArray());
    }

    private static void rejected(Connection c, RejectedPayload r) throws SQLException {
        Jdbc.update(c, "INSERT INTO rejected(gantry_id, topic, problem, reason, payload, received_micros) VALUES (?,?,?,?,?,?)",
                r.gantryId(), r.topic(), r.problem(), r.reason(), r.payload(), r.receivedMicros());
    }

    private static void status(Connection c, StoreWrite.Status w) throws SQLException {
        GantryStatus s = w.status();
        Jdbc.update(c, "INSERT INTO fleet(gantry_id, last_seen_micros, state, hotlist_version, outbox_backlog, status) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(gantry_id) DO UPDATE SET " + LATER_SEEN + ", "
                + "state = excluded.state, hotlist_version = excluded.hotlist_version, "
                + "outbox_backlog = excluded.outbox_backlog, status = excluded.status",
                s.getGantryId(), w.receivedMicros(), s.getState().name(), s.getHotlistVersion(), s.getOutboxBacklog(), s.toByteArray());
    }

    private static void presence(Connection c, StoreWrite.Presence p) throws SQLException {
        Jdbc.update(c, "INSERT INTO fleet(gantry_id, online, last_seen_micros) VALUES (?,?,?) ON CONFLICT(gantry_id) DO UPDATE "
                + "SET online = excluded.online, " + LATER_SEEN, p.gantryId(), p.online() ? 1 : 0, p.atMicros());
    }

    private static void enqueue(Connection c, PendingDelivery d) throws SQLException {
        Jdbc.update(c, "INSERT INTO deliveries(gantry_id, message_id, topic, payload, enqueued_micros, expires_micros) "
                + "VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING", d.gantryId(), d.messageId(), d.topic(), d.payload(),
                d.enqueuedMicros(), d.expiresMicros());
    }

    private static void delivered(Connection c, StoreWrite.Delivered d) throws SQLException {
        Jdbc.update(c, "DELETE FROM deliveries WHERE gantry_id = ? AND message_id = ?", d.gantryId(), d.messageId());
    }

    // ------------------------------------------------------------------------------ queries

    static long countAlerts(Connection c, StoreWrite.AlertSource source) throws SQLException {
        return Jdbc.scalar(c, "SELECT count(*) FROM alerts WHERE source = ?", source.name());
    }

    static long countViolations(Connection c) throws SQLException {
        return Jdbc.scalar(c, "SELECT count(*) FROM violations");
    }

    static java.util.Map<String, org.anpr.protocol.v1.SectionViolation> latestViolations(Connection c) throws SQLException {
        java.util.Map<String, org.anpr.protocol.v1.SectionViolation> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.gantry_id, v.violation FROM violations v JOIN (SELECT gantry_id,"
                + " MAX(received_micros) AS latest FROM violations GROUP BY gantry_id) l ON v.gantry_id = l.gantry_id"
                + " AND v.received_micros = l.latest");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    org.anpr.protocol.v1.SectionViolation v = org.anpr.protocol.v1.SectionViolation.parseFrom(rs.getBytes(2));
                    out.merge(rs.getString(1), v, (a, b) -> a.getSequence() >= b.getSequence() ? a : b);
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new SQLException("a stored violation does not decode", e);
                }
            }
        }
        return out;
    }

    static List<RejectedPayload> rejected(Connection c) throws SQLException {
        List<RejectedPayload> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT gantry_id, topic, problem, reason, payload, received_micros FROM rejected ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RejectedPayload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getLong(6)));
            }
            return out;
        }
    }

    static List<PendingDelivery> pendingDeliveries(Connection c, SqlDialect dialect) throws SQLException {
        List<PendingDelivery> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT gantry_id, message_id, topic, payload, enqueued_micros, expires_micros "
                + "FROM deliveries ORDER BY enqueued_micros, " + dialect.insertionOrder());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PendingDelivery(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4), rs.getLong(5), rs.getLong(6)));
            }
            return out;
        }
    }

    static List<FleetEntry> fleet(Connection c) throws SQLException, InvalidProtocolBufferException {
        List<FleetEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT gantry_id, online, last_seen_micros, state, hotlist_version, outbox_backlog, status FROM fleet ORDER BY gantry_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] status = rs.getBytes(7);
                out.add(new FleetEntry(rs.getString(1), rs.getInt(2) != 0, rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), status == null ? null : GantryStatus.parseFrom(status)));
            }
            return out;
        }
    }

    /** Deletes alerts, violations, rejected payloads and expired deliveries older than their cutoffs; returns those four counts. */
    static int[] purge(Connection c, ReadStore.Cutoffs cutoffs) throws SQLException {
        int[] rows = new int[4];
        Jdbc.inTransaction(c, tx -> {
            rows[0] = Jdbc.update(tx, "DELETE FROM alerts WHERE received_micros < ?", micros(cutoffs.alerts()));
            // Acknowledgements and live events go with the alerts they belong to.
            Jdbc.update(tx, "DELETE FROM alert_acks WHERE acked_micros < ?", micros(cutoffs.alerts()));
            Jdbc.update(tx, "DELETE FROM events WHERE at_micros < ?", micros(cutoffs.alerts()));
            rows[1] = Jdbc.update(tx, "DELETE FROM violations WHERE received_micros < ?", micros(cutoffs.violations()));
            rows[2] = Jdbc.update(tx, "DELETE FROM rejected WHERE received_micros < ?", micros(cutoffs.rejected()));
            rows[3] = Jdbc.update(tx, "DELETE FROM deliveries WHERE expires_micros > 0 AND expires_micros < ?", micros(cutoffs.now()));
        });
        return rows;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
