package org.anpr.central.store;

import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/** One change a store commits; a batch of them is one transaction per file. All times are UTC microseconds. */
public sealed interface StoreWrite {
    /**
     * Stored once per read id (INSERT OR IGNORE): redelivery is harmless. The row's binary columns
     * are made when the write is (on the ingesting event loop), so that the single store writer
     * only binds them.
     */
    record Read(PlateRead read, long receivedMicros, ReadRows.Columns columns) implements StoreWrite {
        public Read(PlateRead read, long receivedMicros) {
            this(read, receivedMicros, ReadRows.columns(read));
        }
    }

    /** Where an alert was raised: on the gantry, or by the centre's second-line match. */
    enum AlertSource { EDGE, CENTRAL }

    /** Stored once per alert id and once per (read, entry, source). */
    record Alert(HotlistAlert alert, AlertSource source, long receivedMicros) implements StoreWrite {
    }

    record Violation(SectionViolation violation, String gantryId, long receivedMicros) implements StoreWrite {
    }

    record Rejected(RejectedPayload payload) implements StoreWrite {
    }

    /** A status heartbeat (or a last will): the gantry's retained state in the fleet table. */
    record Status(GantryStatus status, long receivedMicros) implements StoreWrite {
    }

    record Presence(String gantryId, boolean online, long atMicros) implements StoreWrite {
    }

    /** Any message from the gantry: moves its last-seen time forward. */
    record Seen(String gantryId, long atMicros) implements StoreWrite {
    }

    record Enqueue(PendingDelivery delivery) implements StoreWrite {
    }

    record Delivered(String gantryId, byte[] messageId) implements StoreWrite {
    }
}
