package org.anpr.central.hotlist;

import java.util.List;
import org.anpr.protocol.v1.HotlistEntry;

/** Where the central hotlist and its recent change history survive restarts. */
public interface HotlistStore {
    /** One change of one entry; {@code entry} null means removed. */
    record Change(long version, String entryId, HotlistEntry entry) {
    }

    /** @param deltaFloor the oldest version a delta can still start from */
    record Saved(long version, long deltaFloor, List<HotlistEntry> entries, List<Change> history) {
    }

    Saved load() throws Exception;

    /** Stores version {@code version}'s changes and forgets history at or below {@code newFloor}, atomically. */
    void save(long version, List<Change> changes, long newFloor) throws Exception;
}
