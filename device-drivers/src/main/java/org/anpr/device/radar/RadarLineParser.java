package org.anpr.device.radar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses one OPS24x output line. Accepted forms:
 * <pre>
 * -12.3                                 bare speed in the current unit; sign = direction
 * "mph",23.4                            unit label, then the speed (OU: units output on)
 * 137.429,3.6   /   "mps",137.429,812,3.6  with time (OT) and magnitude (OM): speed is the last field
 * {"speed":"12.3","unit":"kmh"}         JSON mode (OJ); speed as number or string;
 * {"speed":0.58,"direction":"inbound"}    optional unit and explicit direction
 * {"Units":"mph"}                       the module's answer to a unit command: changes the current unit
 * {"Product":"OPS241"}                  other module answers: informational, ignored
 * </pre>
 * Numbers are matched strictly ({@link Double#parseDouble} would also take "NaN", "1e9", "0x1p3", "4d").
 */
final class RadarLineParser {

    sealed interface Parsed permits Speed, UnitChange, Info, Bad {
    }

    /** @param explicit the direction the line states, or null to derive it from the sign */
    record Speed(double value, SpeedUnit unit, Direction explicit) implements Parsed {
    }

    record UnitChange(SpeedUnit unit) implements Parsed {
    }

    record Info() implements Parsed {
    }

    record Bad(BadLine reason, String detail) implements Parsed {
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,6}(\\.\\d{0,6})?|\\.\\d{1,6})");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Strict: trailing garbage after the object and duplicate keys make the line malformed. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RadarLineParser() {
    }

    static Parsed parse(String line, SpeedUnit current) {
        if (line.startsWith("{")) {
            return parseJson(line, current);
        }
        String[] fields = line.split(",", -1);
        SpeedUnit unit = current;
        int first = 0;
        if (fields[0].trim().startsWith("\"")) {
            String label = unquote(fields[0].trim());
            if (label == null) {
                return new Bad(BadLine.MALFORMED, "bad unit label");
            }
            Optional<SpeedUnit> u = SpeedUnit.parse(label);
            if (u.isEmpty()) {
                return new Bad(BadLine.MALFORMED, "unknown unit " + label);
            }
            unit = u.get();
            first = 1;
        }
        if (first >= fields.length) {
            return new Bad(BadLine.MALFORMED, "no speed");
        }
        double value = Double.NaN;
        for (int i = first; i < fields.length; i++) {
            Parsed check = number(fields[i].trim());
            if (check instanceof Bad bad) {
                return bad;
            }
            value = ((Speed) check).value();
        }
        return new Speed(value, unit, null);
    }

    private static Parsed parseJson(String line, SpeedUnit current) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Bad(BadLine.MALFORMED, "invalid JSON");
        }
        if (node == null || !node.isObject()) {
            return new Bad(BadLine.MALFORMED, "JSON is not an object");
        }
        JsonNode speed = node.get("speed");
        if (speed == null) {
            JsonNode units = node.has("Units") ? node.get("Units") : node.get("units");
            if (units != null && units.isTextual()) {
                return SpeedUnit.parse(units.asText()).<Parsed>map(UnitChange::new)
                        .orElse(new Bad(BadLine.MALFORMED, "unknown unit " + units.asText()));
            }
            return new Info();
        }
        SpeedUnit unit = current;
        JsonNode u = node.has("unit") ? node.get("unit") : node.get("units");
        if (u != null) {
            Optional<SpeedUnit> parsed = SpeedUnit.parse(u.asText());
            if (parsed.isEmpty()) {
                return new Bad(BadLine.MALFORMED, "unknown unit " + u.asText());
            }
            unit = parsed.get();
        }
        Parsed value;
        if (speed.isNumber()) {
            value = Double.isFinite(speed.asDouble()) ? new Speed(speed.asDouble(), unit, null)
                    : new Bad(BadLine.NOT_A_NUMBER, speed.asText());
        } else if (speed.isTextual()) {
            value = number(speed.asText().trim());
        } else {
            value = new Bad(BadLine.MALFORMED, "speed is neither number nor string");
        }
        if (value instanceof Bad) {
            return value;
        }
        Direction explicit = null;
        JsonNode dir = node.get("direction");
        if (dir != null) {
            explicit = switch (dir.asText().toLowerCase(Locale.ROOT)) {
                case "inbound" -> Direction.INBOUND;
                case "outbound" -> Direction.OUTBOUND;
                default -> null;
            };
            if (explicit == null) {
                return new Bad(BadLine.MALFORMED, "unknown direction " + dir.asText());
            }
        }
        return new Speed(((Speed) value).value(), unit, explicit);
    }

    private static Parsed number(String s) {
        if (NUMBER.matcher(s).matches()) {
            return new Speed(Double.parseDouble(s), null, null);
        }
        if (NON_FINITE.matcher(s).matches()) {
            return new Bad(BadLine.NOT_A_NUMBER, s);
        }
        return new Bad(BadLine.MALFORMED, "not a number: " + (s.length() > 20 ? s.substring(0, 20) + "..." : s));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.endsWith("\"") ? s.substring(1, s.length() - 1) : null;
    }
}
