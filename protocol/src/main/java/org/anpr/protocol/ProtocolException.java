package org.anpr.protocol;

/**
 * A message that cannot be accepted, with what is wrong and where.
 *
 * <p>Decoding never throws anything else on bad bytes: receivers count and log these by
 * {@link #problem()} and go on with the next message.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of wrong. Stable names: they appear in logs and counters. */
    public enum Problem {
        EMPTY,
        OVERSIZE_MESSAGE,
        MALFORMED,
        UNSUPPORTED_SCHEMA_VERSION,
        UNKNOWN_PAYLOAD,
        WRONG_PAYLOAD_FOR_TOPIC,
        MISSING_FIELD,
        BAD_PLATE_TEXT,
        OVERSIZE_IMAGE,
        BAD_IMAGE,
        INVALID_VALUE,
        BAD_TOPIC,
        TOO_MANY_ITEMS
    }

    private final Problem problem;
    private final String field;

    public ProtocolException(Problem problem, String field, String message) {
        this(problem, field, message, null);
    }

    public ProtocolException(Problem problem, String field, String message, Throwable cause) {
        super(describe(problem, field, message), cause);
        this.problem = problem;
        this.field = field == null ? "" : field;
    }

    private static String describe(Problem problem, String field, String message) {
        String where = field == null || field.isEmpty() ? "" : " at " + field;
        return problem + where + ": " + message;
    }

    public Problem problem() {
        return problem;
    }

    /** Path of the offending field, e.g. {@code reads.reads[2].plate_text}; empty for the whole message. */
    public String field() {
        return field;
    }
}
