package org.anpr.central.search;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.anpr.central.store.ReadRows;
import org.anpr.central.store.StoreException;

/**
 * The search of the embedded store's day files ({@code reads-YYYY-MM-DD.db}, named by the UTC
 * day of their reads' ids): the same query runs on every file whose day can hold hits, newest
 * file first (oldest first for trajectories), each with the page's LIMIT, and the per-file pages
 * are merged. Files that cannot beat the page already found are not queried, so the first pages
 * of a search without a time window touch only the newest few files. Connections are read-only
 * and the search's own ({@link DayFileConnections}), never the writer's.
 */
public final class SqliteReadSearch implements ReadSearch {
    private static final String PREFIX = "reads-";
    private static final String SUFFIX = ".db";

    private final Path directory;
    private final DayFileConnections connections = new DayFileConnections();

    /** @param directory the store directory ({@code store.directory}) */
    public SqliteReadSearch(Path directory) {
        this.directory = directory;
    }

    @Override
    public List<ReadHit> search(ReadQuery q) throws StoreException {
        return collect(q, false);
    }

    @Override
    public List<ReadHit> trajectory(String plateText, long fromMicros, long toMicros, int limit) throws StoreException {
        return collect(SearchSql.trajectory(plateText, fromMicros, toMicros, limit), true);
    }

    @Override
    public Optional<StoredRead> find(byte[] readId) throws StoreException {
        Path file = file(ReadRows.dayOf(readId));
        try {
            Connection c = connections.get(file);
            return c == null ? Optional.empty() : SearchSql.find(readId, SearchSql.Dialect.SQLITE).stored(c);
        } catch (SQLException | InvalidProtocolBufferException e) {
            connections.discard(file);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new StoreException("cannot look up a read in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ReadStats.Bucket> stats(long fromMicros, long toMicros, String gantryId) throws StoreException {
        SearchSql.DayRange range = SearchSql.days(fromMicros, toMicros);
        List<ReadStats.Bucket> parts = new ArrayList<>();
        for (Map.Entry<LocalDate, Path> day : dayFiles().entrySet()) {
            if (!range.contains(day.getKey())) {
                continue;
            }
            try {
                Connection c = connections.get(day.getValue());
                if (c != null) {
                    parts.addAll(ReadStats.query(c, fromMicros, toMicros, gantryId));
                }
            } catch (SQLException e) {
                connections.discard(day.getValue());
                if (Files.exists(day.getValue())) {
                    throw new StoreException("cannot count reads in " + day.getValue().getFileName() + ": " + e.getMessage(), e);
                }
            }
        }
        return ReadStats.merge(parts);
    }

    private List<ReadHit> collect(ReadQuery q, boolean ascending) throws StoreException {
        SearchSql.Statement statement = SearchSql.hits(q, ascending, SearchSql.Dialect.SQLITE);
        SearchSql.DayRange range = SearchSql.days(q, ascending);
        Comparator<ReadHit> order = SearchSql.order(ascending);
        TreeMap<LocalDate, Path> files = dayFiles();
        connections.retain(files.values());
        Map<LocalDate, Path> inOrder = ascending ? files : files.descendingMap();
        List<ReadHit> hits = new ArrayList<>();
        for (Map.Entry<LocalDate, Path> day : inOrder.entrySet()) {
            if (!range.contains(day.getKey())) {
                continue;
            }
            if (hits.size() >= q.limit() && cannotImprove(day.getKey(), hits.get(q.limit() - 1), ascending)) {
                break; // every later file in this order can only hold hits past the page's last one
            }
            hits.addAll(query(day.getValue(), statement));
            hits.sort(order);
            if (hits.size() > q.limit()) {
                hits.subList(q.limit(), hits.size()).clear();
            }
        }
        return hits;
    }

    /** Whether a file of {@code day} holds only reads that come after {@code last} in the order. */
    private static boolean cannotImprove(LocalDate day, ReadHit last, boolean ascending) {
        return ascending ? SearchSql.earliestCapture(day) > last.captureMicros()
                : SearchSql.capturesBefore(day) <= last.captureMicros();
    }

    private List<ReadHit> query(Path file, SearchSql.Statement statement) throws StoreException {
        try {
            Connection c = connections.get(file);
            return c == null ? List.of() : statement.hits(c);
        } catch (SQLException e) {
            connections.discard(file);
            if (!Files.exists(file)) {
                return List.of(); // dropped by retention while we searched
            }
            throw new StoreException("search of " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** The day files present now, by day. */
    private TreeMap<LocalDate, Path> dayFiles() throws StoreException {
        TreeMap<LocalDate, Path> out = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.forEach(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith(PREFIX) && n.endsWith(SUFFIX) && n.length() == PREFIX.length() + 10 + SUFFIX.length()) {
                    try {
                        out.put(LocalDate.parse(n.substring(PREFIX.length(), PREFIX.length() + 10)), p);
                    } catch (DateTimeParseException notADayFile) {
                        // some other file
                    }
                }
            });
        } catch (NoSuchFileException e) {
            return out; // no store yet: nothing stored
        } catch (IOException e) {
            throw new StoreException("cannot list the day files in " + directory.toAbsolutePath(), e);
        }
        return out;
    }

    private Path file(LocalDate day) {
        return directory.resolve(PREFIX + day + SUFFIX);
    }

    @Override
    public void close() {
        connections.close();
    }

    @Override
    public String toString() {
        return "SqliteReadSearch[" + directory.toAbsolutePath() + "]";
    }
}
