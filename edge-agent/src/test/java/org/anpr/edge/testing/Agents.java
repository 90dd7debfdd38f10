package org.anpr.edge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import org.anpr.edge.pipeline.EdgeAgent;

/** Small things the agent-level tests share. */
public final class Agents {
    private Agents() {
    }

    /** A broker URI nobody listens on (a port just freed): the agent runs with its link down. */
    public static String deadBrokerUri() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** Section passages the agent holds, or -1 if its store cannot be read. */
    public static int pendingPassages(EdgeAgent agent) {
        try {
            return agent.sections().pendingCount();
        } catch (SQLException e) {
            return -1;
        }
    }
}
