package org.anpr.central.violation;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.Where;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.SectionViolation;

/**
 * Section-speed violations as investigators review them, and the check of each one's place in
 * its gantry's digest chain: its own digest recomputed, and the links to the violations just
 * before and after it in sequence, so that an edited, removed or inserted violation shows.
 */
public final class ViolationRecords {
    /** Violations of one gantry examined at most to find a neighbour in the chain. */
    static final int CHAIN_SCAN = 5_000;

    public record Stored(SectionViolation violation, String gantryId, long receivedMicros) {
        public UUID id() {
            return Uuid7.fromBytes(violation.getViolationId().toByteArray());
        }
    }

    public record Filter(String sectionId, String gantryId, String outcome, Long fromMicros, Long toMicros, Long beforeMicros,
                         byte[] beforeId, int limit) {
    }

    /**
     * @param digestValid the violation's digest matches its content
     * @param previous    {@code genesis} (first of its chain), {@code linked}, {@code missing} (not received here) or {@code broken}
     * @param next        {@code linked}, {@code none-yet} or {@code broken}
     */
    public record ChainCheck(boolean digestValid, String previous, String next) {
        public boolean intact() {
            return digestValid && !previous.equals("broken") && !next.equals("broken");
        }
    }

    private static final String SELECT = "SELECT violation, gantry_id, received_micros FROM violations";
    private final CentralDatabase db;

    public ViolationRecords(CentralDatabase db) {
        this.db = db;
    }

    public List<Stored> list(Filter f) throws StoreException {
        Where where = new Where().and("section_id = ?", f.sectionId()).and("gantry_id = ?", f.gantryId())
                .and("outcome = ?", f.outcome()).and("received_micros >= ?", f.fromMicros()).and("received_micros < ?", f.toMicros())
                .before("received_micros", "violation_id", f.beforeMicros(), f.beforeId());
        return query(SELECT + where.sql() + " ORDER BY received_micros DESC, violation_id DESC LIMIT " + f.limit(), where.args());
    }

    public Optional<Stored> find(UUID id) throws StoreException {
        List<Stored> one = query(SELECT + " WHERE violation_id = ?", List.of(Uuid7.toBytes(id)));
        return one.stream().findFirst();
    }

    /** Where {@code s} stands in the chain of the gantry that issued it. */
    public ChainCheck check(Stored s) throws StoreException {
        SectionViolation v = s.violation();
        boolean digestValid = ViolationChain.digestOf(v).equals(v.getDigest());
        SectionViolation before = null;
        SectionViolation after = null;
        for (Stored other : query(SELECT + " WHERE gantry_id = ? ORDER BY received_micros DESC LIMIT " + CHAIN_SCAN,
                List.of(s.gantryId()))) {
            long seq = other.violation().getSequence();
            if (seq == v.getSequence() - 1) {
                before = other.violation();
            } else if (seq == v.getSequence() + 1) {
                after = other.violation();
            }
        }
        String previous;
        if (v.getPreviousDigest().equals(ViolationChain.GENESIS) && v.getSequence() <= 1) {
            previous = "genesis";
        } else if (before == null) {
            previous = "missing";
        } else {
            previous = linked(before, v.getPreviousDigest()) ? "linked" : "broken";
        }
        String next = after == null ? "none-yet" : linked(v, after.getPreviousDigest()) ? "linked" : "broken";
        return new ChainCheck(digestValid, previous, next);
    }

    private static boolean linked(SectionViolation earlier, ByteString laterPrevious) {
        return earlier.getDigest().equals(laterPrevious) && ViolationChain.digestOf(earlier).equals(earlier.getDigest());
    }

    private List<Stored> query(String sql, List<Object> args) throws StoreException {
        return db.list(sql, args, rs -> {
            try {
                return new Stored(SectionViolation.parseFrom(rs.getBytes(1)), rs.getString(2), rs.getLong(3));
            } catch (InvalidProtocolBufferException e) {
                throw new SQLException("a stored violation does not decode", e);
            }
        });
    }
}
