package org.anpr.central.search;

import java.util.List;
import java.util.Optional;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.StoreException;

/**
 * Searches of stored reads for the operators' API, beside the store's writer: implementations
 * have their own (read-only) connections, never the writer's, so searches neither wait for nor
 * stall ingest. Thread safe: API workers search concurrently.
 */
public interface ReadSearch extends AutoCloseable {
    /**
     * Hits of {@code q}, newest first by {@code (capture_micros, read_id)}; with {@code q.after()},
     * only those strictly after it in that order (keyset pagination).
     */
    List<ReadHit> search(ReadQuery q) throws StoreException;

    /** The whole read with that id, images included. */
    Optional<StoredRead> find(byte[] readId) throws StoreException;

    /** Reads of exactly {@code plateText} captured in [{@code fromMicros}, {@code toMicros}), oldest first. */
    List<ReadHit> trajectory(String plateText, long fromMicros, long toMicros, int limit) throws StoreException;

    /** Reads per hour per gantry captured in [{@code fromMicros}, {@code toMicros}), by confidence band. */
    List<ReadStats.Bucket> stats(long fromMicros, long toMicros, String gantryId) throws StoreException;

    @Override
    void close();

    /** The search of the configured store: its directory of day files, or its PostgreSQL database. */
    static ReadSearch open(StoreConfig config) throws StoreException {
        return config.type() == StoreConfig.Type.POSTGRESQL ? new PostgresReadSearch(config.postgresql())
                : new SqliteReadSearch(config.directory());
    }
}
