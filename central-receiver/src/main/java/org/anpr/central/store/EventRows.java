package org.anpr.central.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The live event log the operators' stream replays from: new alert, alert acknowledged, gantry
 * online/offline, new violation. Rows are written in the same transaction as what they announce,
 * so an event exists exactly when its alert does, and event ids are in commit order (SQLite has
 * one writer; PostgreSQL writers of events take an advisory transaction lock first). A client
 * that reconnects with the last id it saw gets everything after it.
 */
public final class EventRows {
    public static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS events(
              id {AUTO_ID}, at_micros {BIGINT} NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL)""";
    private static final long LOCK_KEY = 0x616e70725f657674L; // "anpr_evt"

    /** One event as stored; {@code data} is a JSON object. */
    public record Event(long id, long atMicros, String type, String data) {
    }

    /** An event before it has an id. */
    public record Pending(String type, ObjectNode data, long atMicros) {
    }

    private EventRows() {
    }

    public static void insert(Connection c, List<Pending> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events(at_micros, type, data) VALUES (?,?,?)")) {
            for (Pending e : events) {
                ps.setLong(1, e.atMicros());
                ps.setString(2, e.type());
                ps.setString(3, e.data().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Events with an id above {@code afterId}, oldest first. */
    public static List<Event> after(Connection c, long afterId, int limit) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, at_micros, type, data FROM events WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    public static long lastId(Connection c) throws SQLException {
        return Jdbc.scalar(c, "SELECT COALESCE(MAX(id), 0) FROM events");
    }

    static Pending alert(HotlistAlert a, String source, long atMicros) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("alertId", Uuid7.fromBytes(a.getAlertId().toByteArray()).toString());
        d.put("readId", Uuid7.fromBytes(a.getRead().getReadId().toByteArray()).toString());
        d.put("gantryId", a.getRead().getGantryId());
        d.put("plate", a.getRead().getPlateText());
        d.put("entryId", a.getEntry().getEntryId());
        d.put("category", a.getEntry().getCategory().name());
        d.put("priority", a.getEntry().getPriority());
        d.put("source", source);
        return new Pending("alert", d, atMicros);
    }

    static Pending violation(SectionViolation v, long atMicros) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("violationId", Uuid7.fromBytes(v.getViolationId().toByteArray()).toString());
        d.put("sectionId", v.getSectionId());
        d.put("plate", v.getExitRead().getPlateText());
        d.put("enforcedSpeedKmh", v.getEnforcedSpeedKmh());
        d.put("outcome", v.getOutcome().name());
        return new Pending("violation", d, atMicros);
    }

    static Pending presence(String gantryId, boolean online, long atMicros) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("gantryId", gantryId);
        return new Pending(online ? "gantry-online" : "gantry-offline", d, atMicros);
    }
}
