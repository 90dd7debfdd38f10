package org.anpr.edge.section;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.anpr.edge.sqlite.SqliteFiles;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The exit gantry's section state in SQLite: unmatched entry passages (and exit reads whose
 * passage has not arrived yet), the head of the violation chain, and issued violations until
 * they are safely in the outbox. Guarded by {@link SectionTimer}.
 */
final class PassageStore implements AutoCloseable {
    /** Which end of the section a pending read was taken at. */
    enum Side { ENTRY, EXIT }

    /** A pending read. */
    record Pending(long rowId, PlateRead read) {
    }

    /** The chain head: last sequence and its digest. */
    record ChainHead(long sequence, ByteString digest) {
    }

    private final Connection db;

    PassageStore(Path file) throws SQLException {
        db = SqliteFiles.open(file);
        SqliteFiles.exec(db,
                "CREATE TABLE IF NOT EXISTS pending (id INTEGER PRIMARY KEY, section_id TEXT NOT NULL, plate_text TEXT NOT NULL,"
                        + " side INTEGER NOT NULL, capture_micros INTEGER NOT NULL, expires_micros INTEGER NOT NULL, read BLOB NOT NULL)",
                "CREATE INDEX IF NOT EXISTS pending_plate ON pending(section_id, plate_text, side)",
                "CREATE INDEX IF NOT EXISTS pending_expiry ON pending(expires_micros)",
                "CREATE TABLE IF NOT EXISTS chain (id INTEGER PRIMARY KEY CHECK (id = 1), sequence INTEGER NOT NULL, digest BLOB NOT NULL)",
                "CREATE TABLE IF NOT EXISTS issued (sequence INTEGER PRIMARY KEY, violation BLOB NOT NULL)");
    }

    void addPending(String sectionId, Side side, PlateRead read, long expiresMicros) throws SQLException {
        try (PreparedStatement ins = db.prepareStatement(
                "INSERT INTO pending(section_id, plate_text, side, capture_micros, expires_micros, read) VALUES (?,?,?,?,?,?)")) {
            ins.setString(1, sectionId);
            ins.setString(2, read.getPlateText());
            ins.setInt(3, side.ordinal());
            ins.setLong(4, read.getCaptureTime().getEpochMicros());
            ins.setLong(5, expiresMicros);
            ins.setBytes(6, read.toByteArray());
            ins.executeUpdate();
        }
    }

    /** Pending reads of one side for a plate on a section, oldest capture first. */
    List<Pending> pending(String sectionId, Side side, String plate) throws SQLException {
        List<Pending> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT id, read FROM pending WHERE section_id = ? AND plate_text = ? AND side = ? ORDER BY capture_micros")) {
            q.setString(1, sectionId);
            q.setString(2, plate);
            q.setInt(3, side.ordinal());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), parseRead(rs.getBytes(2))));
                }
            }
        }
        return out;
    }

    void delete(long rowId) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM pending WHERE id = ?")) {
            del.setLong(1, rowId);
            del.executeUpdate();
        }
    }

    /** Deletes every pending read that expired at {@code nowMicros}; returns how many. */
    int expire(long nowMicros) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM pending WHERE expires_micros <= ?")) {
            del.setLong(1, nowMicros);
            return del.executeUpdate();
        }
    }

    int pendingCount() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM pending"); ResultSet rs = q.executeQuery()) {
            return rs.getInt(1);
        }
    }

    ChainHead chainHead() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT sequence, digest FROM chain WHERE id = 1"); ResultSet rs = q.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1), ByteString.copyFrom(rs.getBytes(2))) : new ChainHead(0, ViolationChain.GENESIS);
        }
    }

    /**
     * In one transaction: seals the violation as the chain's successor (and signs its digest with
     * {@code signingKey}, when there is one), records it as issued and deletes the pending read it
     * consumed. Returns the sealed violation.
     */
    SectionViolation issue(SectionViolation unsealed, long consumedPendingRow, java.security.PrivateKey signingKey) throws SQLException {
        return SqliteFiles.inTransaction(db, c -> {
            ChainHead head = chainHead();
            SectionViolation chained = ViolationChain.seal(unsealed, head.sequence() + 1, head.digest());
            SectionViolation sealed = signingKey == null ? chained : org.anpr.protocol.evidence.ViolationSignature.sign(chained, signingKey);
            try (PreparedStatement up = c.prepareStatement("INSERT OR REPLACE INTO chain(id, sequence, digest) VALUES (1, ?, ?)");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO issued(sequence, violation) VALUES (?, ?)")) {
                up.setLong(1, sealed.getSequence());
                up.setBytes(2, sealed.getDigest().toByteArray());
                up.executeUpdate();
                ins.setLong(1, sealed.getSequence());
                ins.setBytes(2, sealed.toByteArray());
                ins.executeUpdate();
            }
            if (consumedPendingRow > 0) {
                delete(consumedPendingRow);
            }
            return sealed;
        });
    }

    /** Issued violations not yet handed to the outbox (after a crash between the two commits). */
    List<SectionViolation> unhanded() throws SQLException {
        List<SectionViolation> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT violation FROM issued ORDER BY sequence"); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(SectionViolation.parseFrom(rs.getBytes(1)));
                } catch (InvalidProtocolBufferException e) {
                    throw new SQLException("section file holds an unreadable violation", e);
                }
            }
        }
        return out;
    }

    void handedOff(long sequence) throws SQLException {
        try (PreparedStatement del = db.prepareStatement("DELETE FROM issued WHERE sequence = ?")) {
            del.setLong(1, sequence);
            del.executeUpdate();
        }
    }

    private static PlateRead parseRead(byte[] bytes) throws SQLException {
        try {
            return PlateRead.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new SQLException("section file holds an unreadable read", e);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
