package org.anpr.central.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.support.PostgresCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on PostgreSQL (a private cluster, a fresh database per test), plus what is
 * particular to it: day partitions made on demand.
 */
class PostgresReadStoreTest extends ReadStoreContract {
    @RegisterExtension
    static final PostgresCluster CLUSTER = new PostgresCluster();

    StoreConfig.PostgresConfig database;

    @BeforeEach
    void newDatabase() throws Exception {
        database = CLUSTER.newDatabase();
    }

    @Override
    ReadStore open() throws Exception {
        return new PostgresReadStore(database);
    }

    @Override
    JdbcHotlistStore openHotlist() throws Exception {
        return JdbcHotlistStore.postgresql(database);
    }

    @Test
    void aPartitionPerDayIsCreatedWhenTheFirstReadOfThatDayArrives() throws Exception {
        try (PostgresReadStore store = new PostgresReadStore(database)) {
            assertEquals(List.of(), store.partitionDays());
            store.commit(List.of(write(readAt(NOW)), write(readAt(NOW.plusSeconds(60)))));
            assertEquals(List.of(LocalDate.of(2026, 11, 20)), store.partitionDays());
            store.commit(List.of(write(readAt(NOW.minus(Duration.ofDays(2)))), write(readAt(NOW.plus(Duration.ofDays(1))))));
            assertEquals(List.of(LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 21)),
                    store.partitionDays());
            assertEquals(4, store.countReads());
        }
        try (PostgresReadStore reopened = new PostgresReadStore(database)) {
            reopened.commit(List.of(write(readAt(NOW.minus(Duration.ofDays(2))))));
            assertEquals(3, reopened.partitionDays().size(), "existing partitions are found again, not re-created");
        }
    }
}
