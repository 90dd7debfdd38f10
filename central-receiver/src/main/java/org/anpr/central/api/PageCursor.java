package org.anpr.central.api;

import java.util.HexFormat;
import org.anpr.central.http.ApiException;
import org.anpr.central.http.ApiRequest;

/**
 * The keyset cursor of lists ordered by (time, id) newest first — alerts, violations: the last
 * row's time and id, as {@code micros.hexid}; the next page asks for rows strictly before it.
 */
record PageCursor(long micros, byte[] id) {
    /** The request's {@code cursor} parameter, or null on the first page. */
    static PageCursor of(ApiRequest r) throws ApiException {
        String text = r.param("cursor");
        if (text == null) {
            return null;
        }
        try {
            int dot = text.indexOf('.');
            return new PageCursor(Long.parseLong(text.substring(0, dot)), HexFormat.of().parseHex(text.substring(dot + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor", "not a cursor this API gave out");
        }
    }

    static String encode(long micros, byte[] id) {
        return micros + "." + HexFormat.of().formatHex(id);
    }

    static Long micros(PageCursor c) {
        return c == null ? null : c.micros();
    }

    static byte[] id(PageCursor c) {
        return c == null ? null : c.id();
    }
}
