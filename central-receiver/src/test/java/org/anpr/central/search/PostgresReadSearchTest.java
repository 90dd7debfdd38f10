package org.anpr.central.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.PostgresReadStore;
import org.anpr.central.store.ReadStore;
import org.anpr.central.support.PostgresCluster;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search contract on PostgreSQL (a private cluster, a fresh database per test), plus the
 * upgrade of a {@code reads} table made before {@code plate_key}.
 */
class PostgresReadSearchTest extends ReadSearchContract {
    @RegisterExtension
    static final PostgresCluster CLUSTER = new PostgresCluster();

    StoreConfig.PostgresConfig database;

    @Override
    void newLocation() throws Exception {
        database = CLUSTER.newDatabase();
    }

    @Override
    ReadStore openStore() throws Exception {
        return new PostgresReadStore(database);
    }

    @Override
    ReadSearch openSearch() throws Exception {
        return ReadSearch.open(StoreConfig.DEFAULTS.withPostgresql(database));
    }

    @Test
    void anOldReadsTableGetsPlateKeysWhenTheStoreOpens() throws Exception {
        closeAll();
        StoreConfig.PostgresConfig old = CLUSTER.newDatabase();
        PlateRead abo = read("ABO123", "G1", at(DAY2, 9, 0));
        PlateRead xyz = read("XYZ789", "G1", at(DAY2, 9, 5));
        try (Connection c = DriverManager.getConnection(old.url(), old.user(), old.password()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE reads(" + LegacyReads.columnDdl("BYTEA", "BIGINT")
                    + ", id_day DATE NOT NULL, PRIMARY KEY(read_id, id_day)) PARTITION BY RANGE (id_day)");
            s.execute("CREATE TABLE reads_20261119 PARTITION OF reads FOR VALUES FROM ('2026-11-19') TO ('2026-11-20')");
            LegacyReads.insert(c, List.of(abo, xyz), "id_day", java.time.LocalDate.of(2026, 11, 19));
        }
        try (ReadStore opened = new PostgresReadStore(old);
             ReadSearch s = new PostgresReadSearch(old)) {
            assertEquals(Set.of("ABO123"), Set.copyOf(s.search(ReadQuery.ofPlate(PlatePattern.parse("AB0123", "tolerant"), 10))
                    .stream().map(ReadHit::plateText).toList()));
            opened.commit(List.of(write(read("A8D123", "G2", at(DAY2, 10, 0)))));
            assertEquals(List.of("A8D123", "ABO123"), s.search(ReadQuery.ofPlate(PlatePattern.parse("AB0123", "tolerant"), 10))
                    .stream().map(ReadHit::plateText).toList());
            assertEquals(abo, s.find(abo.getReadId().toByteArray()).orElseThrow().read());
        }
        try (Connection c = DriverManager.getConnection(old.url(), old.user(), old.password());
             PreparedStatement ps = c.prepareStatement("SELECT plate_text, plate_key FROM reads");
             ResultSet rs = ps.executeQuery()) {
            int n = 0;
            for (; rs.next(); n++) {
                assertEquals(PlateText.confusionKey(rs.getString(1)), rs.getString(2));
            }
            assertEquals(3, n);
        }
        try (ReadStore again = new PostgresReadStore(old)) {
            assertEquals(3, again.countReads(), "opening an upgraded table again changes nothing");
        }
    }
}
