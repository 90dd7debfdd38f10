package org.anpr.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.anpr.central.search.PlatePattern;
import org.anpr.central.search.ReadQuery;
import org.anpr.central.search.ReadSearch;
import org.anpr.protocol.PlateText;

/**
 * The searches an investigator makes, on plates known to be in the store: exact, tolerant (one
 * character swapped for an OCR look-alike), wildcard (the first 3 characters and {@code *}) over
 * the generated days, and a trajectory over the same days (at most 31, the API's limit). Run
 * directly on {@link ReadSearch} or through the HTTP API, with the API's default page sizes
 * (100 hits; trajectories up to 1,000 sightings).
 */
final class Queries {
    static final int PAGE = 100;
    static final int TRAJECTORY_LIMIT = 1000;
    private static final long MAX_TRAJECTORY_MICROS = 31L * 86_400_000_000L;
    private static final String PURPOSE = "&reason=" + enc("benchmark of the search under load") + "&case=" + enc("BENCH-2026-12");

    enum Kind {
        EXACT("exact"), TOLERANT("tolerant"), WILDCARD("wildcard (3 leading + *)"), TRAJECTORY("trajectory");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One search: its kind and the plate or pattern typed. */
    record Query(Kind kind, String text) {
    }

    private final List<ReadGenerator.Probe> probes;
    private final long fromMicros;
    private final long toMicros;

    Queries(ReadGenerator.Dataset d) {
        this.probes = d.probes();
        this.fromMicros = d.fromMicros();
        this.toMicros = d.toMicros() + 1_000_000; // exclusive end: every generated read
    }

    /** A query of {@code kind} on a random known plate. */
    Query next(Kind kind, SplittableRandom r) {
        while (true) {
            String plate = probes.get(r.nextInt(probes.size())).plate();
            switch (kind) {
                case EXACT, TRAJECTORY -> {
                    return new Query(kind, plate);
                }
                case WILDCARD -> {
                    return new Query(kind, plate.substring(0, Math.min(3, plate.length())) + "*");
                }
                case TOLERANT -> {
                    String swapped = lookAlike(plate, r);
                    if (swapped != null) {
                        return new Query(kind, swapped);
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }

    /** {@code plate} with one character replaced by another of its confusion class, or null when none has one. */
    static String lookAlike(String plate, SplittableRandom r) {
        int[] positions = new int[plate.length()];
        int n = 0;
        for (int i = 0; i < plate.length(); i++) {
            if (classOf(plate.charAt(i)) != null) {
                positions[n++] = i;
            }
        }
        if (n == 0) {
            return null;
        }
        int at = positions[r.nextInt(n)];
        String group = classOf(plate.charAt(at));
        char c;
        do {
            c = group.charAt(r.nextInt(group.length()));
        } while (c == plate.charAt(at));
        return plate.substring(0, at) + c + plate.substring(at + 1);
    }

    private static String classOf(char c) {
        for (String g : PlateText.CONFUSION_CLASSES) {
            if (g.indexOf(c) >= 0) {
                return g;
            }
        }
        return null;
    }

    /** Runs {@code q} on the search directly; returns the number of hits. */
    int direct(ReadSearch search, Query q) throws Exception {
        return switch (q.kind()) {
            case TRAJECTORY -> search.trajectory(q.text(), trajectoryFrom(), toMicros, TRAJECTORY_LIMIT).size();
            default -> search.search(ReadQuery.ofPlate(PlatePattern.parse(q.text(), mode(q.kind())), PAGE)
                    .withWindow(fromMicros, toMicros)).size();
        };
    }

    /** The API request of {@code q} (path and query string). */
    String path(Query q) {
        if (q.kind() == Kind.TRAJECTORY) {
            return "/api/v1/trajectory?plate=" + enc(q.text()) + "&from=" + time(trajectoryFrom()) + "&to=" + time(toMicros) + PURPOSE;
        }
        return "/api/v1/reads?plate=" + enc(q.text()) + "&mode=" + mode(q.kind()) + "&from=" + time(fromMicros) + "&to="
                + time(toMicros) + PURPOSE;
    }

    /** The number of results in an API answer to {@code q}. */
    static int results(Query q, JsonNode answer) {
        JsonNode list = answer.get(q.kind() == Kind.TRAJECTORY ? "sightings" : "items");
        return list == null ? 0 : list.size();
    }

    private long trajectoryFrom() {
        return Math.max(fromMicros, toMicros - MAX_TRAJECTORY_MICROS);
    }

    private static String mode(Kind k) {
        return switch (k) {
            case EXACT -> "exact";
            case TOLERANT -> "tolerant";
            case WILDCARD -> "wildcard";
            default -> throw new IllegalArgumentException(k.name());
        };
    }

    private static String time(long micros) {
        return enc(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L).toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
