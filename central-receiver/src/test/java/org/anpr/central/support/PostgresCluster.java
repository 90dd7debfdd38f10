package org.anpr.central.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.LocalPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private PostgreSQL cluster ({@link LocalPostgres}) for one test class, in a temporary
 * directory, stopped and deleted afterwards. Use with {@code @RegisterExtension static};
 * {@link #newDatabase()} gives each test a database of its own.
 */
public final class PostgresCluster implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Path dir;
    private LocalPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("anpr-pg");
        server = new LocalPostgres(dir, "");
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dir == null) {
            return;
        }
        try {
            server.stop(true);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A new, empty database; the superuser {@code postgres} without password (trust on loopback). */
    public StoreConfig.PostgresConfig newDatabase() throws SQLException {
        return server.database("anpr_test_" + DATABASES.incrementAndGet());
    }

    public int port() {
        return server.port();
    }
}
