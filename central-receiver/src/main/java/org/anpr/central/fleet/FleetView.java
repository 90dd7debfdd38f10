package org.anpr.central.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.central.store.FleetEntry;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;

/**
 * The health of every gantry: last seen, online or not, retained status (the last will when it
 * dropped), hotlist version and outbox backlog. Kept in the store's {@code fleet} table by the
 * ingest path (status messages, connects, disconnects, every publish's last-seen time).
 */
public final class FleetView {
    private final ReadStore store;

    public FleetView(ReadStore store) {
        this.store = store;
    }

    public List<FleetEntry> all() throws StoreException {
        return store.fleet();
    }

    public Optional<FleetEntry> gantry(String gantryId) throws StoreException {
        return store.fleet().stream().filter(e -> e.gantryId().equals(gantryId)).findFirst();
    }

    /**
     * At start-up no gantry is connected, whatever the table says after a crash: mark them
     * offline (their sessions reconnect within a keep-alive and mark themselves online).
     */
    public void markAllOffline() throws StoreException {
        List<StoreWrite> writes = new ArrayList<>();
        long now = System.currentTimeMillis() * 1000;
        for (FleetEntry e : store.fleet()) {
            if (e.online()) {
                writes.add(new StoreWrite.Presence(e.gantryId(), false, now));
            }
        }
        if (!writes.isEmpty()) {
            store.commit(writes);
        }
    }
}
