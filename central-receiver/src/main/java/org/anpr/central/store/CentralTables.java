package org.anpr.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.SectionViolation;

/** Schema and writes of {@code central.db}: alerts, violations, quarantine, fleet, held deliveries. */
final class CentralTables {
    static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS alerts(
          alert_id BLOB PRIMARY KEY, read_id BLOB NOT NULL, entry_id TEXT NOT NULL, source TEXT NOT NULL,
          gantry_id TEXT NOT NULL, plate_text TEXT NOT NULL, hotlist_version INTEGER NOT NULL,
          received_micros INTEGER NOT NULL, alert BLOB NOT NULL, UNIQUE(read_id, entry_id, source))""",
        "CREATE INDEX IF NOT EXISTS alerts_received ON alerts(received_micros)",
        """
        CREATE TABLE IF NOT EXISTS violations(
          violation_id BLOB PRIMARY KEY, section_id TEXT NOT NULL, gantry_id TEXT NOT NULL, plate_text TEXT NOT NULL,
          outcome TEXT NOT NULL, enforced_speed_kmh REAL NOT NULL, received_micros INTEGER NOT NULL, violation BLOB NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS violations_received ON violations(received_micros)",
        """
        CREATE TABLE IF NOT EXISTS rejected(
          id INTEGER PRIMARY KEY AUTOINCREMENT, gantry_id TEXT NOT NULL, topic TEXT NOT NULL, problem TEXT NOT NULL,
          reason TEXT NOT NULL, payload BLOB NOT NULL, received_micros INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS fleet(
          gantry_id TEXT PRIMARY KEY, online INTEGER NOT NULL DEFAULT 0, last_seen_micros INTEGER NOT NULL DEFAULT 0,
          state TEXT NOT NULL DEFAULT '', hotlist_version INTEGER NOT NULL DEFAULT 0,
          outbox_backlog INTEGER NOT NULL DEFAULT 0, status BLOB)""",
        """
        CREATE TABLE IF NOT EXISTS deliveries(
          gantry_id TEXT NOT NULL, message_id BLOB NOT NULL, topic TEXT NOT NULL, payload BLOB NOT NULL,
          enqueued_micros INTEGER NOT NULL, expires_micros INTEGER NOT NULL, PRIMARY KEY(gantry_id, message_id))""",
    };

    private CentralTables() {
    }

    static void write(Connection c, List<StoreWrite> writes) throws SQLException {
        Map<String, Long> seen = new HashMap<>();
        for (StoreWrite w : writes) {
            // Java 17: no pattern switch over the sealed type yet.
            if (w instanceof StoreWrite.Alert a) {
                alert(c, a);
            } else if (w instanceof StoreWrite.Violation v) {
                violation(c, v);
            } else if (w instanceof StoreWrite.Rejected r) {
                rejected(c, r.payload());
            } else if (w instanceof StoreWrite.Status s) {
                status(c, s);
            } else if (w instanceof StoreWrite.Presence p) {
                presence(c, p);
            } else if (w instanceof StoreWrite.Seen s) {
                seen.merge(s.gantryId(), s.atMicros(), Math::max);
            } else if (w instanceof StoreWrite.Enqueue e) {
                enqueue(c, e.delivery());
            } else if (w instanceof StoreWrite.Delivered d) {
                delivered(c, d);
            } // StoreWrite.Read goes to the day files
        }
        // One upsert per gantry per batch, not one per message.
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            update(c, "INSERT INTO fleet(gantry_id, last_seen_micros) VALUES (?,?) ON CONFLICT(gantry_id) DO UPDATE "
                    + "SET last_seen_micros = max(last_seen_micros, excluded.last_seen_micros)", e.getKey(), e.getValue());
        }
    }

    private static void alert(Connection c, StoreWrite.Alert w) throws SQLException {
        HotlistAlert a = w.alert();
        update(c, "INSERT OR IGNORE INTO alerts VALUES (?,?,?,?,?,?,?,?,?)", a.getAlertId().toByteArray(),
                a.getRead().getReadId().toByteArray(), a.getEntry().getEntryId(), w.source().name(), a.getRead().getGantryId(),
                a.getRead().getPlateText(), a.getHotlistVersion(), w.receivedMicros(), a.toByteArray());
    }

    private static void violation(Connection c, StoreWrite.Violation w) throws SQLException {
        SectionViolation v = w.violation();
        update(c, "INSERT OR IGNORE INTO violations VALUES (?,?,?,?,?,?,?,?)", v.getViolationId().toByteArray(), v.getSectionId(),
                w.gantryId(), v.getExitRead().getPlateText(), v.getOutcome().name(), v.getEnforcedSpeedKmh(),
                w.receivedMicros(), v.toByteArray());
    }

    private static void rejected(Connection c, RejectedPayload r) throws SQLException {
        update(c, "INSERT INTO rejected(gantry_id, topic, problem, reason, payload, received_micros) VALUES (?,?,?,?,?,?)",
                r.gantryId(), r.topic(), r.problem(), r.reason(), r.payload(), r.receivedMicros());
    }

    private static void status(Connection c, StoreWrite.Status w) throws SQLException {
        GantryStatus s = w.status();
        update(c, "INSERT INTO fleet(gantry_id, last_seen_micros, state, hotlist_version, outbox_backlog, status) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(gantry_id) DO UPDATE SET last_seen_micros = max(last_seen_micros, excluded.last_seen_micros), "
                + "state = excluded.state, hotlist_version = excluded.hotlist_version, "
                + "outbox_backlog = excluded.outbox_backlog, status = excluded.status",
                s.getGantryId(), w.receivedMicros(), s.getState().name(), s.getHotlistVersion(), s.getOutboxBacklog(), s.toByteArray());
    }

    private static void presence(Connection c, StoreWrite.Presence p) throws SQLException {
        update(c, "INSERT INTO fleet(gantry_id, online, last_seen_micros) VALUES (?,?,?) ON CONFLICT(gantry_id) DO UPDATE "
                + "SET online = excluded.online, last_seen_micros = max(last_seen_micros, excluded.last_seen_micros)",
                p.gantryId(), p.online() ? 1 : 0, p.atMicros());
    }

    private static void enqueue(Connection c, PendingDelivery d) throws SQLException {
        update(c, "INSERT OR IGNORE INTO deliveries VALUES (?,?,?,?,?,?)", d.gantryId(), d.messageId(), d.topic(), d.payload(),
                d.enqueuedMicros(), d.expiresMicros());
    }

    private static void delivered(Connection c, StoreWrite.Delivered d) throws SQLException {
        update(c, "DELETE FROM deliveries WHERE gantry_id = ? AND message_id = ?", d.gantryId(), d.messageId());
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
