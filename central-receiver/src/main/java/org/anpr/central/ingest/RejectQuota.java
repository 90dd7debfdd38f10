package org.anpr.central.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many quarantined payloads of each gantry are kept per UTC day, in rows and bytes. Without it
 * a broken or hostile gantry could fill the centre's disk with 4 MiB payloads that are kept for
 * 30 days. Past the quota a payload is still acknowledged (its gantry's outbox must drain) and
 * counted, but neither stored nor logged again that day. Keyed by authenticated gantry id only,
 * so the map is bounded by the credentials file.
 */
final class RejectQuota {
    /** What to do with one more rejected payload. */
    enum Verdict { KEEP, DROP_FIRST_OF_DAY, DROP }

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private record Usage(long day, int count, long bytes, boolean dropped) {
    }

    private final int maxPerDay;
    private final long maxBytesPerDay;
    private final Map<String, Usage> byGantry = new ConcurrentHashMap<>();

    RejectQuota(int maxPerDay, long maxBytesPerDay) {
        this.maxPerDay = maxPerDay;
        this.maxBytesPerDay = maxBytesPerDay;
    }

    Verdict admit(String gantryId, int bytes, long nowMicros) {
        long day = Math.floorDiv(nowMicros, MICROS_PER_DAY);
        Verdict[] verdict = new Verdict[1];
        byGantry.compute(gantryId, (g, u) -> {
            Usage today = u == null || u.day() != day ? new Usage(day, 0, 0, false) : u;
            if (today.count() < maxPerDay && today.bytes() + bytes <= maxBytesPerDay) {
                verdict[0] = Verdict.KEEP;
                return new Usage(day, today.count() + 1, today.bytes() + bytes, today.dropped());
            }
            verdict[0] = today.dropped() ? Verdict.DROP : Verdict.DROP_FIRST_OF_DAY;
            return new Usage(day, today.count(), today.bytes(), true);
        });
        return verdict[0];
    }
}
