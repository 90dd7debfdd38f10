package org.anpr.central.ingest;

/** Told when the store falls behind (stop reading sockets) and when it has caught up. */
@FunctionalInterface
public interface StoreLagListener {
    void storeLagging(boolean lagging);
}
