package org.anpr.central.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an alert ended, as the dispatcher records it when acknowledging. */
public enum AlertOutcome {
    /** The vehicle was stopped. */
    INTERCEPTED,
    /** A patrol went but did not find it. */
    NOT_LOCATED,
    /** The plate was read wrongly: it was another vehicle. */
    MISREAD,
    /** The read was right but the hotlist entry was wrong or out of date. */
    LIST_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AlertOutcome> of(String wire) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(wire)).findFirst();
    }

    public static String allowed() {
        return String.join(", ", Arrays.stream(values()).map(AlertOutcome::wireName).toList());
    }
}
