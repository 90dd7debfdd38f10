package org.anpr.provision.schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.anpr.protocol.topic.GantryId;

/**
 * A single value: text, identifier, whole number, number, boolean or one of a few words, with its
 * range and, for texts, an optional check that explains what is wrong (a URL without a host).
 */
public final class ScalarSpec implements Spec {
    /** Same rule as {@link GantryId}, as a JSON Schema pattern. */
    public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    static final String ID_RULE = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    public enum Kind { TEXT, ID, INTEGER, NUMBER, BOOLEAN, ENUM }

    /** Outcome of a custom check: what is wrong and what would be right. */
    public record Verdict(String problem, String allowed) {
    }

    private final Kind kind;
    private final BigDecimal min;
    private final BigDecimal max;
    private final List<String> values;
    private String pattern;
    private Function<String, Verdict> check;
    private String unit;
    private String minReason;
    private String expected;

    private ScalarSpec(Kind kind, BigDecimal min, BigDecimal max, List<String> values) {
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.values = values;
    }

    public static ScalarSpec text() {
        return new ScalarSpec(Kind.TEXT, null, null, List.of());
    }

    /** A topic-safe identifier, checked with {@link GantryId#problemWith}. */
    public static ScalarSpec id() {
        ScalarSpec s = new ScalarSpec(Kind.ID, null, null, List.of());
        s.pattern = ID_PATTERN;
        return s;
    }

    public static ScalarSpec integer(long min, long max) {
        return new ScalarSpec(Kind.INTEGER, BigDecimal.valueOf(min), BigDecimal.valueOf(max), List.of());
    }

    public static ScalarSpec number(double min, double max) {
        return new ScalarSpec(Kind.NUMBER, BigDecimal.valueOf(min), BigDecimal.valueOf(max), List.of());
    }

    public static ScalarSpec bool() {
        return new ScalarSpec(Kind.BOOLEAN, null, null, List.of());
    }

    public static ScalarSpec oneOf(String... values) {
        return new ScalarSpec(Kind.ENUM, null, null, List.of(values));
    }

    /**
     * A text that must match {@code pattern} (for the JSON Schema and editors) and pass
     * {@code check} (for precise messages; null = OK).
     */
    public ScalarSpec checked(String pattern, String expected, Function<String, Verdict> check) {
        this.pattern = pattern;
        this.expected = expected;
        this.check = check;
        return this;
    }

    /** Unit shown after numbers in messages, e.g. {@code m}. */
    public ScalarSpec unit(String unit) {
        this.unit = unit;
        return this;
    }

    /** Why the minimum is what it is, e.g. {@code the legal minimum for section control}. */
    public ScalarSpec minReason(String reason) {
        this.minReason = reason;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public List<String> values() {
        return values;
    }

    public String pattern() {
        return pattern;
    }

    public Function<String, Verdict> check() {
        return check;
    }

    public String minReason() {
        return minReason;
    }

    /** {@code 500 m}: a bound or value with its unit. */
    public String withUnit(BigDecimal v) {
        String n = v.stripTrailingZeros().toPlainString();
        return unit == null ? n : unit.equals("°") || unit.equals("%") ? n + unit : n + " " + unit;
    }

    @Override
    public String expected() {
        if (expected != null) {
            return expected;
        }
        return switch (kind) {
            case TEXT -> "a non-empty text";
            case ID -> "an id of " + ID_RULE;
            case INTEGER -> "a whole number from " + withUnit(min) + " to " + withUnit(max);
            case NUMBER -> "a number from " + withUnit(min) + " to " + withUnit(max);
            case BOOLEAN -> "true or false";
            case ENUM -> "one of " + String.join(", ", values);
        };
    }
}
