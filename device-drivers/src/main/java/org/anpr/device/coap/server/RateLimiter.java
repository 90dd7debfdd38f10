package org.anpr.device.coap.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token bucket per peer key. Idle peers are forgotten once their bucket has refilled. */
public final class RateLimiter<K> {

    /** Buckets kept before a sweep of full (idle) ones; bounds memory against spoofed peers. */
    private static final int SWEEP_THRESHOLD = 4096;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanos;
    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    public RateLimiter(int burst, double perSecond, LongSupplier nanos) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanos = nanos;
    }

    /** Takes one token for {@code peer}; false when its bucket is empty. */
    public boolean tryAcquire(K peer) {
        long now = nanos.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(b -> refill(b, now) >= burst);
        }
        Bucket b = buckets.computeIfAbsent(peer, k -> new Bucket(burst, now));
        synchronized (b) {
            if (refill(b, now) < 1.0) {
                return false;
            }
            b.tokens -= 1.0;
            return true;
        }
    }

    /** Seconds until {@code peer} has a token again (0 if it has one). */
    public long secondsUntilToken(K peer) {
        Bucket b = buckets.get(peer);
        if (b == null) {
            return 0;
        }
        synchronized (b) {
            double missing = 1.0 - refill(b, nanos.getAsLong());
            return missing <= 0 ? 0 : (long) Math.ceil(missing / (perNano * 1e9));
        }
    }

    private double refill(Bucket b, long now) {
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) * perNano);
            b.lastNanos = now;
            return b.tokens;
        }
    }
}
