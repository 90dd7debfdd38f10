package org.anpr.central.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.store.ReadRows;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Read-only connections to SQLite day files, the few most recently used per thread: a SQLite
 * connection is not for concurrent use, and opening one per search would cost more than the
 * search. A connection is reopened when its file was replaced (another inode) and dropped when
 * its file is gone (retention), so it never keeps a deleted file's space or shows stale rows.
 * A file that lacks {@code plate_key} (not opened by the writer since the upgrade) is upgraded
 * first with a short-lived writable connection ({@link ReadRows#upgradeSqlite}).
 */
final class DayFileConnections implements AutoCloseable {
    static final int PER_THREAD = 6;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private record Open(Connection connection, Object fileKey) {
    }

    private final Set<Map<Path, Open>> all = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Map<Path, Open>> mine = ThreadLocal.withInitial(this::newCache);
    private volatile boolean closed;

    /** This thread's connection to {@code file}, or null when the file does not exist. */
    Connection get(Path file) throws SQLException {
        if (closed) {
            throw new SQLException("the search is closed");
        }
        Object key = fileKey(file);
        Map<Path, Open> cache = mine.get();
        synchronized (cache) {
            Open o = cache.get(file);
            if (o != null && Objects.equals(o.fileKey(), key)) {
                return o.connection();
            }
            if (o != null) {
                cache.remove(file);
                close(o.connection());
            }
            if (key == null) {
                return null;
            }
            Connection c = openReadOnly(file);
            cache.put(file, new Open(c, key));
            return c;
        }
    }

    /** Closes this thread's connection to {@code file}, after it failed. */
    void discard(Path file) {
        Map<Path, Open> cache = mine.get();
        synchronized (cache) {
            Open o = cache.remove(file);
            if (o != null) {
                close(o.connection());
            }
        }
    }

    /** Closes this thread's connections to files not in {@code existing} (dropped by retention). */
    void retain(Collection<Path> existing) {
        Map<Path, Open> cache = mine.get();
        synchronized (cache) {
            for (Iterator<Map.Entry<Path, Open>> it = cache.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Path, Open> e = it.next();
                if (!existing.contains(e.getKey())) {
                    close(e.getValue().connection());
                    it.remove();
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Map<Path, Open> cache : all) {
            synchronized (cache) {
                cache.values().forEach(o -> close(o.connection()));
                cache.clear();
            }
        }
        all.clear();
    }

    private Map<Path, Open> newCache() {
        Map<Path, Open> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Open> eldest) {
                if (size() > PER_THREAD) {
                    DayFileConnections.close(eldest.getValue().connection());
                    return true;
                }
                return false;
            }
        });
        all.add(cache);
        return cache;
    }

    private static Connection openReadOnly(Path file) throws SQLException {
        Connection c = open(file, true);
        try {
            if (ReadRows.hasPlateKey(c)) {
                return c;
            }
        } catch (SQLException e) {
            close(c);
            throw e;
        }
        close(c);
        Connection writable = open(file, false);
        try {
            ReadRows.upgradeSqlite(writable);
        } finally {
            close(writable);
        }
        return open(file, true);
    }

    /** Never creates the file: one deleted meanwhile fails to open instead of coming back empty. */
    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** The file's identity (inode), or null when it does not exist. */
    private static Object fileKey(Path file) throws SQLException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new SQLException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }
}
