package org.anpr.central.operator;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an operator may do. One role per account: the data-protection rules want an account's
 * reach to be obvious, so roles do not stack and {@code admin} (accounts and tokens) does not
 * include searching sightings.
 */
public enum Role {
    /** Sees the fleet, open alerts and statistics. */
    VIEWER,
    /** Watches and acknowledges alerts, opens the images of alerted reads. */
    DISPATCHER,
    /** Searches sightings and trajectories for a case, exports them, sees violations. */
    INVESTIGATOR,
    /** Maintains the hotlist. */
    HOTLIST_MANAGER,
    /** Manages accounts and API tokens. */
    ADMIN,
    /** Reads and verifies the audit trail. */
    AUDITOR;

    /** Everyone who works with live operations (not the auditor, who only reviews). */
    public static final Set<Role> OPERATIONS = EnumSet.of(VIEWER, DISPATCHER, INVESTIGATOR, HOTLIST_MANAGER, ADMIN);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> of(String wire) {
        for (Role r : values()) {
            if (r.wireName().equals(wire)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static String allowed() {
        return String.join(", ", EnumSet.allOf(Role.class).stream().map(Role::wireName).toList());
    }
}
