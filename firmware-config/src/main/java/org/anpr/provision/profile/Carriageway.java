package org.anpr.provision.profile;

/**
 * Which carriageway a gantry watches, named by the road's kilometre points so that the two ends of
 * a section can be checked against each other: traffic towards higher (INCREASING) or lower
 * (DECREASING) kilometre points, or BOTH on a single-carriageway road (a city street).
 */
public enum Carriageway {
    INCREASING("increasing"), DECREASING("decreasing"), BOTH("both");

    private final String code;

    Carriageway(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static String[] codes() {
        return java.util.Arrays.stream(values()).map(Carriageway::code).toArray(String[]::new);
    }

    /** By its YAML code, or null. */
    public static Carriageway of(String code) {
        for (Carriageway c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
