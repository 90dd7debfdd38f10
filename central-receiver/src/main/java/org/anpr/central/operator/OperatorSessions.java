package org.anpr.central.operator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed-in operators' sessions, in memory: a restart signs everyone out, which is the safe
 * side. A session ends after {@code idle} without a request and at the latest {@code maxAge}
 * after sign-in; at most {@code max} live at once (the least recently used is ended beyond it),
 * so a flood of sign-ins cannot grow the map without bound.
 */
public final class OperatorSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as the gate sees it; {@code cookie} is the secret the browser holds. */
    public record Session(String cookie, String id, long operatorId, String name, Role role, String csrfToken,
                          long createdMillis, long lastUsedMillis) {
        Session touched(long now) {
            return new Session(cookie, id, operatorId, name, role, csrfToken, createdMillis, now);
        }

        public Principal principal() {
            return new Principal(operatorId, name, role, id, null);
        }

        @Override
        public String toString() {
            return "Session[" + id + ", " + name + "]";
        }
    }

    private final Clock clock;
    private final long idleMillis;
    private final long maxAgeMillis;
    private final int max;
    /** Access order: the eldest is the least recently used. */
    private final LinkedHashMap<String, Session> byCookie = new LinkedHashMap<>(64, 0.75f, true);

    public OperatorSessions(Clock clock, Duration idle, Duration maxAge, int max) {
        this.clock = clock;
        this.idleMillis = idle.toMillis();
        this.maxAgeMillis = maxAge.toMillis();
        this.max = max;
    }

    public synchronized Session open(Operator operator) {
        long now = clock.millis();
        sweep(now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String cookie = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] csrf = new byte[24];
        RANDOM.nextBytes(csrf);
        Session s = new Session(cookie, shortId(cookie), operator.id(), operator.name(), operator.role(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(csrf), now, now);
        byCookie.put(cookie, s);
        while (byCookie.size() > max) {
            Iterator<Map.Entry<String, Session>> eldest = byCookie.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return s;
    }

    /** The live session of a cookie, its idle clock restarted; empty when unknown or expired. */
    public synchronized Optional<Session> use(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        Session s = byCookie.get(cookie);
        long now = clock.millis();
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            byCookie.remove(cookie);
            return Optional.empty();
        }
        Session touched = s.touched(now);
        byCookie.put(cookie, touched);
        return Optional.of(touched);
    }

    public synchronized void close(String cookie) {
        byCookie.remove(cookie);
    }

    /** Ends every session of an operator (disabled, role or password changed). */
    public synchronized int closeAll(long operatorId) {
        int n = 0;
        for (Iterator<Session> it = byCookie.values().iterator(); it.hasNext(); ) {
            if (it.next().operatorId() == operatorId) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    public synchronized int size() {
        return byCookie.size();
    }

    /** When {@code s} ends at the latest if used now (for the client's information). */
    public long expiresMillis(Session s) {
        return Math.min(s.lastUsedMillis() + idleMillis, s.createdMillis() + maxAgeMillis);
    }

    private boolean expired(Session s, long now) {
        return now - s.lastUsedMillis() >= idleMillis || now - s.createdMillis() >= maxAgeMillis;
    }

    private void sweep(long now) {
        byCookie.values().removeIf(s -> expired(s, now));
    }

    /** A session id for the audit that does not reveal the cookie. */
    private static String shortId(String cookie) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
