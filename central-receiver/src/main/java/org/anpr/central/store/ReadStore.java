package org.anpr.central.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.anpr.protocol.v1.PlateRead;

/**
 * Where everything the gantries send is kept. {@link #commit} is durable when it returns: the
 * MQTT endpoint acknowledges a message only after that. Implementations are thread-safe.
 */
public interface ReadStore extends AutoCloseable {
    /** Writes the batch atomically per storage unit and durably; on an exception nothing of it is acknowledged. */
    void commit(List<StoreWrite> writes) throws StoreException;

    /**
     * Upkeep the single writer runs between batches, after a batch's publishes are acknowledged
     * and before the next commit: work that would otherwise run inside a commit, in front of its
     * PUBACKs. Nothing by default.
     *
     * @return whether there was work to do (for the writer's metrics)
     */
    default boolean betweenCommits() throws StoreException {
        return false;
    }

    long countReads() throws StoreException;

    /** The stored read (the plate crop included, from its BLOB column). */
    Optional<PlateRead> findRead(byte[] readId) throws StoreException;

    long countAlerts(StoreWrite.AlertSource source) throws StoreException;

    long countViolations() throws StoreException;

    List<RejectedPayload> rejected() throws StoreException;

    /** The last violation received from each exit gantry, by gantry id: where each chain stands at start. */
    java.util.Map<String, org.anpr.protocol.v1.SectionViolation> latestViolations() throws StoreException;

    /** Downstream messages not yet acknowledged by their gantry, oldest first. */
    List<PendingDelivery> pendingDeliveries() throws StoreException;

    List<FleetEntry> fleet() throws StoreException;

    /** Deletes what is older than each cutoff; returns what went. */
    PurgeResult purge(Cutoffs cutoffs) throws StoreException;

    @Override
    void close();

    /** @param now held deliveries that expired before it go too */
    record Cutoffs(Instant now, Instant reads, Instant alerts, Instant violations, Instant rejected) {
    }

    record PurgeResult(int readFilesDropped, int alerts, int violations, int rejected, int expiredDeliveries) {
    }
}
