package org.anpr.central.store;

import org.anpr.central.config.StoreConfig;

/** The read store and the hotlist's tables of the configured {@code store.type}, opened together. */
public record Stores(ReadStore reads, JdbcHotlistStore hotlist) implements AutoCloseable {
    @Override
    public void close() {
        hotlist.close();
        reads.close();
    }

    public static Stores open(StoreConfig config) throws StoreException {
        if (config.type() == StoreConfig.Type.POSTGRESQL) {
            PostgresReadStore reads = new PostgresReadStore(config.postgresql());
            try {
                return new Stores(reads, JdbcHotlistStore.postgresql(config.postgresql()));
            } catch (StoreException e) {
                reads.close();
                throw e;
            }
        }
        SqliteReadStore reads = new SqliteReadStore(config.directory());
        try {
            return new Stores(reads, JdbcHotlistStore.sqlite(reads.centralFile()));
        } catch (StoreException e) {
            reads.close();
            throw e;
        }
    }
}
