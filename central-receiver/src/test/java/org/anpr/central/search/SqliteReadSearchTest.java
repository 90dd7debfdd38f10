package org.anpr.central.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.SqliteReadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on the SQLite day files, plus what is particular to them: files come and go. */
class SqliteReadSearchTest extends ReadSearchContract {
    @TempDir
    Path dir;

    @Override
    void newLocation() {
        // @TempDir is new for every test
    }

    @Override
    ReadStore openStore() throws Exception {
        return new SqliteReadStore(dir);
    }

    @Override
    ReadSearch openSearch() throws Exception {
        return ReadSearch.open(StoreConfig.DEFAULTS.withDirectory(dir));
    }

    @Test
    void aDayFileDroppedByRetentionIsSkipped() throws Exception {
        assertEquals(25, search.search(ReadQuery.ofGantry("G-PAGE", 100)).size()); // this thread now has all three files open
        ReadStore.PurgeResult purged = store.purge(new ReadStore.Cutoffs(DAY3, DAY2, DAY1, DAY1, DAY1));
        assertEquals(1, purged.readFilesDropped());
        assertTrue(Files.notExists(dir.resolve("reads-2026-11-18.db")));
        List<ReadHit> hits = search.search(ReadQuery.ofGantry("G-PAGE", 100));
        assertEquals(paged.stream().filter(r -> r.getCaptureTime().getEpochMicros() >= micros(DAY2)).map(ReadSearchContract::hit).toList(),
                hits);
        assertTrue(search.find(trajectoryStart.getReadId().toByteArray()).isEmpty());
        assertEquals(3, search.trajectory("TRJ42", micros(DAY1), micros(DAY3.plus(Duration.ofDays(1))), 10).size());
    }

    @Test
    void otherFilesInTheDirectoryAreIgnoredAndAMissingDirectoryIsEmpty() throws Exception {
        Files.writeString(dir.resolve("reads-notaday.db"), "x");
        Files.writeString(dir.resolve("reads-2026-13-45.db"), "x");
        assertEquals(25, search.search(ReadQuery.ofGantry("G-PAGE", 100)).size());
        try (ReadSearch none = new SqliteReadSearch(dir.resolve("absent"))) {
            assertEquals(List.of(), none.search(ReadQuery.ofGantry("G-PAGE", 100)));
            assertTrue(none.find(paged.get(0).getReadId().toByteArray()).isEmpty());
        }
        assertTrue(Files.notExists(dir.resolve("absent")), "a search creates nothing");
    }
}
