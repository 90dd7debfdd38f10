package org.anpr.central.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The fleet table, read on a connection of the caller's (the operators' API has its own). */
public final class FleetRows {
    private FleetRows() {
    }

    public static List<FleetEntry> list(Connection c) throws SQLException {
        try {
            return CentralTables.fleet(c);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new SQLException("a stored gantry status does not decode", e);
        }
    }
}
