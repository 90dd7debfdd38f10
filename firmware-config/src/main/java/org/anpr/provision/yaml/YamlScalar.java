package org.anpr.provision.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.anpr.provision.diagnostics.Source;

/**
 * A YAML scalar with the type YAML gave it: {@code "2"} is a text, {@code 2} a whole number,
 * {@code 2.5} a number, {@code true} a boolean, {@code ~} or nothing at all null.
 *
 * @param value String, BigInteger, BigDecimal, Boolean, or null
 */
public record YamlScalar(Source source, Type type, Object value) implements YamlNode {
    public enum Type { TEXT, INTEGER, DECIMAL, BOOLEAN, NULL }

    public boolean isNull() {
        return type == Type.NULL;
    }

    public boolean isNumber() {
        return type == Type.INTEGER || type == Type.DECIMAL;
    }

    public String text() {
        return value == null ? "null" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    public BigDecimal decimal() {
        return value instanceof BigInteger i ? new BigDecimal(i) : (BigDecimal) value;
    }

    @Override
    public String describe() {
        return switch (type) {
            case TEXT -> "the text '" + text() + "'";
            case INTEGER -> "the whole number " + text();
            case DECIMAL -> "the number " + text();
            case BOOLEAN -> "the boolean " + text();
            case NULL -> "an empty value";
        };
    }
}
