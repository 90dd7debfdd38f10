package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.anpr.protocol.ids.Uuid7;
import org.junit.jupiter.api.Test;

class Uuid7Test {
    /** A clock tests can move, including backwards. */
    static final class SettableClock extends Clock {
        final AtomicLong millis = new AtomicLong();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void idsAreVersion7AndCarryTheirTime() {
        SettableClock clock = new SettableClock();
        clock.millis.set(1_793_520_000_123L);
        UUID id = new Uuid7(clock).generate();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(1_793_520_000_123L, Uuid7.epochMillis(id));
        assertEquals(id, Uuid7.fromBytes(Uuid7.toBytes(id)));
        assertThrows(IllegalArgumentException.class, () -> Uuid7.fromBytes(new byte[15]));
    }

    @Test
    void strictlyIncreasingWithinAMillisecondAndWhenTheClockStepsBack() {
        SettableClock clock = new SettableClock();
        clock.millis.set(1_793_520_000_000L);
        Uuid7 gen = new Uuid7(clock);
        UUID previous = gen.generate();
        for (int i = 0; i < 20_000; i++) {
            if (i == 10_000) {
                clock.millis.addAndGet(-5_000); // NTP step backwards
            }
            UUID next = gen.generate();
            assertTrue(compareUnsigned(previous, next) < 0, "id " + i + " not after its predecessor");
            previous = next;
        }
    }

    @Test
    void uniqueAcrossThreads() {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> assertTrue(seen.add(Uuid7.next())));
        assertEquals(200_000, seen.size());
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
