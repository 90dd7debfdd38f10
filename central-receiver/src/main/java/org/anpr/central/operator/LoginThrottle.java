package org.anpr.central.operator;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per account and per client address, with a growing back-off: after
 * {@code free} failures each further one doubles the wait (1 s, 2 s, 4 s ... at most 15 min).
 * Guessing passwords for one account, or many accounts from one address, slows to a crawl,
 * while a typo costs nothing. Bounded: the least recently failed keys are forgotten first.
 */
public final class LoginThrottle {
    static final long MAX_WAIT_MILLIS = 15 * 60_000L;
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, long lockedUntilMillis) {
    }

    private final Clock clock;
    private final int freePerAccount;
    private final int freePerAddress;
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true);

    public LoginThrottle(Clock clock, int freePerAccount, int freePerAddress) {
        this.clock = clock;
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
    }

    /** @return milliseconds the caller must still wait, 0 when a try is allowed now */
    public synchronized long waitMillis(String account, String address) {
        long now = clock.millis();
        return Math.max(remaining(key("a", account), now), remaining(key("n", address), now));
    }

    public synchronized void failed(String account, String address) {
        long now = clock.millis();
        bump(key("a", account), freePerAccount, now);
        bump(key("n", address), freePerAddress, now);
        while (failures.size() > MAX_KEYS) {
            Iterator<Map.Entry<String, Failures>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A successful sign-in clears the account's count (not the address's: one good password must not unlock guessing others). */
    public synchronized void succeeded(String account) {
        failures.remove(key("a", account));
    }

    private long remaining(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.lockedUntilMillis() - now);
    }

    private void bump(String key, int free, long now) {
        Failures f = failures.get(key);
        int count = f == null ? 1 : f.count() + 1;
        long wait = count <= free ? 0 : Math.min(MAX_WAIT_MILLIS, 1000L << Math.min(20, count - free - 1));
        failures.put(key, new Failures(count, now + wait));
    }

    private static String key(String kind, String value) {
        return kind + ":" + value;
    }
}
