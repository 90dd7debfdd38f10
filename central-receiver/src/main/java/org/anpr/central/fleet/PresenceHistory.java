package org.anpr.central.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.StoreException;

/**
 * How many gantries were offline over time, replayed from the {@code gantry-online} and
 * {@code gantry-offline} events. A gantry's state at the window's start is its last event in the
 * {@link #LOOK_BACK_MICROS} before it; one with no event there counts from its first event on.
 */
public final class PresenceHistory {
    static final long LOOK_BACK_MICROS = 7L * 86_400_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** At the end of the bucket starting at {@code startMicros}: gantries offline, and the most offline at once within it. */
    public record Bucket(long startMicros, int offlineAtEnd, int maxOffline) {
    }

    private final CentralDatabase db;

    public PresenceHistory(CentralDatabase db) {
        this.db = db;
    }

    public List<Bucket> offline(long fromMicros, long toMicros, long bucketMicros) throws StoreException {
        record Change(long at, String gantry, boolean online) {
        }
        List<Change> changes = db.read(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at_micros, type, data FROM events "
                    + "WHERE type IN ('gantry-online', 'gantry-offline') AND at_micros >= ? AND at_micros < ? ORDER BY id")) {
                ps.setLong(1, fromMicros - LOOK_BACK_MICROS);
                ps.setLong(2, toMicros);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String gantry;
                        try {
                            gantry = JSON.readTree(rs.getString(3)).path("gantryId").asText();
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            continue; // not ours to judge here; the hub logs undecodable events
                        }
                        out.add(new Change(rs.getLong(1), gantry, rs.getString(2).equals("gantry-online")));
                    }
                }
            }
            return out;
        });
        Map<String, Boolean> online = new HashMap<>();
        List<Bucket> buckets = new ArrayList<>();
        int i = 0;
        for (long start = fromMicros; start < toMicros; start += bucketMicros) {
            long end = Math.min(toMicros, start + bucketMicros);
            int max = offline(online);
            while (i < changes.size() && changes.get(i).at() < end) {
                Change ch = changes.get(i++);
                online.put(ch.gantry(), ch.online());
                if (ch.at() >= start) {
                    max = Math.max(max, offline(online));
                }
            }
            buckets.add(new Bucket(start, offline(online), Math.max(max, offline(online))));
        }
        return buckets;
    }

    private static int offline(Map<String, Boolean> online) {
        int n = 0;
        for (boolean on : online.values()) {
            if (!on) {
                n++;
            }
        }
        return n;
    }
}
