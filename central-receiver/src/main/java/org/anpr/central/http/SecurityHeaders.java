package org.anpr.central.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/** Headers on every answer: nothing cached (sightings are personal data), no sniffing, no framing. */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(HttpHeaders h) {
        h.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    }
}
