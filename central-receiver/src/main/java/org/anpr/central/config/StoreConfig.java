package org.anpr.central.config;

import java.nio.file.Path;

/**
 * The store: embedded SQLite files (default) or a PostgreSQL database (production).
 *
 * @param type           {@code sqlite} (default) or {@code postgresql}
 * @param directory      SQLite only: where {@code central.db} and the daily {@code reads-YYYY-MM-DD.db}
 *                       files live (default {@code ./data})
 * @param maxBatch       most queued publishes committed in one transaction (default 1,000)
 * @param highWaterMark  queued publishes at which every socket stops being read (default 5,000)
 * @param lowWaterMark   queued publishes at which reading resumes (default 1,000)
 * @param postgresql     PostgreSQL only: where the database is
 */
public record StoreConfig(Type type, Path directory, int maxBatch, int highWaterMark, int lowWaterMark, PostgresConfig postgresql) {
    public static final StoreConfig DEFAULTS = new StoreConfig(Type.SQLITE, Path.of("data"), 1_000, 5_000, 1_000, PostgresConfig.DEFAULTS);

    /** Which {@code ReadStore} implementation; spelled in lower case in YAML. */
    public enum Type { SQLITE, POSTGRESQL }

    /**
     * @param url      JDBC URL (default {@code jdbc:postgresql://localhost:5432/anpr})
     * @param user     database role (default {@code anpr})
     * @param password its password (default empty: peer/trust authentication or {@code ~/.pgpass})
     */
    public record PostgresConfig(String url, String user, String password) {
        public static final PostgresConfig DEFAULTS = new PostgresConfig("jdbc:postgresql://localhost:5432/anpr", "anpr", "");

        @Override
        public String toString() { // never the password in logs
            return "PostgresConfig[url=" + url + ", user=" + user + "]";
        }
    }

    public StoreConfig withDirectory(Path dir) {
        return new StoreConfig(type, dir, maxBatch, highWaterMark, lowWaterMark, postgresql);
    }

    public StoreConfig withWaterMarks(int high, int low) {
        return new StoreConfig(type, directory, maxBatch, high, low, postgresql);
    }

    public StoreConfig withPostgresql(PostgresConfig pg) {
        return new StoreConfig(Type.POSTGRESQL, directory, maxBatch, highWaterMark, lowWaterMark, pg);
    }

    /** Where the data is, for people: the directory or the JDBC URL. */
    public String describe() {
        return type == Type.SQLITE ? directory.toAbsolutePath().toString() : postgresql.url();
    }
}
