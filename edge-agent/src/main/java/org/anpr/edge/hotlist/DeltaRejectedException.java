package org.anpr.edge.hotlist;

/** A hotlist delta that cannot be applied; nothing was changed. */
public final class DeltaRejectedException extends Exception {
    public DeltaRejectedException(String message) {
        super(message);
    }
}
