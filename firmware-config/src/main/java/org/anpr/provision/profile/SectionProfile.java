package org.anpr.provision.profile;

/**
 * A speed section this gantry is one end of ({@code sections[i]}). Both ends declare the section
 * with the same id and the same numbers; the network check compares them.
 *
 * @param id                   section id, the same in both profiles
 * @param role                 whether this gantry is the section's entry or its exit
 * @param otherEnd             gantry id at the other end
 * @param camera               this gantry's camera for the section, or null for any of them
 * @param distanceM            calibrated distance along the road, at least {@link #MIN_DISTANCE_M} m
 * @param distanceUncertaintyM uncertainty of that calibration, 0 or more and below the distance; default 0
 * @param speedLimitKmh        the limit enforced over the section
 * @param margin               the enforcement margin deducted before comparing with the limit
 */
public record SectionProfile(String id, Role role, String otherEnd, String camera, double distanceM,
                             double distanceUncertaintyM, double speedLimitKmh, SpeedMargin margin) {
    /** Shortest section that may be used for enforcement. */
    public static final double MIN_DISTANCE_M = 500;

    /** Which end of the section. */
    public enum Role {
        ENTRY, EXIT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public Role opposite() {
            return this == ENTRY ? EXIT : ENTRY;
        }
    }

    /** {@code entry} gantry id. */
    public String entryGantry(String self) {
        return role == Role.ENTRY ? self : otherEnd;
    }

    /** {@code exit} gantry id. */
    public String exitGantry(String self) {
        return role == Role.EXIT ? self : otherEnd;
    }
}
