package org.anpr.central.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** RFC 9457 problem documents. */
final class Problems {
    private Problems() {
    }

    static ObjectNode body(HttpResponseStatus status, String detail, String field, String instance) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "about:blank");
        p.put("title", status.reasonPhrase());
        p.put("status", status.code());
        p.put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        if (instance != null) {
            p.put("instance", instance);
        }
        return p;
    }

    static FullHttpResponse response(ApiException e, String instance) {
        ObjectNode body = body(e.status(), e.getMessage(), e.field(), instance);
        if (e.extraName() != null) {
            body.set(e.extraName(), e.extra());
        }
        FullHttpResponse r = response(e.status(), body, e.retryAfterSeconds());
        if (e.headerName() != null) {
            r.headers().set(e.headerName(), e.headerValue());
        }
        return r;
    }

    static FullHttpResponse response(HttpResponseStatus status, String detail, String field, String instance, long retryAfter) {
        return response(status, body(status, detail, field, instance), retryAfter);
    }

    private static FullHttpResponse response(HttpResponseStatus status, ObjectNode problem, long retryAfter) {
        byte[] bytes;
        try {
            bytes = ApiResponse.JSON.writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (retryAfter > 0) {
            r.headers().set(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfter));
        }
        if (status.equals(HttpResponseStatus.UNAUTHORIZED)) {
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"anpr\"");
        }
        SecurityHeaders.apply(r.headers());
        return r;
    }
}
