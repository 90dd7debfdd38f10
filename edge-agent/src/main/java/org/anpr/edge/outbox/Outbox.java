package org.anpr.edge.outbox;

import com.google.protobuf.Message;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anpr.edge.outbox.ImageShedder.Kind;
import org.anpr.edge.sqlite.SqliteFiles;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable store-and-forward queue: every upstream message is committed here (SQLite, WAL, full
 * fsync) before anything else happens to it, and deleted only when the broker acknowledged it.
 *
 * <p>Order: alerts, violations, passages, reads; FIFO within each. Thread-safe (one connection,
 * guarded by this object's monitor).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int SHED_BATCH = 64;

    private final Connection db;
    /** The outbox's volume, for the free-space reserve (null when it cannot be told: no reserve then). */
    private final java.nio.file.FileStore volume;
    private final WireCodec codec;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private volatile OutboxLimits limits;
    private long items;
    private long bytes;
    private long overviewsShed;
    private long cropsShed;
    private boolean warnedOverBound;

    private Outbox(Connection db, java.nio.file.FileStore volume, WireCodec codec, OutboxLimits limits) {
        this.db = db;
        this.volume = volume;
        this.codec = codec;
        this.limits = limits;
    }

    public static Outbox open(Path file, OutboxLimits limits, WireCodec codec) throws SQLException {
        Connection db = SqliteFiles.open(file);
        SqliteFiles.exec(db,
                "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, priority INTEGER NOT NULL,"
                        + " topic TEXT NOT NULL, payload BLOB NOT NULL, size INTEGER NOT NULL,"
                        + " has_overview INTEGER NOT NULL, has_crop INTEGER NOT NULL)",
                "CREATE INDEX IF NOT EXISTS outbox_order ON outbox(priority, seq)",
                "CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        java.nio.file.FileStore volume;
        try {
            volume = java.nio.file.Files.getFileStore(file.toAbsolutePath());
        } catch (java.io.IOException e) {
            LOG.warn("outbox {}: cannot tell its volume's free space ({}); shedding by outbox.maxBytes only", file, e.toString());
            volume = null;
        }
        Outbox outbox = new Outbox(db, volume, codec, limits);
        outbox.loadTotals();
        return outbox;
    }

    private void loadTotals() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM outbox");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            items = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        overviewsShed = counter("overviews_shed");
        cropsShed = counter("crops_shed");
    }

    /** Called (on the appending thread, after the commit) whenever a message was appended. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    public void setLimits(OutboxLimits limits) {
        this.limits = limits;
    }

    /** Wraps, validates, encodes and durably stores a payload; returns its sequence number. */
    public long append(Topic topic, Message payload) throws ProtocolException, SQLException {
        return append(topic, WireCodec.wrap(payload, System.currentTimeMillis() * 1000));
    }

    /**
     * Validates, encodes and durably stores an envelope. When this returns, the message survives
     * a crash or power loss. Throws ProtocolException (nothing stored) when the message is invalid.
     */
    public long append(Topic topic, Envelope envelope) throws ProtocolException, SQLException {
        Priority priority = Priority.of(topic.kind());
        if (envelope.getPayloadCase() != topic.kind().payload()) {
            throw new IllegalArgumentException("topic " + topic + " carries " + topic.kind().payload() + ", got " + envelope.getPayloadCase());
        }
        byte[] payload = codec.encode(envelope);
        long seq;
        synchronized (this) {
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT INTO outbox(priority, topic, payload, size, has_overview, has_crop) VALUES (?,?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ins.setInt(1, priority.ordinal());
                ins.setString(2, topic.name());
                ins.setBytes(3, payload);
                ins.setInt(4, payload.length);
                ins.setInt(5, ImageShedder.hasImage(envelope, Kind.OVERVIEW) ? 1 : 0);
                ins.setInt(6, ImageShedder.hasImage(envelope, Kind.CROP) ? 1 : 0);
                ins.executeUpdate();
                try (ResultSet keys = ins.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            items++;
            bytes += payload.length;
            long bound = bound();
            if (bytes > bound) {
                shed(bound);
            }
        }
        appendListeners.forEach(Runnable::run);
        return seq;
    }

    /**
     * The next messages to send in priority order, skipping those already in flight.
     *
     * @param max     at most this many
     * @param exclude sequence numbers already published and awaiting an acknowledgement
     */
    public synchronized List<OutboxItem> next(int max, Set<Long> exclude) throws SQLException {
        List<OutboxItem> out = new ArrayList<>(max);
        if (max <= 0) {
            return out;
        }
        // Keys first, payloads only for the chosen rows: the in-flight rows skipped here can be
        // large (images) and this runs after every batch of acknowledgements.
        List<long[]> chosen = new ArrayList<>(max);
        List<String> topics = new ArrayList<>(max);
        try (PreparedStatement q = db.prepareStatement("SELECT seq, priority, topic FROM outbox ORDER BY priority, seq LIMIT ?")) {
            q.setInt(1, max + exclude.size());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next() && chosen.size() < max) {
                    long seq = rs.getLong(1);
                    if (!exclude.contains(seq)) {
                        chosen.add(new long[] {seq, rs.getInt(2)});
                        topics.add(rs.getString(3));
                    }
                }
            }
        }
        Priority[] priorities = Priority.values();
        try (PreparedStatement q = db.prepareStatement("SELECT payload FROM outbox WHERE seq = ?")) {
            for (int i = 0; i < chosen.size(); i++) {
                q.setLong(1, chosen.get(i)[0]);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        out.add(new OutboxItem(chosen.get(i)[0], priorities[(int) chosen.get(i)[1]], parseTopic(topics.get(i)), rs.getBytes(1)));
                    }
                }
            }
        }
        return out;
    }

    /** Deletes acknowledged messages, in one transaction. Unknown sequence numbers are ignored. */
    public synchronized void ack(Collection<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        long[] removed = SqliteFiles.inTransaction(db, c -> {
            long n = 0;
            long size = 0;
            try (PreparedStatement sel = c.prepareStatement("SELECT size FROM outbox WHERE seq = ?");
                 PreparedStatement del = c.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
                for (long seq : seqs) {
                    sel.setLong(1, seq);
                    try (ResultSet rs = sel.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        size += rs.getLong(1);
                    }
                    del.setLong(1, seq);
                    n += del.executeUpdate();
                }
            }
            return new long[] {n, size};
        });
        items -= removed[0];
        bytes -= removed[1];
    }

    public synchronized OutboxStats stats() {
        return new OutboxStats(items, bytes, overviewsShed, cropsShed);
    }

    /**
     * The payload bytes the outbox may hold now: {@code outbox.maxBytes}, less what is missing from
     * the volume's free-space reserve. One statfs per append: microseconds.
     */
    private long bound() {
        long bound = limits.maxBytes();
        if (volume != null && limits.minFreeBytes() > 0) {
            try {
                long missing = limits.minFreeBytes() - volume.getUsableSpace();
                if (missing > 0) {
                    bound = Math.min(bound, Math.max(0, bytes - missing));
                }
            } catch (java.io.IOException e) {
                LOG.debug("outbox volume's free space unknown: {}", e.toString());
            }
        }
        return bound;
    }

    /** Drops overview images, then plate crops, of the oldest ordinary reads until under {@code bound}. */
    private void shed(long bound) throws SQLException {
        for (Kind kind : Kind.values()) {
            String flag = kind == Kind.OVERVIEW ? "has_overview" : "has_crop";
            while (bytes > bound) {
                int before = (int) Math.min(Integer.MAX_VALUE, bytes);
                int done = SqliteFiles.inTransaction(db, c -> shedBatch(c, kind, flag, bound));
                if (done == 0) {
                    break;
                }
                LOG.debug("outbox over {} bytes: shed {} {} images ({} -> {} bytes)", bound, done, kind, before, bytes);
            }
        }
        if (bytes > bound && !warnedOverBound) {
            warnedOverBound = true; // once until it is back under: a warning per append would fill the disk it warns about
            LOG.warn("outbox holds {} bytes, over its bound of {} (outbox.maxBytes {}, outbox.minFreeBytes {} on its volume), "
                    + "with nothing left to shed", bytes, bound, limits.maxBytes(), limits.minFreeBytes());
        } else if (bytes <= bound) {
            warnedOverBound = false;
        }
    }

    private int shedBatch(Connection c, Kind kind, String flag, long bound) throws SQLException {
        int images = 0;
        long saved = 0;
        List<long[]> rows = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT seq, payload FROM outbox WHERE priority = ? AND " + flag
                + " = 1 ORDER BY seq LIMIT " + SHED_BATCH)) {
            q.setInt(1, Priority.READ.ordinal());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new long[] {rs.getLong(1)});
                    payloads.add(rs.getBytes(2));
                }
            }
        }
        long over = bytes - bound;
        try (PreparedStatement upd = c.prepareStatement("UPDATE outbox SET payload = ?, size = ?, " + flag + " = 0 WHERE seq = ?")) {
            for (int i = 0; i < rows.size() && saved < over; i++) {
                byte[] old = payloads.get(i);
                ImageShedder.Shed shed = ImageShedder.strip(old, kind);
                upd.setBytes(1, shed.payload());
                upd.setInt(2, shed.payload().length);
                upd.setLong(3, rows.get(i)[0]);
                upd.executeUpdate();
                images += shed.images();
                saved += old.length - shed.payload().length;
            }
        }
        String counter = kind == Kind.OVERVIEW ? "overviews_shed" : "crops_shed";
        long total = counter(counter) + images;
        try (PreparedStatement up = c.prepareStatement("INSERT OR REPLACE INTO counters(name, value) VALUES (?, ?)")) {
            up.setString(1, counter);
            up.setLong(2, total);
            up.executeUpdate();
        }
        // In-memory totals change only after the commit would be nicer; a failed commit throws and
        // the next loadTotals() on restart is exact again, so the transient skew is harmless.
        bytes -= saved;
        if (kind == Kind.OVERVIEW) {
            overviewsShed = total;
        } else {
            cropsShed = total;
        }
        return rows.isEmpty() ? 0 : Math.max(1, images);
    }

    private long counter(String name) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT value FROM counters WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static Topic parseTopic(String name) throws SQLException {
        try {
            return Topic.parse(name);
        } catch (ProtocolException e) {
            throw new SQLException("outbox holds a bad topic: " + name, e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
