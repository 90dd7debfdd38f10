package org.anpr.central.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request that cannot be served, answered as {@code application/problem+json} (RFC 9457):
 * the status, a short title, a detail saying what is wrong and what is allowed, and the
 * parameter or field at fault when there is one.
 */
public final class ApiException extends Exception {
    private final HttpResponseStatus status;
    private final String field;
    private final long retryAfterSeconds;
    private com.fasterxml.jackson.databind.JsonNode extra;
    private String extraName;
    private String headerName;
    private String headerValue;

    public ApiException(HttpResponseStatus status, String detail, String field) {
        this(status, detail, field, 0);
    }

    private ApiException(HttpResponseStatus status, String detail, String field, long retryAfterSeconds) {
        super(detail, null, false, false); // an expected answer, not a fault: no stack trace
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String field, String detail) {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, detail, field);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpResponseStatus.UNAUTHORIZED, detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpResponseStatus.FORBIDDEN, detail, null);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpResponseStatus.NOT_FOUND, detail, null);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(HttpResponseStatus.CONFLICT, detail, field);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(HttpResponseStatus.TOO_MANY_REQUESTS, detail, null, Math.max(1, retryAfterSeconds));
    }

    /** Adds an extension member to the problem document (RFC 9457 section 3.2), e.g. the list of bad CSV lines. */
    public ApiException with(String name, com.fasterxml.jackson.databind.JsonNode value) {
        this.extraName = name;
        this.extra = value;
        return this;
    }

    /** A header the problem answer must carry (e.g. {@code Allow} on 405). */
    public ApiException header(String name, String value) {
        this.headerName = name;
        this.headerValue = value;
        return this;
    }

    String headerName() {
        return headerName;
    }

    String headerValue() {
        return headerValue;
    }

    String extraName() {
        return extraName;
    }

    com.fasterxml.jackson.databind.JsonNode extra() {
        return extra;
    }

    public HttpResponseStatus status() {
        return status;
    }

    /** The query parameter or body field at fault, or null. */
    public String field() {
        return field;
    }

    /** For 429: seconds until the client may try again; 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
