package org.anpr.central.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anpr.central.audit.AuditLog;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.EventRows;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.Where;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistCategory;

/**
 * The alerts as dispatchers work them: listed with their acknowledgement state, newest first,
 * and acknowledged with an outcome. An acknowledgement, its live event and its audit line are
 * one transaction; an alert is acknowledged once (409 for the second dispatcher).
 */
public final class AlertBoard {
    /** Rows examined per request at most when filtering by priority or category (inside the stored alert). */
    static final int MAX_SCAN = 20_000;
    /** The other alerts of the same read and entry: the gantry's own and the centre's second check of one sighting. */
    private static final String TWIN = "SELECT 1 FROM alerts t WHERE t.read_id = a.read_id AND t.entry_id = a.entry_id AND t.source <> a.source";
    private static final String SELECT = "SELECT a.alert, a.source, a.received_micros, k.outcome, k.note, k.operator, k.acked_micros, "
            + "CASE WHEN EXISTS (" + TWIN + ") THEN 1 ELSE 0 END FROM alerts a LEFT JOIN alert_acks k ON k.alert_id = a.alert_id";

    public enum State { OPEN, ACKNOWLEDGED, ALL }

    public record Ack(AlertOutcome outcome, String note, String operator, long ackedMicros) {
    }

    /** @param confirmed the gantry and the centre both matched this sighting (the centre's twin is not listed) */
    public record AlertView(HotlistAlert alert, String source, long receivedMicros, Ack ack, boolean confirmed) {
        public UUID id() {
            return Uuid7.fromBytes(alert.getAlertId().toByteArray());
        }
    }

    /** @param maxPriority only alerts of this priority or more urgent (1 is the most urgent); null for all */
    public record Filter(State state, Integer maxPriority, HotlistCategory category, String gantryId, Long fromMicros,
                         Long toMicros, Long beforeMicros, byte[] beforeId, int limit) {
    }

    /** Alerts received on one UTC day ({@code dayMicros} its start) that ended with {@code outcome} ({@code open}: not yet acknowledged). */
    public record DayCount(long dayMicros, String outcome, long alerts) {
    }

    private static final long DAY_MICROS = 86_400_000_000L;

    private final CentralDatabase db;

    public AlertBoard(CentralDatabase db) {
        this.db = db;
    }

    public List<AlertView> list(Filter f) throws StoreException {
        Where where = new Where().and("a.gantry_id = ?", f.gantryId()).and("a.received_micros >= ?", f.fromMicros())
                .and("a.received_micros < ?", f.toMicros())
                .before("a.received_micros", "a.alert_id", f.beforeMicros(), f.beforeId())
                // one sighting, one line: the centre's second check is shown as a confirmation of the gantry's alert
                .and("NOT (a.source = 'CENTRAL' AND EXISTS (" + TWIN + "))");
        if (f.state() == State.OPEN) {
            where.and("k.alert_id IS NULL");
        } else if (f.state() == State.ACKNOWLEDGED) {
            where.and("k.alert_id IS NOT NULL");
        }
        String sql = SELECT + where.sql() + " ORDER BY a.received_micros DESC, a.alert_id DESC LIMIT " + MAX_SCAN;
        // Priority and category sit inside the stored alert: filtered while reading, up to MAX_SCAN rows.
        return db.read(c -> {
            List<AlertView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < where.args().size(); i++) {
                    ps.setObject(i + 1, where.args().get(i));
                }
                ps.setFetchSize(Math.min(MAX_SCAN, f.limit() * 4));
                try (ResultSet rs = ps.executeQuery()) {
                    while (out.size() < f.limit() && rs.next()) {
                        AlertView v = row(rs);
                        int priority = v.alert().getEntry().getPriority();
                        if ((f.maxPriority() == null || priority <= f.maxPriority())
                                && (f.category() == null || v.alert().getEntry().getCategory() == f.category())) {
                            out.add(v);
                        }
                    }
                }
            }
            return out;
        });
    }

    public List<DayCount> perDay(long fromMicros, long toMicros) throws StoreException {
        String day = "a.received_micros / " + DAY_MICROS;
        String sql = "SELECT " + day + ", COALESCE(k.outcome, 'open'), COUNT(*) FROM alerts a LEFT JOIN alert_acks k "
                + "ON k.alert_id = a.alert_id WHERE a.received_micros >= ? AND a.received_micros < ? "
                + "GROUP BY " + day + ", COALESCE(k.outcome, 'open') ORDER BY 1, 2";
        return db.list(sql, List.of(fromMicros, toMicros), rs -> new DayCount(rs.getLong(1) * DAY_MICROS, rs.getString(2), rs.getLong(3)));
    }

    public Optional<AlertView> find(UUID id) throws StoreException {
        return db.list(SELECT + " WHERE a.alert_id = ?", List.of(bytes(id)), AlertBoard::row).stream().findFirst();
    }

    /**
     * Records the outcome; false when the alert was already acknowledged. The audit line and the
     * live event commit with it.
     */
    public boolean acknowledge(UUID id, Ack ack, AuditLog.Event audit) throws StoreException {
        return db.transaction(c -> {
            // Its twin (the other source's alert of the same sighting) is settled with it.
            List<byte[]> twins = CentralDatabase.list(c, "SELECT t.alert_id FROM alerts a JOIN alerts t ON t.read_id = a.read_id "
                    + "AND t.entry_id = a.entry_id AND t.alert_id <> a.alert_id WHERE a.alert_id = ?", List.of(bytes(id)), rs -> rs.getBytes(1));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_acks(alert_id, outcome, note, operator, acked_micros) "
                    + "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                bind(ps, bytes(id), ack);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
                for (byte[] twin : twins) {
                    bind(ps, twin, ack);
                    ps.executeUpdate();
                }
            }
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("alertId", id.toString());
            data.put("outcome", ack.outcome().wireName());
            data.put("by", ack.operator());
            EventRows.insert(c, List.of(new EventRows.Pending("alert-acknowledged", data, ack.ackedMicros())));
            AuditLog.append(c, db.dialect(), audit, ack.ackedMicros());
            return true;
        });
    }

    private static AlertView row(ResultSet rs) throws SQLException {
        HotlistAlert alert;
        try {
            alert = HotlistAlert.parseFrom(rs.getBytes(1));
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("a stored alert does not decode", e);
        }
        String outcome = rs.getString(4);
        Ack ack = outcome == null ? null : new Ack(AlertOutcome.of(outcome).orElse(AlertOutcome.LIST_ERROR), rs.getString(5),
                rs.getString(6), rs.getLong(7));
        return new AlertView(alert, rs.getString(2), rs.getLong(3), ack, rs.getInt(8) != 0);
    }

    private static void bind(PreparedStatement ps, byte[] alertId, Ack ack) throws SQLException {
        ps.setBytes(1, alertId);
        ps.setString(2, ack.outcome().wireName());
        ps.setString(3, ack.note());
        ps.setString(4, ack.operator());
        ps.setLong(5, ack.ackedMicros());
    }

    private static byte[] bytes(UUID id) {
        return Uuid7.toBytes(id);
    }
}
