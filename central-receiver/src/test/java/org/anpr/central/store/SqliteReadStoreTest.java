package org.anpr.central.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite store (daily read files + {@code central.db}). */
class SqliteReadStoreTest extends ReadStoreContract {
    @TempDir
    Path dir;

    @Override
    ReadStore open() throws Exception {
        return new SqliteReadStore(dir);
    }

    @Override
    JdbcHotlistStore openHotlist() throws Exception {
        return JdbcHotlistStore.sqlite(dir.resolve("central.db"));
    }
}
