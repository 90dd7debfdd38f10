package org.anpr.central.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.anpr.central.operator.Principal;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.SqlDialect;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.Where;

/**
 * The append-only audit trail. Each entry's hash covers its fields and the previous entry's
 * hash, so an entry changed, removed or inserted behind the API's back breaks the chain at that
 * point ({@link #verify}). No endpoint edits or deletes an entry. Entries are numbered without
 * gaps inside the appending transaction (SQLite: one writer at a time; PostgreSQL: an advisory
 * transaction lock), so the chain order is the commit order.
 */
public final class AuditLog {
    public static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS audit(
              id {BIGINT} PRIMARY KEY, at_micros {BIGINT} NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
              address TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, reason TEXT, case_ref TEXT,
              detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
            "CREATE INDEX IF NOT EXISTS audit_actor ON audit(actor, id)",
            "CREATE INDEX IF NOT EXISTS audit_at ON audit(at_micros)");
    static final String GENESIS = "0".repeat(64);
    private static final long LOCK_KEY = 0x616e70725f617564L; // "anpr_aud"
    private static final String COLUMNS = "id, at_micros, actor, role, address, action, target, reason, case_ref, detail, prev_hash, hash";

    /** What happened, before it is numbered and chained. */
    public record Event(Principal principal, String address, String action, String target, Purpose purpose, String detail) {
    }

    /**
     * The first broken entry, or {@code ok} with the number of entries checked. {@code headHash}
     * is the last entry's hash: the chain cannot show entries cut off its end, so auditors keep
     * the head they verified and check that a later verification still passes through it.
     */
    public record Verification(boolean ok, long checked, Long brokenAt, String problem, String headHash) {
    }

    /** A page of entries, newest first. */
    public record Query(String actor, String action, Long fromMicros, Long toMicros, Long beforeId, int limit) {
    }

    private final CentralDatabase db;
    private final Object groupLock = new Object();
    private List<Pending> queued = new ArrayList<>();
    private boolean committing;

    public AuditLog(CentralDatabase db) {
        this.db = db;
    }

    /**
     * Appends one entry in a transaction of its own, committed (durable) on return. Concurrent
     * callers share a commit: one of them commits everything queued while the previous commit
     * ran, in arrival order. One fsync per API search would otherwise hold the database's write
     * lock and the disk hundreds of times a second, beside the ingest writer's own commits.
     */
    public AuditEntry append(Event e, long nowMicros) throws StoreException {
        Pending mine = new Pending(e, nowMicros);
        List<Pending> batch;
        synchronized (groupLock) {
            queued.add(mine);
            while (committing && !mine.done) {
                try {
                    groupLock.wait();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted waiting for the audit commit", ie);
                }
            }
            if (mine.done) {
                return mine.result();
            }
            committing = true;
            batch = queued;
            queued = new ArrayList<>();
        }
        StoreException failure = null;
        List<AuditEntry> entries = null;
        try {
            entries = db.transaction(c -> {
                List<AuditEntry> out = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    out.add(append(c, db.dialect(), p.event, p.nowMicros));
                }
                return out;
            });
        } catch (StoreException | RuntimeException ex) {
            failure = ex instanceof StoreException se ? se : new StoreException("audit append failed: " + ex, ex);
        } finally {
            synchronized (groupLock) {
                for (int i = 0; i < batch.size(); i++) {
                    Pending p = batch.get(i);
                    p.entry = entries == null ? null : entries.get(i);
                    p.failure = failure;
                    p.done = true;
                }
                committing = false;
                groupLock.notifyAll();
            }
        }
        return mine.result();
    }

    /** An entry waiting for its group's commit; fields guarded by {@code groupLock}. */
    private static final class Pending {
        final Event event;
        final long nowMicros;
        boolean done;
        AuditEntry entry;
        StoreException failure;

        Pending(Event event, long nowMicros) {
            this.event = event;
            this.nowMicros = nowMicros;
        }

        AuditEntry result() throws StoreException {
            if (failure != null) {
                throw new StoreException("audit entry not recorded: " + failure.getMessage(), failure);
            }
            return entry;
        }
    }

    /** Appends inside the caller's transaction, so that a change and its audit line commit together. */
    public static AuditEntry append(Connection c, SqlDialect dialect, Event e, long nowMicros) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
        }
        long id = 1;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        Principal p = e.principal();
        String reason = e.purpose() == null ? null : e.purpose().reason();
        String caseRef = e.purpose() == null ? null : e.purpose().caseRef();
        AuditEntry entry = new AuditEntry(id, nowMicros, p == null ? "-" : p.actor(), p == null ? "-" : p.role().wireName(),
                e.address(), e.action(), e.target() == null ? "" : e.target(), reason, caseRef,
                e.detail() == null ? "{}" : e.detail(), prev, null);
        entry = withHash(entry);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, entry.id());
            ps.setLong(2, entry.atMicros());
            ps.setString(3, entry.actor());
            ps.setString(4, entry.role());
            ps.setString(5, entry.address());
            ps.setString(6, entry.action());
            ps.setString(7, entry.target());
            ps.setString(8, entry.reason());
            ps.setString(9, entry.caseRef());
            ps.setString(10, entry.detail());
            ps.setString(11, entry.prevHash());
            ps.setString(12, entry.hash());
            ps.executeUpdate();
        }
        return entry;
    }

    public List<AuditEntry> query(Query q) throws StoreException {
        Where where = new Where().and("actor = ?", q.actor()).and("action = ?", q.action()).and("at_micros >= ?", q.fromMicros())
                .and("at_micros < ?", q.toMicros()).and("id < ?", q.beforeId());
        return db.list("SELECT " + COLUMNS + " FROM audit" + where.sql() + " ORDER BY id DESC LIMIT " + q.limit(), where.args(),
                AuditLog::row);
    }

    /** Recomputes the whole chain, oldest first. */
    public Verification verify() throws StoreException {
        return verify(null);
    }

    /**
     * Recomputes the whole chain; with {@code earlierHead} (a head hash an auditor noted before),
     * also fails when that entry is no longer in the chain: entries were cut off its end.
     */
    public Verification verify(String earlierHead) throws StoreException {
        // One SELECT: a consistent snapshot in both databases, without holding SQLite's write lock.
        return db.read(c -> {
            long checked = 0;
            long expectedId = 1;
            boolean[] headSeen = {false};
            String prev = GENESIS;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY id")) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry e = row(rs);
                        if (e.id() != expectedId) {
                            return new Verification(false, checked, expectedId, "entry " + expectedId + " is missing", null);
                        }
                        if (!e.prevHash().equals(prev)) {
                            return new Verification(false, checked, e.id(), "entry " + e.id() + " does not follow entry " + (e.id() - 1), null);
                        }
                        if (!withHash(e).hash().equals(e.hash())) {
                            return new Verification(false, checked, e.id(), "entry " + e.id() + " was changed after it was written", null);
                        }
                        prev = e.hash();
                        if (e.hash().equals(earlierHead)) {
                            headSeen[0] = true;
                        }
                        expectedId++;
                        checked++;
                    }
                }
            }
            if (earlierHead != null && !headSeen[0]) {
                return new Verification(false, checked, expectedId, "the head " + earlierHead
                        + " verified earlier is no longer in the chain: entries were removed from its end", null);
            }
            return new Verification(true, checked, null, null, prev);
        });
    }

    private static AuditEntry withHash(AuditEntry e) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
        // Length-prefixed fields: no two different entries serialise to the same bytes.
        for (String field : new String[] {e.prevHash(), Long.toString(e.id()), Long.toString(e.atMicros()), e.actor(), e.role(),
                e.address(), e.action(), e.target(), e.reason(), e.caseRef(), e.detail()}) {
            byte[] b = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            md.update((field == null ? "-1:" : b.length + ":").getBytes(StandardCharsets.US_ASCII));
            md.update(b);
        }
        String hash = HexFormat.of().formatHex(md.digest());
        return new AuditEntry(e.id(), e.atMicros(), e.actor(), e.role(), e.address(), e.action(), e.target(), e.reason(),
                e.caseRef(), e.detail(), e.prevHash(), hash);
    }

    private static AuditEntry row(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));
    }
}
