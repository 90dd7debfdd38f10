package org.anpr.device.coap.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DTLS pre-shared key and the identity it is presented under. Each gantry has its own key, so
 * a key leaked from one cabinet opens no other.
 */
public final class PskCredential {

    /** 128 bits: the minimum for the AES-128 PSK cipher suites to be worth their name. */
    public static final int MIN_KEY_BYTES = 16;

    private final String identity;
    private final byte[] key;

    public PskCredential(String identity, byte[] key) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        if (identity.isBlank() || identity.length() > 128) {
            throw new IllegalArgumentException("identity must be 1..128 characters");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key must be at least " + MIN_KEY_BYTES + " bytes, was " + key.length);
        }
        this.identity = identity;
        this.key = key.clone();
    }

    public String identity() {
        return identity;
    }

    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "PskCredential[" + identity + "]"; // never the key
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PskCredential p && p.identity.equals(identity) && Arrays.equals(p.key, key);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }
}
